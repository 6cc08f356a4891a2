import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.fields import MultipleChoiceJSONField
from portal.models import BasePage

# A takeover week runs Monday to Friday.
TAKEOVER_DAYS = 5


class Channel(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X (Twitter)"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"


class TourIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.TourPage"]

    class Meta:
        verbose_name = _("tour index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tours"] = TourPage.objects.child_of(self).live().order_by("-first_week")
        return context


class TourPage(BasePage):
    """A takeover tour: one member city a week takes over the network's social channels."""

    introduction = models.TextField(_("description"))
    first_week = models.DateField(
        _("first week"), help_text=_("The Monday of the tour's first week.")
    )
    number_of_weeks = models.PositiveSmallIntegerField(
        _("number of weeks"), validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    channels = MultipleChoiceJSONField(_("channels"), option_choices=Channel.choices, blank=True)
    charter_goals = ParentalManyToManyField(
        "portal.CharterGoal", blank=True, related_name="tours", verbose_name=_("charter goals")
    )
    capital_code_themes = ParentalManyToManyField(
        "portal.CapitalCodeTheme",
        blank=True,
        related_name="tours",
        verbose_name=_("Capital Code themes"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("first_week"), FieldPanel("number_of_weeks")]),
        FieldPanel("channels"),
        MultiFieldPanel(
            [
                FieldPanel("charter_goals", widget=forms.CheckboxSelectMultiple),
                FieldPanel("capital_code_themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Themes"),
        ),
        InlinePanel("stops", label=_("Stops"), heading=_("Stops, week by week")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["events.TourIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tour")

    def clean(self):
        super().clean()
        if self.first_week and self.first_week.weekday() != 0:
            raise ValidationError({"first_week": _("Choose the Monday of the first week.")})

    @property
    def last_week(self):
        return self.first_week + datetime.timedelta(weeks=self.number_of_weeks - 1)

    @property
    def last_day(self):
        """The Friday of the last takeover week."""
        return self.last_week + datetime.timedelta(days=TAKEOVER_DAYS - 1)

    def has_ended(self, today=None):
        return self.last_day < (today or timezone.localdate())

    def channel_labels(self):
        labels = dict(Channel.choices)
        return [labels.get(channel, channel) for channel in self.channels]

    def week_number(self, week_start):
        """The tour week (1, 2, ...) that starts on the given Monday."""
        return (week_start - self.first_week).days // 7 + 1

    def ordered_stops(self):
        return self.stops.select_related("city").order_by("week_start")


class TourStopQuerySet(models.QuerySet):
    def on_live_tours(self):
        return self.filter(tour__live=True)

    def current_or_next(self, today=None):
        """The stop whose week is under way, or else the next one to come."""
        today = today or timezone.localdate()
        earliest_start = today - datetime.timedelta(days=TAKEOVER_DAYS - 1)
        return (
            self.on_live_tours()
            .filter(week_start__gte=earliest_start)
            .select_related("city", "tour")
            .order_by("week_start")
            .first()
        )


class TourStop(Orderable):
    """One week of a tour, in which one city takes over the channels."""

    tour = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="stops")
    city = models.ForeignKey("cities.CityPage", on_delete=models.PROTECT, related_name="tour_stops")
    week_start = models.DateField(_("week"), help_text=_("The Monday of the takeover week."))
    topic = models.CharField(_("focus topic"), max_length=200)
    host_name = models.CharField(_("host"), max_length=120, blank=True)
    host_title = models.CharField(
        _("host's title"), max_length=120, blank=True, help_text=_("For example: Mayor")
    )

    panels = [
        FieldPanel("city"),
        FieldPanel("week_start"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("host_name"), FieldPanel("host_title")]),
    ]

    objects = TourStopQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("tour stop")
        verbose_name_plural = _("tour stops")

    def __str__(self):
        return f"{self.city} ({self.week_start:%Y-%m-%d})"

    def clean(self):
        super().clean()
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": _("Choose the Monday of the takeover week.")})

    @property
    def week_end(self):
        return self.week_start + datetime.timedelta(days=TAKEOVER_DAYS - 1)

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.week_start <= today <= self.week_end

    def is_past(self, today=None):
        return self.week_end < (today or timezone.localdate())

    @property
    def week_number(self):
        """Which week of its tour this is: 1, 2, ..."""
        return self.tour.week_number(self.week_start)
