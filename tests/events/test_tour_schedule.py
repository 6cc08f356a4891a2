import datetime

import pytest
from wagtail.models import PageViewRestriction

from events.factories import TourPageFactory, TourStopFactory
from events.models import TourStop

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2021, 3, 8)


@pytest.fixture
def tour():
    return TourPageFactory(first_week=datetime.date(2021, 1, 4), number_of_weeks=20)


def test_the_stop_under_way_is_the_current_one(tour):
    stockholm = TourStopFactory(tour=tour, week_start=MONDAY)
    TourStopFactory(tour=tour, week_start=MONDAY + datetime.timedelta(weeks=2))

    for day in range(5):  # Monday to Friday
        today = MONDAY + datetime.timedelta(days=day)
        assert TourStop.objects.current_or_next(today) == stockholm
        assert stockholm.is_current(today)


def test_after_a_takeover_week_the_next_stop_is_shown(tour):
    TourStopFactory(tour=tour, week_start=MONDAY)
    copenhagen = TourStopFactory(tour=tour, week_start=datetime.date(2021, 3, 22))

    saturday = MONDAY + datetime.timedelta(days=5)
    assert TourStop.objects.current_or_next(saturday) == copenhagen
    assert not copenhagen.is_current(saturday)
    assert copenhagen.week_end == datetime.date(2021, 3, 26)


def test_stops_of_unpublished_tours_are_not_shown(tour):
    draft = TourPageFactory(live=False, first_week=MONDAY, number_of_weeks=2)
    TourStopFactory(tour=draft, week_start=MONDAY)

    assert TourStop.objects.current_or_next(MONDAY) is None


def test_nothing_is_shown_once_every_tour_is_over(tour):
    TourStopFactory(tour=tour, week_start=MONDAY)

    assert TourStop.objects.current_or_next(datetime.date(2026, 11, 23)) is None


def test_tour_weeks_are_numbered_from_the_first(tour):
    assert tour.week_number(datetime.date(2021, 1, 4)) == 1
    assert tour.week_number(MONDAY) == 10
    assert tour.last_week == datetime.date(2021, 5, 17)


def test_stops_of_a_private_tour_or_city_are_skipped_for_the_next_public_one(tour):
    private_tour = TourPageFactory(first_week=MONDAY, number_of_weeks=2)
    TourStopFactory(tour=private_tour, week_start=MONDAY)
    private_city = TourStopFactory(tour=tour, week_start=MONDAY + datetime.timedelta(weeks=1))
    public = TourStopFactory(tour=tour, week_start=MONDAY + datetime.timedelta(weeks=2))
    for page in (private_tour, private_city.city):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert TourStop.objects.current_or_next(MONDAY) == public
