"""The tour schedule books cities, not their translations: each member city is offered
once, and a city booked in English cannot be booked again through its Swedish page."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Locale

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import TourPageFactory
from events.models import TourIndexPage
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

FIRST_WEEK = datetime.date(2027, 1, 11)


@pytest.fixture
def tour(section):
    return TourPageFactory(parent=section(TourIndexPage), first_week=FIRST_WEEK, number_of_weeks=4)


@pytest.fixture
def stockholm_in_two_languages(section):
    stockholm = CityPageFactory(parent=section(CityIndexPage), title="Stockholm")
    swedish = stockholm.copy_for_translation(
        Locale.objects.get(language_code="sv"), copy_parents=True
    )
    swedish.title = "Stockholms stad"
    swedish.save_revision().publish()
    return stockholm, swedish


def schedule(client, tour, **data):
    url = reverse("events_tour_schedule", args=[tour.pk])
    if not data:
        return client.get(url)
    return client.post(url, {key: str(value) for key, value in data.items()})


def test_the_schedule_offers_each_member_city_once(staff, tour, stockholm_in_two_languages):
    stockholm, swedish = stockholm_in_two_languages

    page = schedule(logged_in(staff), tour).content.decode()

    assert f'value="{stockholm.pk}"' in page
    assert f'value="{swedish.pk}"' not in page


def test_a_booked_city_cannot_be_booked_again_through_its_translation(
    staff, tour, stockholm_in_two_languages
):
    stockholm, swedish = stockholm_in_two_languages
    client = logged_in(staff)
    booked = schedule(
        client, tour, operation="assign", week=FIRST_WEEK, city=stockholm.pk, topic="Placemaking"
    )
    assert booked.status_code == 302

    refused = schedule(
        client,
        tour,
        operation="assign",
        week=FIRST_WEEK + datetime.timedelta(weeks=1),
        city=swedish.pk,
        topic="Exit programme",
    )

    assert refused.status_code == 200
    assert list(tour.stops.values_list("city", flat=True)) == [stockholm.pk]
