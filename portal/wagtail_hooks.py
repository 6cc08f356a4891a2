from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .dashboard import NoticesPanel
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


# --- What a city's editors may see of other cities' work ------------------------------
# Wagtail's page chooser lists every page, drafts included, and its move confirmation
# shows a page before checking that the user may move it. A city's drafts are its own
# until published, so both are narrowed to what the user may see.


@hooks.register("construct_page_chooser_queryset")
def only_live_or_editable_pages(pages, request):
    if request.user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    visible = Q(live=True) | Q(pk__in=editable.values("pk"))
    # The chooser also shows the page whose children it lists.
    parent = request.resolver_match and request.resolver_match.kwargs.get("parent_page_id")
    if parent and not Page.objects.filter(visible, pk=parent).exists():
        raise PermissionDenied
    return pages.filter(visible)


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


@hooks.register("construct_homepage_panels")
def add_notices_panel(request, panels):
    panels.append(NoticesPanel())
