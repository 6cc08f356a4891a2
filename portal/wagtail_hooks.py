from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CapitalCodeTheme, CharterGoal


class CharterGoalViewSet(SnippetViewSet):
    model = CharterGoal
    icon = "flag"
    list_display = ["number", "name", "slug"]
    ordering = ["number"]


class CapitalCodeThemeViewSet(SnippetViewSet):
    model = CapitalCodeTheme
    icon = "tag"
    list_display = ["number", "name", "slug"]
    ordering = ["number"]


class ReferenceDataViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Charter and themes")
    menu_icon = "list-ul"
    menu_order = 300
    items = (CharterGoalViewSet, CapitalCodeThemeViewSet)


register_snippet(ReferenceDataViewSetGroup)
