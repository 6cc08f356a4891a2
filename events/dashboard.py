"""The events app's part of the admin home page: a city's next takeover week and coming
events for its editors; for network staff, posts to review, the next tour weeks and how
ready they are, and events whose registration needs watching."""

import datetime

from django.urls import reverse
from django.utils import timezone

from cities.models import CityPage
from portal.dashboard import DashboardPanel
from portal.localisation import default_locale

from .models import TAKEOVER_DAYS, EventPage, PostStatus, RegistrationState, TakeoverPost, TourStop
from .takeover import checklist, is_network_staff

# Registration opening or closing this soon is worth staff's attention.
REGISTRATION_WATCH = datetime.timedelta(days=14)
# How many of the tour's coming weeks staff see at once.
WEEKS_AHEAD = 2


def current_and_coming(stops, today):
    """Stops whose week is under way or still to come, soonest first."""
    return stops.filter(week_start__gt=today - datetime.timedelta(days=TAKEOVER_DAYS)).order_by(
        "week_start"
    )


def week_readiness(stop):
    items = checklist(stop)
    return {
        "stop": stop,
        "checklist": items,
        "ready": sum(item.done for item in items),
        "of": len(items),
        "missing_days": stop.days_without_posts(),
        "pack_url": reverse("events_takeover_pack", args=[stop.pk]),
    }


def registration_watch(now):
    """Upcoming events whose registration opens or closes within two weeks, or that are
    full, each with what is happening to it."""
    events = (
        EventPage.objects.live()
        .filter(locale=default_locale(), registration_opens__isnull=False, end__gte=now)
        .order_by("start")
    )
    watched = []
    for event in events:
        state = event.registration_state(now=now)
        if state == RegistrationState.FULL:
            watched.append((event, state.label))
        elif state == RegistrationState.NOT_YET_OPEN and event.registration_opens - now <= (
            REGISTRATION_WATCH
        ):
            watched.append((event, RegistrationState.NOT_YET_OPEN.label))
        elif (
            state == RegistrationState.OPEN
            and event.registration_deadline - now <= REGISTRATION_WATCH
        ):
            watched.append((event, RegistrationState.OPEN.label))
    return watched


class CityTakeoverPanel(DashboardPanel):
    """A city editor's next takeover week, with the pack's checklist, and the city's
    coming events."""

    template_name = "events/dashboard/city_takeover.html"
    order = 57

    def get_panel_context(self, user):
        cities = CityPage.objects.edited_by(user)
        if not cities:
            return {}
        today = timezone.localdate()
        next_stop = (
            current_and_coming(TourStop.objects.on_live_tours().edited_by(user), today)
            .select_related("city", "tour")
            .first()
        )
        events = (
            EventPage.objects.live()
            .filter(
                locale=default_locale(),
                host_city__translation_key__in=cities.values("translation_key"),
            )
            .upcoming()
        )
        return {
            "week": week_readiness(next_stop) if next_stop else None,
            "events": events,
            "takeover_index_url": reverse("events_takeover_index"),
        }


class StaffTakeoverPanel(DashboardPanel):
    template_name = "events/dashboard/staff_takeover.html"
    order = 70

    def is_shown(self, user):
        return is_network_staff(user)

    def get_panel_context(self, user):
        today = timezone.localdate()
        stops = current_and_coming(TourStop.objects.on_live_tours(), today).select_related(
            "city", "tour"
        )[:WEEKS_AHEAD]
        return {
            "posts": TakeoverPost.objects.filter(status=PostStatus.SUBMITTED).select_related(
                "stop__city", "stop__tour"
            ),
            "weeks": [week_readiness(stop) for stop in stops],
            "registrations": registration_watch(timezone.now()),
        }
