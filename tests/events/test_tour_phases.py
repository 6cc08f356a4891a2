"""A tour says in words whether it is planned, running or over; a break week says there
is no takeover and when the tour resumes; weeks without a city are to be announced.
The clock is fixed: all of this depends on today's date."""

import datetime
import re
import zoneinfo

import pytest

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import TourPageFactory, TourStopFactory
from events.models import TourBreak, TourIndexPage, TourPhase
from portal.dates import date_range

pytestmark = pytest.mark.django_db

# Wednesday of the 2027 tour's third week, which is a break.
IN_THE_BREAK = datetime.datetime(2027, 1, 20, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def tours(section, time_machine):
    time_machine.move_to(IN_THE_BREAK, tick=False)
    index = section(TourIndexPage)
    directory = section(CityIndexPage)
    cities = [
        CityPageFactory(parent=directory, title=name)
        for name in ("Oslo", "Copenhagen", "Stockholm", "Turku")
    ]
    running = TourPageFactory(
        parent=index,
        title="Safe City Tour 2027",
        first_week=datetime.date(2027, 1, 4),
        number_of_weeks=12,
    )
    TourBreak.objects.create(
        tour=running, week_start=datetime.date(2027, 1, 18), reason="Winter holiday"
    )
    for city, week in zip(cities, (1, 2, 4, 6), strict=True):
        TourStopFactory(
            tour=running,
            city=city,
            week_start=running.first_week + datetime.timedelta(weeks=week - 1),
        )
    ended = TourPageFactory(
        parent=index, title="Tour 2025", first_week=datetime.date(2025, 1, 6), number_of_weeks=10
    )
    planned = TourPageFactory(
        parent=index,
        title="Summer Tour 2027",
        first_week=datetime.date(2027, 6, 7),
        number_of_weeks=8,
    )
    return {"index": index, "running": running, "ended": ended, "planned": planned}


def test_a_tours_phase_follows_the_calendar(tours):
    today = IN_THE_BREAK.date()
    assert tours["running"].phase(today) == TourPhase.RUNNING
    assert tours["ended"].phase(today) == TourPhase.ENDED
    assert tours["planned"].phase(today) == TourPhase.PLANNED
    assert tours["running"].phase(datetime.date(2027, 3, 27)) == TourPhase.ENDED


def test_the_tour_list_says_each_tours_phase_in_words(client, tours):
    listing = client.get(tours["index"].url).content.decode()
    cards = {
        re.search(r'<h3 class="card__title"><a [^>]*>([^<]+)</a>', card).group(1): card
        for card in listing.split("<article")[1:]
    }
    assert ">Running now</span>" in cards["Safe City Tour 2027"]
    assert ">Ended</span>" in cards["Tour 2025"]
    assert ">Planned</span>" in cards["Summer Tour 2027"]


def test_each_tour_page_says_its_phase(client, tours):
    ended = client.get(tours["ended"].url).content.decode()
    planned = client.get(tours["planned"].url).content.decode()
    running = client.get(tours["running"].url).content.decode()

    assert ">Ended</span>" in ended and "This tour has ended." in ended
    assert ">Planned</span>" in planned
    assert "This tour has not started yet: its first week begins on 7 June 2027." in planned
    assert ">Running now</span>" in running


def test_a_break_week_says_there_is_no_takeover_and_when_the_tour_resumes(client, tours):
    page = client.get(tours["running"].url).content.decode()

    assert "No takeover this week: Winter holiday." in page
    resumes = date_range(datetime.date(2027, 1, 25), datetime.date(2027, 1, 29))
    assert f"The tour resumes in the week of {resumes}, with Stockholm." in page
    assert "This week:" not in page


def test_every_week_is_listed_and_those_without_a_city_are_to_be_announced(client, tours):
    page = client.get(tours["running"].url).content.decode()
    timeline = page[
        page.index('<ol class="timeline">') : page.index(
            "</ol>", page.index('<ol class="timeline">')
        )
    ]

    assert timeline.count('<li class="timeline__item') == 12
    assert timeline.count("City to be announced") == 12 - 4 - 1
    assert "No takeover: Winter holiday" in timeline
