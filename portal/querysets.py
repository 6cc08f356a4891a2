"""Querysets that speak the portal's language, shared by the apps' page types."""

from django.db import models
from django.db.models import Q
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from portal.localisation import active_locale
from portal.structure import shared


class LocalisedQuerySetMixin:
    def in_active_locale(self):
        """Only the rows in the language the visitor is reading."""
        return self.filter(locale=active_locale())


class PortalPageQuerySet(LocalisedQuerySetMixin, PageQuerySet):
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
    the site's structure (``portal.structure``)."""
    return shared(
        "restricted sections",
        lambda: [
            restriction.page for restriction in PageViewRestriction.objects.select_related("page")
        ],
    )


def page_manager(queryset_class):
    """A page manager whose querysets have the given class's domain methods."""
    return PageManager.from_queryset(queryset_class)()
