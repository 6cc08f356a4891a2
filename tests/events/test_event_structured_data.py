"""An event page describes a complete schema.org Event, as Google's event results read it:
where (a postal address, an online link or both), who organises it, and a free place
while registration is open."""

import datetime

import pytest

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from events.factories import EventPageFactory, RegistrationFactory
from portal.factories import PortalImageFactory
from tests.events.conftest import in_days
from tests.structured_data import only_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def helsinki(section):
    return CityPageFactory(parent=section(CityIndexPage), title="Helsinki", country=Country.FINLAND)


def test_an_event_at_a_venue_has_its_postal_address_and_an_open_registration_an_offer(
    client, open_event, helsinki
):
    event = open_event(
        venue="Helsinki Central Library Oodi",
        address="Töölönlahdenkatu 4",
        host_city=helsinki,
        social_image=PortalImageFactory(),
    )
    data = only_item(client.get(event.url))

    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Töölönlahdenkatu 4",
        "addressLocality": "Helsinki",
        "addressCountry": "FI",
    }
    assert data["organizer"]["@id"] == "http://testserver/#organization"
    assert len(data["image"]) == 3
    assert data["offers"] == {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": "EUR",
        "availability": "https://schema.org/InStock",
        "url": event.get_full_url() + "register/",
        "validFrom": data["offers"]["validFrom"],
    }
    valid_from = datetime.datetime.fromisoformat(data["offers"]["validFrom"])
    # JSON keeps milliseconds.
    assert abs(valid_from - event.registration_opens) < datetime.timedelta(milliseconds=1)


def test_a_full_event_offers_no_place_in_stock(client, open_event, helsinki):
    event = open_event(capacity=1, host_city=helsinki)
    RegistrationFactory(event=event)

    assert only_item(client.get(event.url))["offers"]["availability"] == (
        "https://schema.org/SoldOut"
    )


@pytest.mark.parametrize(
    ("opens", "closes"),
    [(None, None), (3, None), (-9, -2)],
    ids=["none on the portal", "not yet open", "closed"],
)
def test_no_offer_while_registration_is_not_open(client, events_index, helsinki, opens, closes):
    event = EventPageFactory(
        parent=events_index,
        host_city=helsinki,
        start=in_days(30),
        registration_opens=in_days(opens) if opens is not None else None,
        registration_closes=in_days(closes) if closes is not None else None,
    )

    assert "offers" not in only_item(client.get(event.url))


def test_a_venue_without_an_address_is_placed_in_its_host_city(client, events_index, helsinki):
    event = EventPageFactory(parent=events_index, venue="City Hall", address="", host_city=helsinki)

    assert only_item(client.get(event.url))["location"] == {
        "@type": "Place",
        "name": "City Hall",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Helsinki",
            "addressCountry": "FI",
        },
    }


def test_a_webinar_is_online_and_a_hybrid_event_both(client, events_index):
    webinar = EventPageFactory(
        parent=events_index, venue="", address="", online_url="https://example.org/webinar"
    )
    hybrid = EventPageFactory(parent=events_index, online_url="https://example.org/stream")

    online = only_item(client.get(webinar.url), recommended=False)
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://example.org/webinar"}
    mixed = only_item(client.get(hybrid.url), recommended=False)
    assert mixed["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in mixed["location"]] == ["Place", "VirtualLocation"]
