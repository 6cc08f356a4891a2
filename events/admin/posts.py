"""Takeover posts in the admin: a city's editors write their own city's posts and edit
them until they submit them; network staff review every city's."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultipleChooserPanel
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.models import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from events.admin.tours import pack_url
from events.forms import TakeoverPostForm
from events.models import TakeoverPost
from events.takeover import is_network_staff, may_edit_post, may_write_for


class TakeoverPostPermissionPolicy(ModelPermissionPolicy):
    """A city's editors write posts for their own city's weeks, and edit them until they
    submit them; network staff review everything."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        if is_network_staff(user):
            return True
        if set(actions) & {"change", "delete"}:
            return may_edit_post(user, instance)
        return may_write_for(user, instance.stop)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return self.model.objects.editable_by(user)


class OnlyPostsTheUserMayEdit:
    """Wagtail's history and usage views check the model permission only, which every
    city's editors hold; another city's post is treated as if it did not exist."""

    def get_base_object_queryset(self):
        return super().get_base_object_queryset().editable_by(self.request.user)


class TakeoverPostHistoryView(OnlyPostsTheUserMayEdit, HistoryView):
    pass


class TakeoverPostUsageView(OnlyPostsTheUserMayEdit, UsageView):
    pass


class TakeoverPostCreateView(CreateView):
    """Opened from the takeover pack with the week and day already chosen."""

    def get_initial(self):
        return {
            field: self.request.GET[field]
            for field in ("stop", "day", "channel")
            if field in self.request.GET
        }

    def get_success_url(self):
        return pack_url(self.object.stop)


class InstancePermissionMixin:
    """Wagtail's generic edit and delete views check the model permission only; a city's
    editors hold it for their own city's posts, so each post is checked as well."""

    def get_object(self, queryset=None):
        post = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, post
        ):
            raise PermissionDenied
        return post


class TakeoverPostEditView(InstancePermissionMixin, EditView):
    def get_success_url(self):
        return pack_url(self.object.stop)


class TakeoverPostDeleteView(InstancePermissionMixin, DeleteView):
    def get_success_url(self):
        return pack_url(self.object.stop)


class TakeoverPostIndexView(IndexView):
    """Editors see their own city's posts only; staff see every city's."""

    def get_base_queryset(self):
        return super().get_base_queryset().editable_by(self.request.user)


class TakeoverPostViewSet(ModelViewSet):
    model = TakeoverPost
    icon = "comment"
    menu_label = _("Takeover posts")
    add_to_admin_menu = False
    form_fields = ["stop", "day", "channel", "text", "image", "image_alt", "link"]
    panels = [
        FieldPanel("stop"),
        FieldRowPanel([FieldPanel("day"), FieldPanel("channel")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("link"),
        # Chosen and searched for in Wagtail's page chooser, which lists a city editor
        # no other city's drafts (portal.wagtail_hooks); the form takes published
        # practices only (TakeoverPostPractice.practice).
        MultipleChooserPanel(
            "practice_links",
            chooser_field_name="practice",
            heading=_("Related practices"),
            label=_("Practice"),
        ),
    ]
    list_display = ["__str__", "status", "updated_at"]
    list_filter = ["status", "channel"]
    index_view_class = TakeoverPostIndexView
    add_view_class = TakeoverPostCreateView
    edit_view_class = TakeoverPostEditView
    delete_view_class = TakeoverPostDeleteView
    history_view_class = TakeoverPostHistoryView
    usage_view_class = TakeoverPostUsageView

    def get_form_class(self, for_update=False):
        return self.get_edit_handler().get_form_class()

    def get_edit_handler(self):
        handler = super().get_edit_handler()
        handler.base_form_class = TakeoverPostForm
        return handler
