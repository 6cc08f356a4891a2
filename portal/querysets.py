"""Querysets that speak the portal's language, shared by the apps' page types."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from portal.localisation import active_locale
from portal.site_structure import shared


class LocalisedQuerySetMixin:
    def in_active_locale(self):
        """Only the rows in the language the visitor is reading."""
        return self.filter(locale=active_locale())


class PortalPageQuerySet(LocalisedQuerySetMixin, PageQuerySet):
    def in_visitor_language(self):
        """Each page once, however many languages it is written in: in the visitor's
        language where it has a live translation, else in its original language (the
        first of its live translations to be created; a translation is always created
        after its source), so a Finnish visitor finds all of the network's work and
        reads what has been translated for them. Templates mark the pages shown in
        another language (``components/original_language.html``)."""
        active = active_locale()
        preferred = Page.objects.filter(
            Q(locale=active) | Q(pk__lt=OuterRef("pk")),
            translation_key=OuterRef("translation_key"),
            live=True,
        )
        return self.filter(Q(locale=active) | ~Exists(preferred))

    def child_of_any_translation(self, page):
        """The children of the page and of each of its translations: a listing page in
        any language lists what was written in every language."""
        condition = Q(pk__in=[])
        for translation in page.get_translations(inclusive=True).only("path", "depth"):
            condition |= self.child_of_q(translation)
        return self.filter(condition)

    def private_q(self):
        """Wagtail's condition for pages in a private section, with the restricted
        sections from the site's structure rather than read once per list of pages."""
        q = Q()
        for page in restricted_sections():
            q |= self.descendant_of_q(page, inclusive=True)
        # Match no page if no section is private.
        return q if q else Q(pk__in=[])


class ReferenceTermQuerySet(LocalisedQuerySetMixin, models.QuerySet):
    pass


def restricted_sections():
    """The pages with view restrictions (password, sign-in, groups) on them, kept with
    the site's structure (``portal.site_structure``)."""
    return shared(
        "restricted sections",
        lambda: [
            restriction.page for restriction in PageViewRestriction.objects.select_related("page")
        ],
    )


def private_pages():
    """Every page in a private section, for leaving out the rows that would name one (a
    tour's week names its city)."""
    return PortalPageQuerySet(Page).not_public()


def is_private(page):
    """Whether a page already read is in a private section, as ``private_q`` tells of the
    pages of a query: for a related page shown beside another (an event's host city), which
    must not be named if it is private."""
    return any(page.path.startswith(section.path) for section in restricted_sections())


def public_only(pages):
    """Of pages already read, those not in a private section."""
    return [page for page in pages if not is_private(page)]


def page_manager(queryset_class):
    """A page manager whose querysets have the given class's domain methods."""
    return PageManager.from_queryset(queryset_class)()
