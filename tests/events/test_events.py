import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.factories import EventPageFactory
from events.models import EventPage

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)


def test_upcoming_events_come_soonest_first_and_past_ones_latest_first():
    later = EventPageFactory(start=in_days(30), end=in_days(31))
    sooner = EventPageFactory(start=in_days(3), end=in_days(3))
    running = EventPageFactory(start=in_days(-1), end=in_days(1))
    old = EventPageFactory(start=in_days(-400), end=in_days(-399))
    older = EventPageFactory(start=in_days(-800), end=in_days(-799))

    assert list(EventPage.objects.upcoming()) == [running, sooner, later]
    assert list(EventPage.objects.past()) == [old, older]


def test_times_are_shown_in_the_venues_time_zone():
    start = datetime.datetime(2027, 5, 10, 7, 0, tzinfo=datetime.UTC)
    event = EventPageFactory(start=start, end=start, time_zone="Atlantic/Reykjavik")
    assert event.local_start.hour == 7
    event.time_zone = "Europe/Helsinki"
    assert event.local_start.hour == 10
    assert event.local_start.tzinfo == zoneinfo.ZoneInfo("Europe/Helsinki")


def test_an_event_cannot_end_before_it_starts():
    event = EventPageFactory.build(start=in_days(2), end=in_days(1))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict
