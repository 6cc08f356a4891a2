from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, Window
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from cities.charts import indicator_series
from cities.map import map_markers
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.models import BasePage, StoryPage
from portal.page_cache import first_to_come, start_of_tomorrow
from portal.querysets import PortalPageQuerySet, page_manager


class Country(models.TextChoices):
    DENMARK = "DK", _("Denmark")
    FINLAND = "FI", _("Finland")
    ICELAND = "IS", _("Iceland")
    NORWAY = "NO", _("Norway")
    SWEDEN = "SE", _("Sweden")
    FAROE_ISLANDS = "FO", _("Faroe Islands")
    GREENLAND = "GL", _("Greenland")
    ALAND = "AX", _("Åland")


class MembershipStatus(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    MEMBER = "member", _("Member")
    FORMER_MEMBER = "former", _("Former member")


class CityIndexPage(BasePage):
    """The directory of member cities."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["cities.CityPage"]

    class Meta:
        verbose_name = _("city index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every public member city, in the visitor's language where its page is translated.
        members = CityPage.objects.live().public().members().in_visitor_language().order_by("title")
        country = request.GET.get("country", "")
        if country not in Country.values:
            country = ""
        query = request.GET.get("q", "").strip()
        cities = list(
            members.matching(country=country, name=query)
            .select_related("coat_of_arms")
            .defer_streamfields()
        )
        context.update(
            cities=cities,
            countries=members.country_counts(),
            selected_country=country,
            name_query=query,
            map_markers=map_markers(cities),
        )
        return context


class CityPageQuerySet(PortalPageQuerySet):
    def edited_by(self, user):
        """The cities whose pages the user's groups may edit: a city editor's own."""
        return self.filter(
            group_permissions__group__user=user,
            group_permissions__permission__codename="change_page",
        ).distinct()

    def members(self):
        return self.filter(membership_status=MembershipStatus.MEMBER)

    def one_per_city(self):
        """Each city once, not once per translation: its page in the site's default
        language, or, for a city without one, whatever pages it has."""
        default = Locale.get_default()
        return self.filter(
            Q(locale=default)
            | ~Q(translation_key__in=self.filter(locale=default).values("translation_key"))
        )

    def matching(self, country="", name=""):
        cities = self
        if country:
            cities = cities.filter(country=country)
        if name:
            cities = cities.filter(title__icontains=name)
        return cities

    def country_counts(self):
        """Every country with the number of these cities in it, in the choices' order."""
        counts = dict(
            self.order_by()
            .values_list("country")
            .annotate(models.Count("pk"))
            .values_list("country", "pk__count")
        )
        return [(code, label, counts.get(code, 0)) for code, label in Country.choices]


class CityPage(BasePage):
    """A member city's public profile. Its practices live below it in the page tree, so
    that the city's editors can be given that subtree and nothing else."""

    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    region = models.CharField(_("region"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("population year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2016), MaxValueValidator(2100)],
        help_text=_("The year the city joined the network."),
    )
    membership_status = models.CharField(
        _("membership status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.MEMBER,
    )
    coat_of_arms = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("coat of arms or logo"),
    )
    hero_image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    introduction = models.TextField(_("introduction"), max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    challenges = RichTextField(
        _("challenges"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the city is up against: the problems it wants to solve."),
    )
    network_focus = RichTextField(
        _("with the network this year"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the city works on with the network this year."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("population"), FieldPanel("population_year")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Facts"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("member_since"), FieldPanel("membership_status")])],
            heading=_("Membership"),
        ),
        FieldPanel("introduction"),
        FieldPanel("coat_of_arms"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("challenges"),
        FieldPanel("network_focus"),
        InlinePanel("key_figures", label=_("Key figure"), heading=_("Key safety figures")),
        InlinePanel(
            "strategy_documents", label=_("Strategy document"), heading=_("Strategy documents")
        ),
        InlinePanel("contacts", label=_("Contact"), heading=_("Contacts")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("region"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("membership_status"),
    ]

    parent_page_types = ["cities.CityIndexPage"]
    served_with = ("hero_image", "coat_of_arms")
    subpage_types = ["practices.PracticePage"]
    # A city with hundreds of practices shows the newest; the library lists them all.
    practices_shown = 12

    objects = page_manager(CityPageQuerySet)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def structured_data(self, request=None):
        """The city as schema.org JSON-LD for search engines: a City inside its region,
        if it has one, inside its country."""
        place = {"@type": "Country", "name": str(self.get_country_display())}
        if self.region:
            place = {"@type": "AdministrativeArea", "name": self.region, "containedInPlace": place}
        data = {
            "@context": "https://schema.org",
            "@type": "City",
            "name": self.title,
            "url": self.get_full_url(request),
            "containedInPlace": place,
        }
        if self.introduction:
            data["description"] = self.introduction
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        return data

    def strategy_documents_with_files(self):
        """The strategy documents, each with its uploaded file, in one query."""
        return self.strategy_documents.select_related("document")

    def public_contacts(self):
        return [contact for contact in self.contacts.all() if contact.is_public]

    def key_figure_series(self):
        return indicator_series(self.key_figures.all())

    def live_practices(self):
        """The city's live, public practices in the visitor's language where translated,
        in the original where not: a translated city page lists its city's practices even
        before they are translated (they stay below the original city page until then)."""
        # Practices are an app above cities: their model is reached through their city
        # (PracticePage.city), and matched to every translation of this page.
        practices = self.practice_pages.model.objects
        return (
            practices.live()
            .public()
            .filter(city__translation_key=self.translation_key)
            .in_visitor_language()
        )

    @cached_property
    def practices(self):
        """The city's newest practices, as many as the page shows; the library lists
        them all."""
        # With the count of them all, in the same query.
        practices = self.live_practices().for_cards().newest()
        return list(practices.annotate(total=Window(Count("*")))[: self.practices_shown])

    @cached_property
    def practice_count(self):
        """All the city's live practices, for the link to the rest in the library."""
        return self.practices[0].total if self.practices else 0

    def takeover_weeks(self):
        """The city's announced weeks on published tours, oldest first."""
        return (
            self.tour_stops.on_live_tours()
            .announced()
            .select_related("tour", "city")
            .order_by("week_start")
        )

    def next_change(self, context):
        # Its takeover week is marked "this week" by the date, and its events as past
        # once they end.
        moments = list(self.hosted_events().values_list("end", flat=True))
        if any(not stop.is_past() for stop in self.takeover_weeks()):
            moments.append(start_of_tomorrow())
        return first_to_come(moments)

    def hosted_events(self):
        return self.hosted_event_pages.live().public().for_cards().order_by("-start")

    def stories(self):
        return StoryPage.objects.live().public().filter(cities=self).newest().for_cards()
