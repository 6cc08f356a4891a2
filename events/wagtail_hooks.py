"""The events app's place in the Wagtail admin: tour scheduling and takeover posts, and
event registrations."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultipleChooserPanel
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views, dashboard
from .forms import TakeoverPostForm
from .models import EventPage, TakeoverPost, TourPage, TourStop
from .takeover import is_network_staff, may_edit_post, may_write_for

# --- Takeover tours ---------------------------------------------------------------------


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
    index_view_class = admin_views.TakeoverPostIndexView
    add_view_class = admin_views.TakeoverPostCreateView
    edit_view_class = admin_views.TakeoverPostEditView
    delete_view_class = admin_views.TakeoverPostDeleteView
    history_view_class = TakeoverPostHistoryView
    usage_view_class = TakeoverPostUsageView

    def get_form_class(self, for_update=False):
        return self.get_edit_handler().get_form_class()

    def get_edit_handler(self):
        handler = super().get_edit_handler()
        handler.base_form_class = TakeoverPostForm
        return handler


class TourStopViewSet(ModelViewSet):
    """A stop's details; which city has which week is changed on the schedule grid."""

    model = TourStop
    icon = "date"
    add_to_admin_menu = False
    panels = [
        FieldPanel("status"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("host_name"), FieldPanel("host_title")]),
        FieldPanel("brief"),
    ]
    list_display = ["__str__", "tour", "status"]
    list_filter = ["status"]
    add_view_enabled = False
    edit_view_class = admin_views.TourStopEditView


register_permission_policy(TakeoverPost, TakeoverPostPermissionPolicy(TakeoverPost))
takeover_post_viewset = TakeoverPostViewSet("events_takeoverpost")
tour_stop_viewset = TourStopViewSet("events_tourstop")


@hooks.register("register_admin_viewset")
def register_takeover_viewsets():
    return [takeover_post_viewset, tour_stop_viewset]


@hooks.register("register_admin_urls")
def register_tour_urls():
    return [
        path("tours/", admin_views.TakeoverIndexView.as_view(), name="events_takeover_index"),
        path(
            "tours/<int:pk>/schedule/",
            admin_views.TourScheduleView.as_view(),
            name="events_tour_schedule",
        ),
        path(
            "tours/<int:pk>/schedule.csv",
            admin_views.TourScheduleCSVView.as_view(),
            name="events_tour_schedule_csv",
        ),
        path(
            "tours/stops/<int:pk>/",
            admin_views.TakeoverPackView.as_view(),
            name="events_takeover_pack",
        ),
        path(
            "tours/posts/<int:pk>/review/",
            admin_views.ReviewPostView.as_view(),
            name="events_takeover_review",
        ),
    ]


class TakeoverMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.view_takeoverpost")


@hooks.register("register_admin_menu_item")
def register_takeover_menu_item():
    return TakeoverMenuItem(
        _("Takeover tours"), reverse("events_takeover_index"), icon_name="date", order=250
    )


@hooks.register("register_page_header_buttons")
def tour_schedule_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, TourPage) and user.has_perm("events.change_tourstop"):
        yield Button(
            _("Schedule"),
            url=reverse("events_tour_schedule", args=[page.pk]),
            icon_name="date",
            priority=5,
        )


@hooks.register("register_log_actions")
def register_tour_log_actions(actions):
    @actions.register_action("events.tour.schedule")
    class ScheduleChanged(LogFormatter):
        label = _("Change tour schedule")

        def format_message(self, log_entry):
            return log_entry.data.get("change") or _("Tour schedule changed")

    for action, label in [
        ("submit", _("Takeover post submitted")),
        ("approve", _("Takeover post approved")),
        ("return", _("Takeover post returned for changes")),
        ("publish", _("Takeover post marked as published")),
    ]:
        actions.register_action(f"events.takeover_post.{action}", label, label)


# --- Summits and events: speakers and attendee lists (events.event_admin) ---------------

from .event_admin import register_event_admin  # noqa: E402 (kept apart from the tours' part)

register_event_admin()


@hooks.register("construct_homepage_panels")
def add_takeover_panels(request, panels):
    panels.extend([dashboard.CityTakeoverPanel(), dashboard.StaffTakeoverPanel()])


# --- The public home page (portal.models.HomePage) ------------------------------------


@hooks.register("construct_home_page_context")
def add_tour_and_events_to_home_page(request, context):
    # HomePage.next_change keeps the page no longer than the events and the week shown.
    context.update(
        tour_stop=TourStop.objects.current_or_next(),
        upcoming_events=EventPage.objects.live()
        .public()
        .in_visitor_language()
        .upcoming()
        .for_cards()[:3],
    )
