from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import schema_org
from portal.blocks import BodyBlock
from portal.forms import PortalPageForm
from portal.localisation import (
    active_locale,
    language_of,
    localized,
    reference_terms,
    term_fields,
    terms_in_locale,
    under_visitor_prefix,
)
from portal.page_cache import first_to_come, start_of_tomorrow
from portal.querysets import PortalPageQuerySet, page_manager, public_only
from portal.routing import child_page, pages_on_path
from portal.site_structure import shared
from portal.sitemaps import sitemap_urls

from .taxonomy import CapitalCodeTheme, CharterGoal


class BasePage(Page):
    """What every page of the portal has: a summary for cards and meta tags, a social
    image, and a flag that marks content invented for the demo."""

    social_image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared; 1200×630 pixels works best."),
    )
    is_demo_content = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Invented for the demo; delete it before the portal goes live."),
    )

    # The field that summarises the page on cards, in search results and in meta tags.
    summary_field = "introduction"
    # What the page's own template shows beside it (a practice's city, a story's photo),
    # read with the page when it is served (portal.routing).
    served_with = ()

    objects = page_manager(PortalPageQuerySet)

    # Images and documents attached must be the editor's to use, and reference terms are
    # listed in the page's language (portal.forms).
    base_form_class = PortalPageForm

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    settings_panels = [*Page.settings_panels, FieldPanel("is_demo_content")]

    class Meta:
        abstract = True

    def clean(self):
        """File the page with the charter goals, themes and target groups of its own
        language. wagtail-localize copies a translation's many-to-many relations from the
        source as they are (wagtail/wagtail-localize#534, #820), which would leave a
        Finnish practice filed under the English goals."""
        super().clean()
        for relation in term_fields(type(self)):
            terms = list(getattr(self, relation.name).all())
            filed = terms_in_locale(terms, self.locale_id)
            if filed != terms:
                setattr(self, relation.name, filed)

    def get_view_restrictions(self):
        """The restrictions on the page and its ancestors, as Wagtail's method finds them
        (an alias is restricted as the page it copies), in one query instead of two: the
        ancestors' paths are known from the page's own. Always from the database: who may
        see a page never rests on a cache."""
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()

    def route(self, request, path_components):
        """Wagtail's walk down the tree, with each child taken from the pages of the
        address that the home page read at once (``portal.routing``) instead of two
        queries per level."""
        if not path_components:
            return super().route(request, path_components)
        child = child_page(self, path_components[0])
        if child is None:
            raise Http404
        return child.route(request, path_components[1:])

    def get_url_parts(self, request=None):
        """Shown to a visitor (with the request, as ``{% pageurl %}`` and
        ``get_url(request)`` ask), the page's address under the visitor's language
        prefix, whatever the page's own language: a page not translated into it is served
        there too, in its original with the interface in the visitor's language
        (``HomePage.route``), so menus, breadcrumbs, cards and buttons keep the visitor in
        their language. Without a request (emails, calendar files, purges of a CDN in
        front, which run in an editor's language), the page's own address."""
        parts = super().get_url_parts(request)
        if request is None or parts is None or parts[2] is None:
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, under_visitor_prefix(page_path, self.locale_id)

    def get_sitemap_urls(self, request=None):
        """One entry per language the page is shown in, with every language's address as
        alternates, and the same for its routable sub-pages (``portal.sitemaps``)."""
        return sitemap_urls(self, request)

    def sitemap_sub_paths(self):
        """The routable sub-pages search engines should find, as paths below the page's
        own address, in the active language; none for most pages."""
        return []

    def next_change(self, context):
        """When this page, rendered with this context, next shows something else with no
        one editing anything (an event starting, registration closing, a tour's week
        turning); the page cache keeps it no longer (portal/page_cache.py). None: only an edit
        changes it."""
        return None

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        return f"{title} [{_('demo')}]" if self.is_demo_content else title

    @property
    def summary(self):
        return getattr(self, self.summary_field, "")

    def get_meta_description(self):
        return self.search_description or self.summary


class HomePage(BasePage):
    """The front door: what the network is, and the ways into its work."""

    introduction = models.TextField(
        _("introduction"), help_text=_("One or two sentences: what the network is and does.")
    )
    hero_image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("hero_image")]

    # The home page is a site root; there is one per site and language.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cities.CityIndexPage",
        "practices.PracticeIndexPage",
        "events.TourIndexPage",
        "events.EventIndexPage",
        "portal.StoryIndexPage",
        "portal.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")

    @property
    def localized(self):
        """The home page in the visitor's language if it is live, else this one, as
        Wagtail's ``localized`` gives it. Wagtail routes every address from it, with a
        query for the active locale and two for the translation; the site's structure
        keeps it until an editor publishes or unpublishes a home page."""
        locale = active_locale()
        if locale.pk == self.locale_id:
            return self
        return (
            shared(
                ("home", self.translation_key, locale.pk),
                lambda: self.get_translations().filter(locale=locale).live().specific().first(),
            )
            or self
        )

    def route(self, request, path_components):
        """Every page is served under every language's prefix: the address is looked for
        in the visitor's language's tree, then in the source (English) tree, then in the
        other languages' trees, so /sv/cities/reykjavik/ shows the English page, marked as
        such, with the interface in Swedish. Links on a page keep the visitor's prefix
        (``BasePage.get_url_parts``) and lead here."""
        try:
            return self.route_in_tree(request, path_components)
        except Http404 as not_found:
            for home in self.other_language_trees():
                try:
                    return home.route_in_tree(request, path_components)
                except Http404:
                    continue
            raise not_found

    def route_in_tree(self, request, path_components):
        with pages_on_path(self, path_components):
            return super().route(request, path_components)

    def other_language_trees(self):
        """The live home pages of the other languages, the source language's first, then
        in the order of the language switcher."""
        order = [code for code, _name in settings.LANGUAGES]
        homes = self.get_translations().live().specific()
        return sorted(homes, key=lambda home: order.index(language_of(home.locale_id)))

    def structured_data(self, request=None):
        """The network itself as a schema.org Organization, for search engines."""
        return {
            "@context": schema_org.CONTEXT,
            **schema_org.network(request),
            "description": self.introduction,
            # From the network's own history: founded in 2016 on the initiative of the
            # Nordic Council of Ministers.
            "foundingDate": "2016",
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            charter_goals=reference_terms(CharterGoal),
            capital_code_themes=reference_terms(CapitalCodeTheme),
            latest_stories=StoryPage.objects.live()
            .public()
            .in_visitor_language()
            .newest()
            .for_cards()[:3],
        )
        # The apps above portal add what they show here (the member cities, the newest
        # practices, the tour's week, the coming events), each in its wagtail_hooks.
        for add_to_context in hooks.get_hooks("construct_home_page_context"):
            add_to_context(request, context)
        return context

    def next_change(self, context):
        # The coming events leave the list as they end; the tour's stop is this week's
        # or the next one's by the date.
        events = context.get("upcoming_events") or ()
        moments = [moment for event in events for moment in (event.start, event.end)]
        if context.get("tour_stop"):
            moments.append(start_of_tomorrow())
        return first_to_come(moments)


class StandardPage(BasePage):
    """A page of text: about the network, the charter, contact, privacy."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage", "portal.CrosswalkPage"]

    class Meta:
        verbose_name = _("standard page")


class CrosswalkPage(BasePage):
    """Explains how the charter's goals and the Capital Code's themes relate, as a table
    drawn from the reference data, so that it never disagrees with it."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    parent_page_types = ["portal.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("goals and themes crosswalk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        goals = list(localized(CharterGoal.objects.all()))
        themes = list(localized(CapitalCodeTheme.objects.prefetch_related("related_goals")))
        context["charter_goals"] = goals
        context["crosswalk_rows"] = [
            (theme, [goal in theme.related_goals.all() for goal in goals]) for theme in themes
        ]
        return context


class StoryIndexPage(BasePage):
    """Network news and city stories, newest first."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.StoryPage"]

    stories_per_page = 12

    class Meta:
        verbose_name = _("story index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every story, each once, in the visitor's language where translated.
        stories = StoryPage.objects.live().public().in_visitor_language().newest().for_cards()
        context["stories"] = Paginator(stories, self.stories_per_page).get_page(
            request.GET.get("page")
        )
        return context


class StoryPageQuerySet(PortalPageQuerySet):
    def newest(self):
        return self.order_by("-date", "-pk")

    def for_cards(self):
        """What a story card shows, without a query per card (and without the text it
        does not show). The cities give the drawing of a story without a picture."""
        return self.select_related("image").prefetch_related("cities").defer_streamfields()


class StoryPage(BasePage):
    """A piece of network news, or a story told by or about member cities."""

    introduction = models.TextField(_("introduction"), max_length=400)
    date = models.DateField(_("date"))
    image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    cities = ParentalManyToManyField(
        "cities.CityPage",
        blank=True,
        related_name="+",
        verbose_name=_("cities"),
        help_text=_("The member cities this story is about."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("cities"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.StoryIndexPage"]
    served_with = ("image",)
    subpage_types = []
    # A translation tells the same story about the same cities; wagtail-localize leaves
    # many-to-many relations out unless told.
    override_translatable_fields = [SynchronizedField("cities")]

    objects = page_manager(StoryPageQuerySet)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def structured_data(self, request=None):
        """The story as a schema.org NewsArticle, with what Google's article results read.
        A story without a photo (or social image) has no image: another picture would not
        show the story, and Google recommends an image but requires none."""
        url = self.get_full_url(request)
        network = schema_org.network(request)
        return schema_org.item(
            "NewsArticle",
            headline=self.title,
            description=self.introduction,
            url=url,
            mainEntityOfPage=url,
            inLanguage=language_of(self.locale_id),
            # The story's own date is when it happened and was told; a page published
            # later (or republished) keeps it.
            datePublished=self.date.isoformat(),
            dateModified=self.last_published_at,
            image=schema_org.images(self.image or self.social_image, request),
            # The network's staff write the stories; no person is named as their author.
            author=network,
            publisher=network,
        )

    def public_cities(self):
        """The cities the story is about, but for those in private sections."""
        return public_only(self.cities.all())
