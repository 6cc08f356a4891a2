"""The data migrations give every language of the site its locale and its reference
terms; a test of what happens when a locale is added first takes one away."""

from wagtail.models import Locale

from portal.models import CapitalCodeTheme, CharterGoal
from practices.models import TargetGroup


def without_locale(language_code):
    """The database as if the language had never been added."""
    for model in (CapitalCodeTheme, CharterGoal, TargetGroup):
        model.objects.filter(locale__language_code=language_code).delete()
    Locale.objects.filter(language_code=language_code).delete()
