"""What a visitor can read in their language: translated where it has been, and the
original (English) where it has not yet.

``in_active_locale()`` gives only the rows translated into the visitor's language; on a
site whose translations are under way that hides most of the network (a Danish visitor
would see no charter goals until someone translates them). Lists of reference data and
pages that must always be complete use ``localized`` instead, and templates mark the
untranslated rows with their own ``lang``.
"""

from django.db.models import Q
from wagtail.models import Locale


def localized(queryset):
    """The rows in the active language, and those in the default language that have no
    translation into it yet."""
    active = Locale.get_active()
    default = Locale.get_default()
    if active.pk == default.pk:
        return queryset.filter(locale=active)
    translated = queryset.model._default_manager.filter(locale=active).values("translation_key")
    untranslated = Q(locale=default) & ~Q(translation_key__in=translated)
    return queryset.filter(Q(locale=active) | untranslated)
