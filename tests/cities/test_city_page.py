"""A city's profile page lists its newest practices and links to the rest in the library."""

import pytest

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, CityPage
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def test_the_city_page_shows_its_newest_practices_and_counts_all_its_live_ones(client, section):
    malmo = CityPageFactory(parent=section(CityIndexPage), title="Malmö", slug="malmo")
    shown = CityPage.practices_shown
    for number in range(shown + 2):
        PracticePageFactory(parent=malmo, title=f"Practice number {number}")
    PracticePageFactory(parent=malmo, title="A draft practice", live=False)

    html = client.get(malmo.url).content.decode()

    assert html.count("Practice number") == shown
    assert "A draft practice" not in html
    assert f"See all {shown + 2} practices from Malmö" in html
    assert "?city=malmo" in html


def test_a_city_with_all_its_practices_shown_has_no_link_to_more(client, section):
    oslo = CityPageFactory(parent=section(CityIndexPage), title="Oslo", slug="oslo")
    PracticePageFactory(parent=oslo, title="Nightwalks with the police")

    html = client.get(oslo.url).content.decode()

    assert "Nightwalks with the police" in html
    assert "practices from Oslo" not in html
