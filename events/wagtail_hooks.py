"""The events app's place in the Wagtail admin: its viewsets, admin URLs, menu items,
buttons, log actions and dashboard panels, all defined in events.admin (and the
dashboard's in events.dashboard), and registered here."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from portal import page_cache

from . import dashboard
from .admin import tours
from .admin.posts import TakeoverPostPermissionPolicy, TakeoverPostViewSet
from .admin.registrations import RegistrationViewSet
from .admin.speakers import SpeakerViewSet
from .models import EventPage, TakeoverPost, TourPage, TourStop

# --- Takeover tours ---------------------------------------------------------------------

register_permission_policy(TakeoverPost, TakeoverPostPermissionPolicy(TakeoverPost))
takeover_post_viewset = TakeoverPostViewSet("events_takeoverpost")
tour_stop_viewset = tours.TourStopViewSet("events_tourstop")


@hooks.register("register_admin_viewset")
def register_takeover_viewsets():
    return [takeover_post_viewset, tour_stop_viewset]


@hooks.register("register_admin_urls")
def register_tour_urls():
    return [
        path("tours/", tours.TakeoverIndexView.as_view(), name="events_takeover_index"),
        path(
            "tours/<int:pk>/schedule/",
            tours.TourScheduleView.as_view(),
            name="events_tour_schedule",
        ),
        path(
            "tours/<int:pk>/schedule.csv",
            tours.TourScheduleCSVView.as_view(),
            name="events_tour_schedule_csv",
        ),
        path(
            "tours/stops/<int:pk>/",
            tours.TakeoverPackView.as_view(),
            name="events_takeover_pack",
        ),
        path(
            "tours/posts/<int:pk>/review/",
            tours.ReviewPostView.as_view(),
            name="events_takeover_review",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_takeover_menu_item():
    return tours.TakeoverMenuItem(
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


@hooks.register("construct_homepage_panels")
def add_takeover_panels(request, panels):
    panels.extend([dashboard.CityTakeoverPanel(), dashboard.StaffTakeoverPanel()])


# --- Summits and events: speakers and attendee lists ------------------------------------

register_snippet(SpeakerViewSet)
registration_viewset = RegistrationViewSet("events_registration")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


@hooks.register("register_page_header_buttons")
def attendees_button(page, user, view_name, next_url=None):
    event = page.specific_deferred
    if isinstance(event, EventPage) and user.has_perm("events.view_registration"):
        holder = event.registration_event()
        yield Button(
            _("Attendees"),
            url=reverse("events_registration:index") + f"?event={holder.pk}",
            icon_name="group",
            priority=6,
        )


# --- The public home page (portal.models.HomePage) ------------------------------------


@hooks.register("construct_home_page_context")
def add_tour_and_events_to_home_page(request, context):
    # HomePage.next_change keeps the page no longer than the events and the week shown.
    context.update(
        # The same for every visitor on a day: kept with what every visitor sees alike,
        # until a stop, a tour or the site's structure changes.
        tour_stop=page_cache.kept(
            "home-tour-stop", [timezone.localdate().isoformat()], TourStop.objects.current_or_next
        ),
        upcoming_events=EventPage.objects.live()
        .public()
        .in_visitor_language()
        .upcoming()
        .for_cards()[:3],
    )
