import datetime
import json
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


# The listing and the event's page


@pytest.fixture
def listing(section):
    from cities.factories import CityPageFactory
    from events.models import EventIndexPage

    index = section(EventIndexPage)
    helsinki = CityPageFactory(title="Helsinki", slug="helsinki", country="FI")
    bergen = CityPageFactory(title="Bergen", slug="bergen", country="NO")
    events = {
        "summit": EventPageFactory(
            parent=index, title="Summit in Helsinki", kind="summit", host_city=helsinki
        ),
        "exchange": EventPageFactory(
            parent=index, title="Exchange in Bergen", kind="exchange", host_city=bergen
        ),
        "past_walk": EventPageFactory(
            parent=index,
            title="Safety walk in Bergen",
            kind="safety_walk",
            host_city=bergen,
            start=in_days(-30),
            end=in_days(-30),
        ),
        "webinar": EventPageFactory(parent=index, title="Webinar", kind="webinar", venue=""),
    }
    return index, events


def shown(response, name):
    return [event.title for event in response.context[name]]


def test_the_listing_filters_by_kind_country_and_city_and_keeps_the_choice(client, listing):
    index, _events = listing

    everything = client.get(index.url)
    assert set(shown(everything, "upcoming_events")) == {
        "Summit in Helsinki",
        "Exchange in Bergen",
        "Webinar",
    }
    assert shown(everything, "past_events") == ["Safety walk in Bergen"]

    by_country = client.get(index.url, {"country": "NO"})
    assert shown(by_country, "upcoming_events") == ["Exchange in Bergen"]
    assert shown(by_country, "past_events") == ["Safety walk in Bergen"]
    assert '<option value="NO" selected>' in by_country.content.decode()

    by_kind_and_city = client.get(index.url, {"kind": "summit", "city": "helsinki"})
    page = by_kind_and_city.content.decode()
    assert shown(by_kind_and_city, "upcoming_events") == ["Summit in Helsinki"]
    assert '<option value="summit" selected>' in page
    assert '<option value="helsinki" selected>' in page
    assert "Show all events" in page

    nothing = client.get(index.url, {"kind": "webinar", "country": "FI"})
    assert "No coming events match your choice." in nothing.content.decode()


def test_the_listing_ignores_values_it_does_not_offer(client, listing):
    index, _events = listing
    response = client.get(index.url, {"kind": "party", "city": "atlantis", "country": "XX"})
    assert len(response.context["upcoming_events"]) == 3
    assert not response.context["selection"].is_active


def test_a_value_the_listing_does_not_offer_leaves_the_others_in_force(client, listing):
    index, _events = listing
    response = client.get(index.url, {"kind": "party", "country": "NO"})
    assert shown(response, "upcoming_events") == ["Exchange in Bergen"]
    assert response.context["calendar_feed_url"] == index.url + "calendar.ics?country=NO"


def test_the_filter_form_labels_every_field(client, listing):
    index, _events = listing
    page = client.get(index.url).content.decode()
    for field in ("kind", "country", "city"):
        assert f'<label for="filter-{field}">' in page
        assert f'<select id="filter-{field}" name="{field}">' in page


def test_an_event_page_carries_schema_org_event_data(client, events_index):
    import re

    from events.factories import SpeakerFactory
    from events.models import programme_session

    speaker = SpeakerFactory(name="Anna Virtanen", title="Head of security", organisation="Oodi")
    start = datetime.datetime(2027, 5, 26, 9, tzinfo=zoneinfo.ZoneInfo("Europe/Helsinki"))
    event = EventPageFactory(
        parent=events_index,
        title="Summit </script><script>alert(1)</script>",
        kind="summit",
        start=start,
        end=start + datetime.timedelta(hours=7),
        time_zone="Europe/Helsinki",
        venue="Helsinki Central Library Oodi",
        address="Töölönlahdenkatu 4, 00100 Helsinki",
        capacity=200,
        programme=[programme_session("Opening", datetime.time(9), speakers=[speaker])],
    )
    page = client.get(event.url).content.decode()

    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(scripts) == 1
    assert "<script>alert" not in page
    data = json.loads(scripts[0])
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"] == "2027-05-26T09:00:00+03:00"
    assert data["endDate"] == "2027-05-26T16:00:00+03:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Helsinki Central Library Oodi",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Töölönlahdenkatu 4, 00100 Helsinki",
        },
    }
    assert data["performer"] == [
        {"@type": "Person", "name": "Anna Virtanen", "jobTitle": "Head of security, Oodi"}
    ]
    assert data["maximumAttendeeCapacity"] == 200
    assert data["url"] == event.get_full_url()


def test_an_online_event_is_a_virtual_location(events_index):
    event = EventPageFactory(
        parent=events_index, venue="", address="", online_url="https://example.org/webinar"
    )
    data = event.structured_data()
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/webinar"}


def test_the_programme_is_shown_by_day_with_speakers_and_related_practices(client, events_index):
    from events.factories import SpeakerFactory
    from events.models import programme_session
    from practices.factories import PracticePageFactory

    speaker = SpeakerFactory(name="Erik Lindqvist")
    practice = PracticePageFactory(title="Safety walks at the central station")
    day_one, day_two = datetime.date(2027, 5, 26), datetime.date(2027, 5, 27)
    event = EventPageFactory(
        parent=events_index,
        programme=[
            programme_session(
                "Welcome", datetime.time(9), day=day_one, room="Hall A", speakers=[speaker]
            ),
            programme_session(
                "Safety walks",
                datetime.time(11),
                end_time=datetime.time(12),
                day=day_one,
                practices=[practice],
                speakers=[speaker],
            ),
            programme_session("Annual meeting", datetime.time(9), day=day_two),
        ],
    )

    page = client.get(event.url).content.decode()

    assert [len(sessions) for _day, sessions in event.programme_days()] == [2, 1]
    assert page.index("26 May 2027") < page.index("Welcome") < page.index("27 May 2027")
    assert "11:00–12:00" in page
    assert "Room: Hall A" in page
    assert f'<a href="#speaker-{speaker.pk}">Erik Lindqvist</a>' in page
    assert f'href="{practice.url}"' in page
    # Each speaker is introduced once, with the photo's description as its alt text.
    assert page.count('class="speaker__name"') == 1
    assert f'alt="{speaker.photo.description}"' in page


def test_the_page_says_travel_is_paid_by_the_member_city(client, events_index):
    event = EventPageFactory(parent=events_index)
    assert "Each member city pays its own travel" in client.get(event.url).content.decode()
    event.travel_paid_by_member_city = False
    event.save_revision().publish()
    assert "Each member city pays its own travel" not in client.get(event.url).content.decode()


def test_registration_must_open_before_the_event_and_close_after_it_opens():
    event = EventPageFactory.build(
        start=in_days(10),
        end=in_days(11),
        registration_opens=in_days(12),
        registration_closes=in_days(5),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) == {"registration_opens", "registration_closes"}


# What a page costs: the number of queries does not grow with the content


EVENT_PAGE_OWN_QUERIES = 8
LISTING_OWN_QUERIES = 4


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_event_page_costs_the_same_queries_however_big_its_programme(events_index):
    from events.factories import RegistrationFactory, SpeakerFactory
    from events.models import programme_session
    from portal.factories import UserFactory
    from practices.factories import PracticePageFactory
    from tests.conftest import logged_in

    def event_with(n):
        speakers = SpeakerFactory.create_batch(n)
        practices = PracticePageFactory.create_batch(n)
        event = EventPageFactory(
            parent=events_index,
            capacity=50,
            registration_opens=in_days(-3),
            programme=[
                programme_session(
                    f"Session {i}",
                    datetime.time(9 + i),
                    speakers=[speakers[i]],
                    practices=[practices[i]],
                )
                for i in range(n)
            ],
        )
        RegistrationFactory.create_batch(n, event=event)
        return event

    small, big = event_with(1), event_with(4)
    client = logged_in(UserFactory())
    client.get(small.url)  # renditions are made on the first view
    client.get(big.url)

    small_count = count_queries(client, small.url)
    assert count_queries(client, big.url) == small_count
    # What the site costs on any page (routing, menus, the session) is not the event
    # page's to answer for; what the event adds is bounded (registration: 2, programme's
    # speakers and practices: 2, photos and renditions: 2, deeper routing: 2).
    assert small_count - count_queries(client, "/about/") <= EVENT_PAGE_OWN_QUERIES


def test_the_listing_costs_the_same_queries_however_many_events(client, listing):
    index, _events = listing
    # The first request reads the site's structure that the others take from the cache.
    client.get(index.url)
    first = count_queries(client, index.url)
    for _ in range(5):
        EventPageFactory(parent=index)
    assert count_queries(client, index.url + "?kind=workshop") == first
    assert count_queries(client, index.url) == first
    # Beyond the site's own cost: the view restriction check, host cities, upcoming, past.
    assert first - count_queries(client, "/about/") <= LISTING_OWN_QUERIES


def test_event_cards_read_what_they_show_without_more_queries(listing, django_assert_num_queries):
    _index, _events = listing
    cards = list(EventPage.objects.live().for_cards().order_by("start"))
    # Wagtail reads the sites' root paths for the first address, then keeps them.
    assert cards[0].url

    with django_assert_num_queries(0):
        shown = [
            (
                event.title,
                event.url,
                event.get_kind_display(),
                event.local_start,
                event.local_end,
                event.venue,
                event.online_url,
                event.host_city.title if event.host_city else None,
                event.has_ended,
            )
            for event in cards
        ]
    hosts = {title: host for title, _url, _kind, *_times, _venue, _online, host, _ended in shown}
    assert hosts == {
        "Safety walk in Bergen": "Bergen",
        "Summit in Helsinki": "Helsinki",
        "Exchange in Bergen": "Bergen",
        "Webinar": None,
    }


def test_an_events_time_is_the_venues_everywhere(client, home, events_index):
    """Home page, listing, event page, JSON-LD and calendar file give one time: the
    venue's, with its zone named (the home page said 08:00 CEST for 09:00 EEST)."""
    start = datetime.datetime(2027, 5, 26, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Helsinki"))
    event = EventPageFactory(
        parent=events_index,
        title="Summit 2027",
        start=start,
        end=start + datetime.timedelta(hours=7),
        time_zone="Europe/Helsinki",
    )
    page = client.get(event.url)
    listing = client.get(events_index.url).content.decode()
    home_page = client.get(home.url).content.decode()
    calendar = client.get(event.url + "calendar.ics").content.decode()

    html = page.content.decode()
    assert "09:00–" in html and "16:00</time> EEST" in html
    for screen in (html, listing, home_page):
        assert "09:00 EEST" in screen
        assert "CEST" not in screen
    data = page.context["structured_data"]
    assert data["startDate"] == "2027-05-26T09:00:00+03:00"
    assert "DTSTART;TZID=Europe/Helsinki:20270526T090000" in calendar
