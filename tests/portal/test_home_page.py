"""The home page shows the newest work of the apps above portal, which each add their
part through the "construct_home_page_context" hook (portal sits below them all)."""

import datetime

from django.utils import timezone

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from events.factories import EventPageFactory
from events.models import EventIndexPage
from practices.factories import PracticePageFactory


def test_the_home_page_shows_the_apps_above_portal(client, home, section):
    city = CityPageFactory(parent=section(CityIndexPage), title="Tampere", country=Country.FINLAND)
    PracticePageFactory(parent=city, title="Night buses that wait for you")
    start = timezone.now() + datetime.timedelta(days=10)
    EventPageFactory(
        parent=section(EventIndexPage),
        title="Summit on safe squares",
        start=start,
        end=start + datetime.timedelta(hours=3),
    )

    response = client.get(home.url)

    assert response.context["member_city_count"] == 1
    assert response.context["member_country_count"] == 1
    assert response.context["practice_library"] is not None
    html = response.content.decode()
    assert "Night buses that wait for you" in html
    assert "Summit on safe squares" in html
