"""The read-only API: practices, cities and events, live and public pages only."""

import pytest
from wagtail.models import PageViewRestriction

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import EventPageFactory
from events.models import EventIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(section):
    cities = section(CityIndexPage)
    events = section(EventIndexPage)
    oslo = CityPageFactory(parent=cities, title="Oslo")
    bergen = CityPageFactory(parent=cities, title="Bergen")
    draft_city = CityPageFactory(parent=cities, title="Draft city", live=False)
    return {
        "oslo": oslo,
        "bergen": bergen,
        "draft_city": draft_city,
        "practice": PracticePageFactory(
            parent=oslo,
            title="Support for employees threatened online",
            indicators=[
                PracticeIndicator(
                    measure="Threats reported to the police",
                    baseline="40",
                    target="100",
                    result="121",
                    year=2022,
                    source="Security unit",
                )
            ],
            adopted_by=[bergen, draft_city],
        ),
        "draft_practice": PracticePageFactory(parent=oslo, title="Draft practice", live=False),
        "event": EventPageFactory(parent=events, title="Summit 2027", host_city=oslo),
        "draft_event": EventPageFactory(parent=events, title="Draft event", live=False),
    }


def titles(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


def test_the_practices_endpoint_lists_live_practices_and_not_drafts(client, pages):
    assert titles(client, "practices") == {"Support for employees threatened online"}
    response = client.get(f"/api/v2/practices/{pages['draft_practice'].pk}/")
    assert response.status_code == 404


def test_the_cities_endpoint_lists_live_cities_and_not_drafts(client, pages):
    assert titles(client, "cities") == {"Oslo", "Bergen"}
    assert client.get(f"/api/v2/cities/{pages['draft_city'].pk}/").status_code == 404


def test_the_events_endpoint_lists_live_events_and_not_drafts(client, pages):
    assert titles(client, "events") == {"Summit 2027"}
    assert client.get(f"/api/v2/events/{pages['draft_event'].pk}/").status_code == 404


def test_pages_behind_a_password_are_not_served(client, pages):
    PageViewRestriction.objects.create(
        page=pages["oslo"], restriction_type=PageViewRestriction.PASSWORD, password="x" * 12
    )

    assert titles(client, "cities") == {"Bergen"}
    assert titles(client, "practices") == set()


def test_a_practice_carries_its_record_and_links_only_to_public_pages(client, pages):
    practice = client.get(f"/api/v2/practices/{pages['practice'].pk}/").json()

    assert practice["meta"]["type"] == "practices.PracticePage"
    assert practice["city"]["title"] == "Oslo"
    assert practice["city"]["meta"]["detail_url"].endswith(f"/api/v2/cities/{pages['oslo'].pk}/")
    assert practice["evidence_level"] == "documented"
    assert practice["evidence_explanation"].startswith("The city has measured")
    assert practice["indicators"] == [
        {
            "measure": "Threats reported to the police",
            "baseline": "40",
            "target": "100",
            "result": "121",
            "year": 2022,
            "source": "Security unit",
        }
    ]
    assert [city["title"] for city in practice["adopted_by"]] == ["Bergen"]


def test_an_event_names_its_host_city(client, pages):
    event = client.get(f"/api/v2/events/{pages['event'].pk}/").json()

    assert event["host_city"]["title"] == "Oslo"
    assert event["kind"] == "workshop"


def test_an_endpoint_serves_its_own_page_type_only(client, pages):
    response = client.get("/api/v2/practices/", {"type": "cities.CityPage"})

    assert response.status_code == 400
    assert client.get(f"/api/v2/cities/{pages['practice'].pk}/").status_code == 404
