import datetime

from django import forms
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import schema_org
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock, ResourceBlock
from portal.fields import MultipleChoiceJSONField
from portal.localisation import (
    active_locale,
    language_of,
    reference_term_or_404,
    reference_terms,
    terms_in_locale,
)
from portal.models import BasePage, CapitalCodeTheme, CharterGoal
from portal.querysets import PortalPageQuerySet, page_manager, public_only, restricted_sections

from . import library_page
from .feeds import LibraryAtomFeed, LibraryFeed


class PracticeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


class PreventionLevel(models.TextChoices):
    UNIVERSAL = "universal", _("Universal: everyone in a place or group")
    SELECTIVE = "selective", _("Selective: groups at higher risk")
    INDICATED = "indicated", _("Indicated: individuals already involved")


class Partner(models.TextChoices):
    POLICE = "police", _("Police")
    PROPERTY_OWNERS = "property_owners", _("Property owners")
    LOCAL_BUSINESSES = "businesses", _("Local businesses")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    CULTURE = "culture", _("Culture")
    SCHOOLS = "schools", _("Schools")
    NATIONAL_AGENCIES = "national_agencies", _("National agencies")
    RESEARCH = "research", _("Research")


class Evaluation(models.TextChoices):
    NONE = "none", _("Not evaluated")
    INTERNAL = "internal", _("Internal evaluation")
    EXTERNAL = "external", _("External evaluation")
    PEER_REVIEWED = "peer_reviewed", _("Peer-reviewed study")


class EvidenceLevel(models.TextChoices):
    """How much another city can rely on the record, from the evaluation and the
    indicators; derived, never typed."""

    DESCRIBED = "described", _("Described")
    DOCUMENTED = "documented", _("Documented")
    EVALUATED = "evaluated", _("Evaluated")
    PEER_REVIEWED = "peer_reviewed", _("Peer reviewed")


EVIDENCE_EXPLANATIONS = {
    EvidenceLevel.DESCRIBED: _("The city describes what it did; no effect has been measured yet."),
    EvidenceLevel.DOCUMENTED: _(
        "The city has measured at least one indicator of effect against a baseline."
    ),
    EvidenceLevel.EVALUATED: _("An evaluation has assessed what the practice achieved."),
    EvidenceLevel.PEER_REVIEWED: _("A peer-reviewed study has assessed the practice's effect."),
}


class TargetGroup(TranslatableMixin, models.Model):
    """Whom a practice is for: young people, parents, residents of an area, ..."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_target_group_slug")
        ]

    def __str__(self):
        return self.name


class PracticeIndexPage(RoutablePageMixin, BasePage):
    """The library of good practices: every practice of every city, wherever it lives in
    the page tree, searchable and filtered by facets; with a landing page per charter goal
    and Capital Code theme, and feeds of what is new in any filtered view."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    # Practices live under their city, not here; the library aggregates them.
    subpage_types = []

    class Meta:
        verbose_name = _("practice library")

    # The routes' pages show what practices.library_page puts around the search result.

    @path("", name="library")
    def library(self, request):
        return self.render(request, context_overrides=library_page.library_context(self, request))

    @path("goals/<slug:slug>/", name="goal")
    def goal(self, request, slug):
        goal = reference_term_or_404(CharterGoal, slug)
        return self.term_page(request, goal, "goal", _("Charter goal"))

    @path("themes/<slug:slug>/", name="theme")
    def theme(self, request, slug):
        theme = reference_term_or_404(CapitalCodeTheme, slug)
        return self.term_page(request, theme, "theme", _("Capital Code theme"))

    def term_page(self, request, term, facet, kind):
        return self.render(
            request,
            template="practices/practice_term_page.html",
            context_overrides=library_page.term_context(self, request, term, facet, kind),
        )

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return LibraryAtomFeed()(request, library=self)

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        return LibraryFeed()(request, library=self)

    def get_cached_paths(self):
        """The library and the goals' and themes' pages, which list the practices: purged
        from a CDN in front when a practice changes (portal.page_cache)."""
        goals = CharterGoal.objects.values_list("slug", flat=True).distinct()
        themes = CapitalCodeTheme.objects.values_list("slug", flat=True).distinct()
        return [
            "/",
            *(self.reverse_subpage("goal", args=[slug]) for slug in goals),
            *(self.reverse_subpage("theme", args=[slug]) for slug in themes),
        ]

    def sitemap_sub_paths(self):
        """Each goal's and theme's page, by the slugs of the active language's terms."""
        return [
            self.term_path(term)
            for term in [*reference_terms(CharterGoal), *reference_terms(CapitalCodeTheme)]
        ]

    def term_path(self, term):
        name = "goal" if isinstance(term, CharterGoal) else "theme"
        return self.reverse_subpage(name, kwargs={"slug": term.slug})

    def term_url(self, term, request=None):
        return self.get_url(request) + self.term_path(term)


class PracticePageQuerySet(PortalPageQuerySet):
    def in_visitor_language(self):
        """Each practice once, as ``PortalPageQuerySet.in_visitor_language`` chooses it;
        on PostgreSQL from the languages stored with each practice's search document
        (``PracticeSearchDocument.shown_in``), so the library does not compare every
        practice with all of its translations at each request. There it also leaves out
        the practices that are not live (shown in no language)."""
        if connections[self.db].vendor != "postgresql":
            return super().in_visitor_language()
        return self.filter(search_document__shown_in__contains=[active_locale().language_code])

    def live_in_visitor_language(self):
        """The live practices, each once in the visitor's language; on PostgreSQL without
        reading the page table (``in_visitor_language``), which the library's counts over
        every matching practice would otherwise join in full."""
        if connections[self.db].vendor != "postgresql":
            return self.live().in_visitor_language()
        return self.in_visitor_language()

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
        """What a practice card (and the library's feeds) shows, without a query per card.
        Only those columns: a practice row carries a dozen long texts that a card never
        shows, and every column read costs time in the ORM, per query and per card."""
        return (
            self.select_related("city")
            .prefetch_related("charter_goals")
            .only(*CARD_FIELDS, *(f"city__{name}" for name in CITY_FIELDS_ON_CARDS))
        )


# A site search's result names the practice's kind (its content type), links to it (its
# address and language), names it and quotes its summary or its description for search
# engines (portal/search.html).
SEARCH_RESULT_FIELDS = (
    "content_type",
    "title",
    "url_path",
    "locale",
    "summary",
    "search_description",
)

# A card links to the practice (its address and language), names it, quotes its summary
# and status, and says where it is from; the feeds add the dates.
CARD_FIELDS = (
    "title",
    "url_path",
    "locale",
    "summary",
    "status",
    "city",
    "first_published_at",
    "last_published_at",
    # The card marks a practice invented for the demo (components/demo_mark.html).
    "is_demo_content",
)
CITY_FIELDS_ON_CARDS = ("title", "country")


# Staff see practices not reviewed for this long.
REVIEW_INTERVAL = datetime.timedelta(days=730)


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
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="practices", verbose_name=_("target groups")
    )
    prevention_level = models.CharField(
        _("prevention level"), max_length=20, choices=PreventionLevel.choices, blank=True
    )
    partners = MultipleChoiceJSONField(_("partners"), option_choices=Partner.choices, blank=True)

    # EMMIE: effect, mechanism, moderators (context), implementation, economic cost.
    problem = RichTextField(
        _("the problem"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What was wrong, for whom, and how you knew."),
    )
    mechanism = RichTextField(
        _("how it works"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Why the practice should change things: the mechanism."),
    )
    context = RichTextField(
        _("where it works"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The conditions it needs, and where it may not work."),
    )
    implementation = RichTextField(
        _("implementation"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The steps, the staff and the time it takes."),
    )
    cost = RichTextField(
        _("cost"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What it costs to run, in money and working time."),
    )
    evaluation = models.CharField(
        _("evaluation"), max_length=20, choices=Evaluation.choices, default=Evaluation.NONE
    )
    evaluation_link = models.URLField(_("link to the evaluation"), blank=True)
    evaluation_document = models.ForeignKey(
        "portal.PortalDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evaluation document"),
    )
    evidence_level = models.CharField(
        _("evidence"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.DESCRIBED,
        editable=False,
    )
    lessons_learned = RichTextField(
        _("lessons learned"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What you would do differently, including what did not work."),
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(_("contact's role"), max_length=160, blank=True)
    contact_email = models.EmailField(_("contact's email"), blank=True)
    resources = StreamField(ResourceBlock(), blank=True, verbose_name=_("documents and links"))
    adopted_by = ParentalManyToManyField(
        "cities.CityPage",
        blank=True,
        related_name="adopted_practices",
        verbose_name=_("adopted by"),
        help_text=_("Other member cities that have taken up this practice."),
    )
    related_events = ParentalManyToManyField(
        "events.EventPage",
        blank=True,
        related_name="related_practices",
        verbose_name=_("related events"),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the city last checked that the record is still true."),
    )
    original_language = models.CharField(
        _("language of the original"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("The record's id in the system it was imported from."),
    )

    summary_field = "summary"
    served_with = ("city",)

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
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("prevention_level"),
                FieldPanel("partners"),
            ],
            heading=_("Status, period and who it is for"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("problem"),
                FieldPanel("mechanism"),
                FieldPanel("context"),
                FieldPanel("implementation"),
                FieldPanel("cost"),
            ],
            heading=_("How it works (EMMIE)"),
        ),
        InlinePanel("indicators", label=_("Indicator"), heading=_("Effect: indicators")),
        MultiFieldPanel(
            [
                FieldPanel("evaluation"),
                FieldRowPanel([FieldPanel("evaluation_link"), FieldPanel("evaluation_document")]),
                FieldPanel("lessons_learned"),
            ],
            heading=_("Evaluation and lessons learned"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("contact_name"),
                        FieldPanel("contact_role"),
                        FieldPanel("contact_email"),
                    ]
                ),
                FieldPanel("resources"),
                FieldPanel("adopted_by"),
                FieldPanel("related_events"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("original_language")]),
            ],
            heading=_("Follow-up"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.SearchField("problem"),
        index.SearchField("mechanism"),
        index.SearchField("lessons_learned"),
        index.FilterField("status"),
        index.FilterField("prevention_level"),
        index.FilterField("evidence_level"),
    ]

    parent_page_types = ["cities.CityPage"]
    subpage_types = []
    # A translation is the same practice: its goals, themes, groups, partners in other
    # cities, events, contact person and imported id follow the original (wagtail-localize
    # leaves many-to-many relations out unless told). Dates, choices, links and the
    # indicators are synchronised by default; the texts are translated.
    override_translatable_fields = [
        SynchronizedField("charter_goals"),
        SynchronizedField("capital_code_themes"),
        SynchronizedField("target_groups"),
        SynchronizedField("adopted_by"),
        SynchronizedField("related_events"),
        SynchronizedField("contact_name", overridable=False),
        SynchronizedField("external_id", overridable=False),
    ]

    objects = page_manager(PracticePageQuerySet)

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def derive_evidence_level(self):
        if self.evaluation == Evaluation.PEER_REVIEWED:
            return EvidenceLevel.PEER_REVIEWED
        if self.evaluation in {Evaluation.INTERNAL, Evaluation.EXTERNAL}:
            return EvidenceLevel.EVALUATED
        if any(indicator.result for indicator in self.indicators.all()):
            return EvidenceLevel.DOCUMENTED
        return EvidenceLevel.DESCRIBED

    @property
    def evidence_explanation(self):
        return EVIDENCE_EXPLANATIONS[self.evidence_level]

    def structured_data(self, request=None):
        """The practice as a schema.org CreativeWork: a record of what a city did and what
        changed. Not a HowTo: the record explains a problem, a mechanism and an
        evaluation rather than steps to follow (and Google no longer shows HowTo results).
        The goals and themes are named in the page's language, as the page files them."""
        # Read once, here, for the page's body too, which the template renders after the
        # structured data in its head (and neither when both are kept).
        prefetch_related_objects([self], "charter_goals", "capital_code_themes", "tags")
        city = self.city
        return schema_org.item(
            "CreativeWork",
            name=self.title,
            description=self.summary,
            url=self.get_full_url(request),
            inLanguage=language_of(self.locale_id),
            about=[
                schema_org.defined_term(term)
                for terms in (self.charter_goals.all(), self.capital_code_themes.all())
                for term in terms_in_locale(list(terms), self.locale_id)
            ],
            spatialCoverage=schema_org.nested(city.structured_data(request)),
            keywords=[tag.name for tag in self.tags.all()],
            datePublished=self.first_published_at,
            dateModified=self.last_published_at,
            image=schema_org.images(self.social_image, request),
            author={
                "@type": "GovernmentOrganization",
                "name": city.title,
                "url": city.get_full_url(request),
            },
            publisher=schema_org.network(request),
        )

    def public_adopters(self):
        """The cities that adopted the practice, but for those in private sections."""
        return public_only(self.adopted_by.all())

    def public_related_events(self):
        """The related events, but for those in private sections."""
        return public_only(self.related_events.all())

    def partner_labels(self):
        labels = dict(Partner.choices)
        return [labels[partner] for partner in self.partners if partner in labels]

    def is_due_for_review(self, today=None):
        today = today or timezone.localdate()
        reviewed = self.last_reviewed or (
            self.first_published_at and self.first_published_at.date()
        )
        return reviewed is not None and reviewed < today - REVIEW_INTERVAL

    def save(self, *args, **kwargs):
        self.evidence_level = self.derive_evidence_level()
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


class PracticeIndicator(Orderable):
    """One indicator of effect: what is measured, from what baseline, towards what target,
    and what the result was."""

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="indicators")
    measure = models.CharField(
        _("what is measured"),
        max_length=200,
        help_text=_("For example: residents who feel unsafe at the station in the evening"),
    )
    baseline = models.CharField(_("baseline"), max_length=60, blank=True)
    target = models.CharField(_("target"), max_length=60, blank=True)
    result = models.CharField(_("result"), max_length=60, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year of the result"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    panels = [
        FieldPanel("measure"),
        FieldRowPanel(
            [FieldPanel("baseline"), FieldPanel("target"), FieldPanel("result"), FieldPanel("year")]
        ),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.measure


class PracticeSearchDocumentQuerySet(models.QuerySet):
    def shown_to_visitor(self):
        """The documents of the live, public practices, each practice once in the
        visitor's language (``PracticePageQuerySet.in_visitor_language``), read from this
        table alone: joined to the practices' table, every match was carried through a
        join with all of its rows (a third of the site search's time at 100,000
        practices)."""
        documents = self.filter(shown_in__contains=[active_locale().language_code])
        if restricted_sections():
            private = PracticePage.objects.not_public().values("pk")
            documents = documents.exclude(practice__in=private)
        return documents


class PracticeSearchDocument(models.Model):
    """A practice's words for the library's full-text search on PostgreSQL, stemmed in the
    practice's own language (and word for word), and its facet values, kept up to date by
    the database itself.

    Triggers (``practices.search_sql``, rendered from ``practices.facets`` and the models)
    rewrite the document whenever the practice, its tags or a tag's name change, so bulk
    imports and the admin alike keep it current; a GIN index finds the matches without
    reading every practice. The facets ("goal:<slug>", "country:<code>", ...: the
    library's URL parameters and values) follow the practice, its goals, themes, target
    groups, tags and city, and their slugs, so that the library counts every facet in one
    pass over the matching practices, among them the language of the practice's original
    ("language:sv"). ``shown_in`` lists the languages whose visitors are shown this
    translation of the practice rather than another (none while it is not live). Elsewhere
    (SQLite in development) the table stays empty and the library asks Wagtail's search
    backend and counts facets over the relations instead.
    """

    practice = models.OneToOneField(
        PracticePage,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    document = SearchVectorField(null=True)
    facets = ArrayField(models.TextField(), null=True)
    shown_in = ArrayField(models.TextField(), null=True)

    objects = PracticeSearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice search document")

    def __str__(self):
        return str(self.practice)
