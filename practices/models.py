from django import forms
from django.core.paginator import Paginator
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cities.models import Country
from portal.blocks import BodyBlock
from portal.models import BasePage, CapitalCodeTheme, CharterGoal
from portal.querysets import PortalPageQuerySet, page_manager


class PracticeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


class PracticeIndexPage(BasePage):
    """The library of good practices: every practice of every city, wherever it lives in
    the page tree, browsable by goal, theme and country."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    # Practices live under their city, not here; the library aggregates them.
    subpage_types = []

    practices_per_page = 12

    class Meta:
        verbose_name = _("practice library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        goals = CharterGoal.objects.in_active_locale()
        themes = CapitalCodeTheme.objects.in_active_locale()
        selected_goal = goals.filter(slug=request.GET.get("goal", "")).first()
        selected_theme = themes.filter(slug=request.GET.get("theme", "")).first()
        selected_country = request.GET.get("country", "")
        if selected_country not in Country.values:
            selected_country = ""

        practices = (
            PracticePage.objects.live()
            .in_active_locale()
            .filter_by(goal=selected_goal, theme=selected_theme, country=selected_country)
        )
        context.update(
            charter_goals=goals,
            capital_code_themes=themes,
            countries=Country.choices,
            selected_goal=selected_goal,
            selected_theme=selected_theme,
            selected_country=selected_country,
            practices=Paginator(practices.for_cards(), self.practices_per_page).get_page(
                request.GET.get("page")
            ),
        )
        return context


class PracticePageQuerySet(PortalPageQuerySet):
    def newest(self):
        return self.order_by("-first_published_at", "-pk")

    def filter_by(self, goal=None, theme=None, country=""):
        practices = self
        if goal:
            practices = practices.filter(charter_goals=goal)
        if theme:
            practices = practices.filter(capital_code_themes=theme)
        if country:
            practices = practices.filter(city__country=country)
        return practices.newest()

    def for_cards(self):
        """What a practice card shows, fetched without a query per card."""
        return self.select_related("city").prefetch_related("charter_goals")


class PracticePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticePage(BasePage):
    """A good practice: what a city did, how, and what changed, so another city can act on it."""

    city = models.ForeignKey(
        "cities.CityPage",
        on_delete=models.PROTECT,
        related_name="practice_pages",
        editable=False,
        help_text=_("The city the practice belongs to: the city page it is published under."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        # max_length on a TextField binds only forms; the validator binds imports too.
        validators=[MaxLengthValidator(300)],
        help_text=_("At most 300 characters; shown on cards and in search results."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    charter_goals = ParentalManyToManyField(
        CharterGoal,
        related_name="practices",
        verbose_name=_("charter goals"),
        help_text=_("The charter goals the practice serves; at least one."),
    )
    capital_code_themes = ParentalManyToManyField(
        CapitalCodeTheme,
        blank=True,
        related_name="practices",
        verbose_name=_("Capital Code themes"),
    )
    tags = ClusterTaggableManager(through=PracticePageTag, blank=True, verbose_name=_("tags"))
    status = models.CharField(
        _("status"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.ONGOING
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    summary_field = "summary"

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("charter_goals", widget=forms.CheckboxSelectMultiple),
                FieldPanel("capital_code_themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Goals, themes and tags"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Status and period"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("status"),
    ]

    parent_page_types = ["cities.CityPage"]
    subpage_types = []

    objects = page_manager(PracticePageQuerySet)

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def save(self, *args, **kwargs):
        # The city is always the page's parent; kept as a column so that the library can
        # filter and join on it without walking the tree.
        if not self.city_id:
            self.city_id = self.get_parent().id
        super().save(*args, **kwargs)

    def follow_move(self):
        """Keep the city in step when the page is moved to another city."""
        parent_id = self.get_parent().id
        if parent_id != self.city_id:
            PracticePage.objects.filter(pk=self.pk).update(city_id=parent_id)
            self.city_id = parent_id
