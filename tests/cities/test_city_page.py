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


def test_a_new_city_without_picture_or_text_shows_its_drawing_beside_the_facts(client, section):
    """As approval leaves it: no empty column beside the facts (issue 23)."""
    lund = CityPageFactory(parent=section(CityIndexPage), title="Lund", slug="lund", body=[])
    assert not lund.hero_image

    html = client.get(lund.url).content.decode()
    beside_facts = html.split('class="container with-aside"', 1)[1].split(
        'aria-labelledby="city-facts"'
    )[0]

    assert 'class="hero-image hero-image--drawn"' in beside_facts
    assert '<svg class="illustration"' in beside_facts
