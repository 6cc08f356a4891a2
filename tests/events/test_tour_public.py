"""The public follows a tour week by week: where it is now, each city's week told day by
day, and feeds and a calendar to subscribe to. And the reminders that get the posts
written in time."""

import datetime
import io

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import TakeoverPostFactory, TourPageFactory, TourStopFactory, this_monday
from events.models import PostStatus, StopStatus, TourBreak, TourIndexPage, TourReminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def cities(section):
    directory = section(CityIndexPage)
    return {
        name: CityPageFactory(parent=directory, title=name)
        for name in ("Stockholm", "Copenhagen", "Oslo")
    }


@pytest.fixture
def tour(section, cities):
    """A 20-week tour in its tenth week: Stockholm now, Copenhagen in two weeks' time."""
    monday = this_monday()
    tour = TourPageFactory(
        parent=section(TourIndexPage),
        title="Safe City Tour",
        first_week=monday - datetime.timedelta(weeks=9),
        number_of_weeks=20,
    )
    TourStopFactory(tour=tour, city=cities["Oslo"], week_start=tour.first_week)
    TourStopFactory(tour=tour, city=cities["Stockholm"], week_start=monday, topic="Placemaking")
    TourStopFactory(
        tour=tour, city=cities["Copenhagen"], week_start=monday + datetime.timedelta(weeks=2)
    )
    return tour


def stop_of(tour, city):
    return tour.stops.get(city__title=city)


def test_the_tour_page_says_where_the_tour_is_and_where_it_goes_next(client, tour):
    copenhagen = stop_of(tour, "Copenhagen")

    page = client.get(tour.url).content.decode()

    assert "This week: <a" in page and ">Stockholm</a>" in page
    next_week = f"{copenhagen.week_start.day}–{copenhagen.week_end.day}"
    if copenhagen.week_start.month == copenhagen.week_end.month:
        assert f"Next: Copenhagen, {next_week}" in page
    assert "Week 10 of 20, halfway" in page
    assert 'class="city-map__marker"' in page
    assert "20 weeks, 3 host cities" in page


def test_proposed_stops_stay_out_of_public_view(client, tour, cities):
    stop = stop_of(tour, "Copenhagen")
    stop.status = StopStatus.PROPOSED
    stop.save()

    page = client.get(tour.url).content.decode()
    assert "Copenhagen" not in page
    assert "20 weeks, 2 host cities" in page
    assert client.get(f"{tour.url}copenhagen/").status_code == 404


def test_a_citys_week_shows_its_approved_posts_day_by_day_and_nothing_else(client, tour):
    stop = stop_of(tour, "Oslo")
    TakeoverPostFactory(stop=stop, day=stop.days()[0], text="Monday: welcome", status="approved")
    TakeoverPostFactory(stop=stop, day=stop.days()[2], text="Wednesday: <script>x()</script>")
    TakeoverPostFactory(
        stop=stop, day=stop.days()[2], text="Wednesday, published", status="published"
    )
    draft = TakeoverPostFactory(stop=stop, day=stop.days()[1], text="Tuesday draft")

    page = client.get(f"{tour.url}oslo/").content.decode()

    assert "Monday: welcome" in page and "Wednesday, published" in page
    assert draft.text not in page and "<script>x()" not in page
    assert page.index("Monday: welcome") < page.index("Wednesday, published")


def test_an_approved_post_waits_for_its_day(client, tour):
    stop = stop_of(tour, "Copenhagen")
    TakeoverPostFactory(stop=stop, text="Not yet", status=PostStatus.APPROVED)

    assert "Not yet" not in client.get(f"{tour.url}copenhagen/").content.decode()


def test_the_feeds_carry_published_posts_only(client, tour):
    stop = stop_of(tour, "Oslo")
    TakeoverPostFactory(stop=stop, text="Out on LinkedIn", status=PostStatus.PUBLISHED)
    TakeoverPostFactory(stop=stop, text="Still a draft")

    for feed in ("feed/atom/", "feed/rss/"):
        body = client.get(tour.url + feed).content.decode()
        assert "Out on LinkedIn" in body
        assert "Still a draft" not in body


def calendar_events(client, tour):
    calendar = icalendar.Calendar.from_ical(client.get(f"{tour.url}calendar/").content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_keeps_each_stops_uid_when_the_schedule_changes(client, tour):
    before = calendar_events(client, tour)
    stop = stop_of(tour, "Copenhagen")
    stop.week_start += datetime.timedelta(weeks=1)
    stop.sequence += 1
    stop.save()

    after = calendar_events(client, tour)

    assert after.keys() == before.keys()
    for summary, event in after.items():
        assert event["uid"] == before[summary]["uid"]
    moved = after[f"Copenhagen takes over: {stop.topic}"]
    assert moved.decoded("dtstart") == stop.week_start
    # All-day events: DTEND is the Saturday, exclusive.
    assert moved.decoded("dtend") == stop.week_start + datetime.timedelta(days=5)
    assert int(moved["sequence"]) == 1


# --- Reminders -------------------------------------------------------------------------

WEEK = datetime.date(2027, 2, 15)


@pytest.fixture
def aarhus_week(staff, approved_city, section):
    """A confirmed stop, in the week of 15 February 2027, for a city with an editor."""
    city, editor = approved_city("Aarhus", "DK")
    city.save_revision().publish()
    tour = TourPageFactory(parent=section(TourIndexPage), first_week=datetime.date(2027, 1, 4))
    return TourStopFactory(tour=tour, city=city, week_start=WEEK), editor


def remind(on):
    output = io.StringIO()
    call_command("send_tour_reminders", f"--date={on.isoformat()}", stdout=output)
    return output.getvalue()


def test_editors_are_reminded_14_and_3_days_before_and_never_twice(aarhus_week):
    _, editor = aarhus_week

    remind(WEEK - datetime.timedelta(days=14))
    remind(WEEK - datetime.timedelta(days=13))

    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "starts in 14 days" in mail.outbox[0].subject
    assert "/admin/tours/stops/" in mail.outbox[0].body

    remind(WEEK - datetime.timedelta(days=3))
    remind(WEEK - datetime.timedelta(days=2))

    assert len(mail.outbox) == 2
    assert "starts in 3 days" in mail.outbox[1].subject
    assert set(TourReminder.objects.values_list("kind", flat=True)) == {"14", "3"}


def test_a_missed_day_is_caught_up_but_a_stale_reminder_is_skipped(aarhus_week):
    remind(WEEK - datetime.timedelta(days=2))

    assert list(TourReminder.objects.values_list("kind", flat=True)) == ["3"]


def test_a_city_with_every_day_submitted_is_not_reminded(aarhus_week):
    stop, _ = aarhus_week
    for day in stop.days():
        TakeoverPostFactory(stop=stop, day=day, status=PostStatus.SUBMITTED)

    assert "0 reminder(s) sent" in remind(WEEK - datetime.timedelta(days=14))
    assert mail.outbox == []


def test_a_break_shows_in_the_timeline_between_the_weeks(client, tour):
    break_week = tour.first_week + datetime.timedelta(weeks=1)
    TourBreak.objects.create(tour=tour, week_start=break_week, reason="Winter holiday")

    page = client.get(tour.url).content.decode()
    timeline = page[page.index('class="timeline"') :]

    assert "No takeover: Winter holiday" in timeline
    assert timeline.index("Oslo") < timeline.index("Winter holiday") < timeline.index("Stockholm")
