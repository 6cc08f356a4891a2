"""Querysets that speak the portal's language, shared by the apps' page types."""

from django.db import models
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from portal.localisation import active_locale


class LocalisedQuerySetMixin:
    def in_active_locale(self):
        """Only the rows in the language the visitor is reading."""
        return self.filter(locale=active_locale())


class PortalPageQuerySet(LocalisedQuerySetMixin, PageQuerySet):
    pass


class ReferenceTermQuerySet(LocalisedQuerySetMixin, models.QuerySet):
    pass


def page_manager(queryset_class):
    """A page manager whose querysets have the given class's domain methods."""
    return PageManager.from_queryset(queryset_class)()
