"""Calendar files: one per event and a subscribable feed, checked against RFC 5545's
rules that clients depend on (required properties, a VTIMEZONE for every TZID, CRLF
line endings, lines folded at 75 octets) and read back with the icalendar library."""

import datetime
import re
import zoneinfo
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from cities.factories import CityPageFactory
from events.calendar import google_calendar_url, outlook_calendar_url
from events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

REYKJAVIK = zoneinfo.ZoneInfo("Atlantic/Reykjavik")
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@pytest.fixture
def make_event(events_index):
    def make(**fields):
        return EventPageFactory(parent=events_index, **fields)

    return make


def unfolded_lines(body):
    return body.replace(b"\r\n ", b"").split(b"\r\n")


def assert_valid_icalendar(body):
    """The RFC 5545 rules this project relies on; returns the parsed calendar."""
    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "bare LF or CR"
    assert all(len(line) <= 75 for line in lines), "a line longer than 75 octets"
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"

    calendar = Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert events
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in event, f"{required} missing"
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        assert event.decoded("DTSTAMP").tzinfo is not None  # DTSTAMP is in UTC
    tzids = {
        param for line in unfolded_lines(body) for param in re.findall(rb";TZID=([^;:]+)", line)
    }
    defined = {str(zone["TZID"]).encode() for zone in calendar.walk("VTIMEZONE")}
    assert tzids <= defined, f"TZIDs without a VTIMEZONE: {tzids - defined}"
    for zone in calendar.walk("VTIMEZONE"):
        assert zone.walk("STANDARD") or zone.walk("DAYLIGHT")
    return calendar


@pytest.mark.parametrize(
    ("zone_name", "zone"),
    [
        ("Atlantic/Reykjavik", REYKJAVIK),
        ("Europe/Copenhagen", COPENHAGEN),
        ("Europe/Helsinki", HELSINKI),
    ],
)
def test_an_events_calendar_file_keeps_the_venues_local_time(client, make_event, zone_name, zone):
    start = datetime.datetime(2027, 6, 9, 9, 30, tzinfo=zone)
    event = make_event(start=start, end=start + datetime.timedelta(hours=7), time_zone=zone_name)

    response = client.get(event.url + "calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = assert_valid_icalendar(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert f"DTSTART;TZID={zone_name}:20270609T093000".encode() in response.content
    assert vevent.decoded("DTSTART") == start
    assert vevent.decoded("DTSTART").utcoffset() == start.utcoffset()
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [zone_name]
    assert str(vevent["SUMMARY"]) == event.title
    assert str(vevent["URL"]) == event.get_full_url()


def test_uids_are_stable_across_downloads_and_edits(client, make_event):
    event = make_event()
    first = Calendar.from_ical(client.get(event.url + "calendar.ics").content)
    event.title = "A new title"
    event.slug = "a-new-title"
    event.save_revision().publish()
    event.refresh_from_db()
    second = Calendar.from_ical(client.get(event.url + "calendar.ics").content)

    (before,) = first.walk("VEVENT")
    (after,) = second.walk("VEVENT")
    assert before["UID"] == after["UID"] == f"event-{event.translation_key}@nordicsafecities.org"


def test_whole_day_events_are_dates_with_an_exclusive_end(client, make_event):
    start = datetime.datetime(2027, 5, 26, 9, tzinfo=HELSINKI)
    end = datetime.datetime(2027, 5, 27, 16, tzinfo=HELSINKI)
    event = make_event(start=start, end=end, time_zone="Europe/Helsinki", all_day=True)

    body = client.get(event.url + "calendar.ics").content
    calendar = assert_valid_icalendar(body)

    (vevent,) = calendar.walk("VEVENT")
    assert b"DTSTART;VALUE=DATE:20270526" in body
    assert b"DTEND;VALUE=DATE:20270528" in body
    assert vevent.decoded("DTSTART") == datetime.date(2027, 5, 26)
    assert not calendar.walk("VTIMEZONE")


def test_a_whole_day_event_late_in_the_evening_utc_keeps_its_local_date(make_event):
    # 00:30 in Helsinki is still the previous day in UTC.
    start = datetime.datetime(2027, 3, 3, 0, 30, tzinfo=HELSINKI)
    event = make_event(
        start=start,
        end=start + datetime.timedelta(hours=20),
        time_zone="Europe/Helsinki",
        all_day=True,
    )
    assert event.calendar_dates() == (datetime.date(2027, 3, 3), datetime.date(2027, 3, 4))


def test_the_feed_lists_every_event_with_a_vtimezone_for_each_zone(
    client, make_event, events_index
):
    make_event(time_zone="Atlantic/Reykjavik")
    make_event(time_zone="Europe/Stockholm")
    make_event(time_zone="Europe/Helsinki")

    response = client.get(events_index.url + "calendar.ics")

    assert response["Content-Disposition"] == 'inline; filename="events.ics"'
    calendar = assert_valid_icalendar(response.content)
    assert len(calendar.walk("VEVENT")) == 3
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {
        "Atlantic/Reykjavik",
        "Europe/Stockholm",
        "Europe/Helsinki",
    }
    assert str(calendar["X-WR-CALNAME"]) == events_index.title


def test_the_feed_is_filtered_like_the_listing(client, make_event, events_index):
    helsinki = CityPageFactory(title="Helsinki", slug="helsinki", country="FI")
    bergen = CityPageFactory(title="Bergen", slug="bergen", country="NO")
    summit = make_event(title="Summit in Helsinki", kind="summit", host_city=helsinki)
    exchange = make_event(title="Exchange in Bergen", kind="exchange", host_city=bergen)
    webinar = make_event(title="Webinar", kind="webinar", host_city=None)

    def titles(query):
        body = client.get(events_index.url + "calendar.ics" + query).content
        return {str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")}

    assert titles("") == {summit.title, exchange.title, webinar.title}
    assert titles("?kind=summit") == {summit.title}
    assert titles("?country=NO") == {exchange.title}
    assert titles("?city=helsinki") == {summit.title}
    assert titles("?country=NO&kind=summit") == set()
    # Values the listing does not offer are ignored, as in the listing.
    assert titles("?kind=party&city=nowhere") == {summit.title, exchange.title, webinar.title}

    listing = client.get(events_index.url + "?kind=summit").content.decode()
    assert 'href="/events/calendar.ics?kind=summit"' in listing


def test_the_feed_leaves_out_unpublished_and_private_events(client, make_event, events_index):
    from wagtail.models import PageViewRestriction

    public = make_event(title="Public event")
    draft = make_event(title="Draft event")
    draft.unpublish()
    private = make_event(title="Private event")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    body = client.get(events_index.url + "calendar.ics").content
    assert {str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")} == {public.title}
    assert client.get(private.url + "calendar.ics").status_code == 302


def test_add_to_calendar_links_carry_the_event_in_utc(client, make_event):
    start = datetime.datetime(2027, 1, 20, 13, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))
    event = make_event(
        title="Webinar: indicators of effect",
        start=start,
        end=start + datetime.timedelta(minutes=90),
        venue="",
        address="",
        online_url="https://example.org/webinar",
    )
    page = client.get(event.url).content.decode()

    google = parse_qs(urlsplit(google_calendar_url(event)).query)
    assert google["dates"] == ["20270120T120000Z/20270120T133000Z"]
    assert google["text"] == ["Webinar: indicators of effect"]
    assert google["ctz"] == ["Europe/Stockholm"]
    outlook = parse_qs(urlsplit(outlook_calendar_url(event)).query)
    assert outlook["startdt"] == ["2027-01-20T12:00:00Z"]
    assert outlook["enddt"] == ["2027-01-20T13:30:00Z"]
    assert outlook["location"] == ["https://example.org/webinar"]
    assert f'href="{event.url}calendar.ics" download' in page
    assert "https://calendar.google.com/calendar/render?" in page
    assert "https://outlook.live.com/calendar/0/action/compose?" in page


def test_whole_day_links_use_dates(make_event):
    start = datetime.datetime(2027, 5, 26, 9, tzinfo=HELSINKI)
    event = make_event(
        start=start,
        end=start + datetime.timedelta(days=1, hours=7),
        all_day=True,
        time_zone="Europe/Helsinki",
    )
    google = parse_qs(urlsplit(google_calendar_url(event)).query)
    outlook = parse_qs(urlsplit(outlook_calendar_url(event)).query)
    assert google["dates"] == ["20270526/20270528"]
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        ["2027-05-26"],
        ["2027-05-28"],
        ["true"],
    )


def test_long_descriptions_are_folded_and_read_back_whole(client, make_event):
    text = "Safety walks with property owners, the police and the public transport operator. " * 6
    event = make_event(introduction=text[:600])
    body = client.get(event.url + "calendar.ics").content
    calendar = assert_valid_icalendar(body)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["DESCRIPTION"]).startswith(text[:600].strip())
