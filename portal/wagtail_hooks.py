from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.shortcuts import get_list_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages.bulk_actions import delete as page_bulk_delete
from wagtail.admin.views.pages.bulk_actions import move as page_bulk_move
from wagtail.admin.views.pages.bulk_actions import publish as page_bulk_publish
from wagtail.admin.views.pages.bulk_actions import unpublish as page_bulk_unpublish
from wagtail.admin.widgets import ListingButton
from wagtail.documents.views.bulk_actions import add_tags as document_bulk_add_tags
from wagtail.documents.views.bulk_actions import (
    add_to_collection as document_bulk_add_to_collection,
)
from wagtail.documents.views.bulk_actions import delete as document_bulk_delete
from wagtail.images.views.bulk_actions import add_tags as image_bulk_add_tags
from wagtail.images.views.bulk_actions import add_to_collection as image_bulk_add_to_collection
from wagtail.images.views.bulk_actions import delete as image_bulk_delete
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .admin_views import STAFF_REPORTS, may_see_site_wide_reports
from .dashboard import NoticesPanel
from .models import CapitalCodeTheme, CharterGoal
from .permissions import editable_pages, media_seen_in_admin
from .viewsets import ReferenceTermViewSet


class CharterGoalViewSet(ReferenceTermViewSet):
    model = CharterGoal
    icon = "flag"
    list_display = ["number", "name", "slug"]
    ordering = ["number"]


class CapitalCodeThemeViewSet(ReferenceTermViewSet):
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
# A city's drafts, and the pending changes to its published pages, are its own until
# published. Wagtail's page chooser lists every page with its draft title, its move
# confirmation shows a page before checking that the user may move it, and its bulk
# actions list what they refuse to act on. Each is narrowed to what the user may see
# (portal.permissions.editable_pages, .media_seen_in_admin).


@hooks.register("construct_page_chooser_queryset")
def only_live_or_editable_pages(pages, request):
    if request.user.is_superuser:
        return pages
    # A page the user may not edit is shown only as it is published: not while its
    # draft title (which the chooser shows) differs from its live one. One condition on
    # the id, which the chooser's search can filter by too.
    visible = Page.objects.filter(
        Q(pk__in=editable_pages(request.user).values("pk")) | Q(live=True, draft_title=F("title"))
    ).values("pk")
    # The chooser also shows the page whose children it lists.
    parent = request.resolver_match and request.resolver_match.kwargs.get("parent_page_id")
    if parent and not visible.filter(pk=parent).exists():
        raise PermissionDenied
    return pages.filter(pk__in=visible)


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request, menu_items):
    if not may_see_site_wide_reports(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in STAFF_REPORTS]


class OnlyWhatTheUserMaySee:
    """A bulk action that acts on, and lists, only objects the user may see in the admin:
    any other id is treated as if it did not exist."""

    def get_queryset(self, model, object_ids):
        return get_list_or_404(self.seen_by(self.request.user), pk__in=object_ids)


class PageBulkActionSeen(OnlyWhatTheUserMaySee):
    def seen_by(self, user):
        return editable_pages(user)


class MediaBulkActionSeen(OnlyWhatTheUserMaySee):
    def seen_by(self, user):
        return media_seen_in_admin(self.model, user)


PAGE_BULK_ACTIONS = [
    page_bulk_delete.DeleteBulkAction,
    page_bulk_move.MoveBulkAction,
    page_bulk_publish.PublishBulkAction,
    page_bulk_unpublish.UnpublishBulkAction,
]
MEDIA_BULK_ACTIONS = [
    image_bulk_delete.DeleteBulkAction,
    image_bulk_add_tags.AddTagsBulkAction,
    image_bulk_add_to_collection.AddToCollectionBulkAction,
    document_bulk_delete.DeleteBulkAction,
    document_bulk_add_tags.AddTagsBulkAction,
    document_bulk_add_to_collection.AddToCollectionBulkAction,
]
# Registered after Wagtail's own (order=1), so that these replace them.
NARROWED_BULK_ACTIONS = [
    *((PageBulkActionSeen, action) for action in PAGE_BULK_ACTIONS),
    *((MediaBulkActionSeen, action) for action in MEDIA_BULK_ACTIONS),
]
for narrowing, action in NARROWED_BULK_ACTIONS:
    hooks.register(
        "register_bulk_action",
        type(action.__name__, (narrowing, action), {"__module__": __name__}),
        order=1,
    )


@hooks.register("construct_homepage_panels")
def add_notices_panel(request, panels):
    panels.append(NoticesPanel())


# --- Adding a page, said in words ----------------------------------------------------
# Wagtail's page listing offers to add a child page as a bare (+): at the end of a row
# whose page has no children yet, and in the explorer's header, each named only for
# screen readers (and in a tooltip), or else inside a "More" menu. Each row where the
# user may add a page under it says so in a button; the header's + gets its name beside
# it (portal/css/admin-labels.css), as Wagtail offers no hook for that button.
@hooks.register("register_page_listing_buttons")
def add_child_page_in_words(page, user, next_url=None):
    if page.permissions_for_user(user).can_add_subpage():
        yield ListingButton(
            _("Add child page"),
            url=reverse("wagtailadmin_pages:add_subpage", args=[page.pk]),
            icon_name="plus",
            priority=40,
        )


@hooks.register("insert_global_admin_css")
def add_child_page_label_in_header():
    return format_html('<link rel="stylesheet" href="{}">', static("portal/css/admin-labels.css"))
