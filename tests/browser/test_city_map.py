"""Every city on the directory map can be opened where it is drawn: with the mouse at
1366 px, by touch at 390 px, and from the keyboard, with all of the demo's member
cities on the map (Stockholm and Uppsala, Copenhagen and Malmö, Helsinki and Vantaa,
Reykjavík and Hafnarfjörður lie within a marker's width of each other)."""

import pytest
from django.core.management import call_command

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from website.demo.loader import read

CITIES = read("cities")["cities"]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def member_cities(transactional_db):
    call_command("setup_site", verbosity=0)
    index = CityIndexPage.objects.get()
    cities = [
        CityPageFactory(
            parent=index,
            title=city["title"],
            slug=city["slug"],
            country=city["country"],
            latitude=city["latitude"],
            longitude=city["longitude"],
        )
        for city in CITIES
    ]
    return index, cities


def marker_centres(page):
    """Where each marker's dot is drawn on screen, by the city its link opens."""
    centres = {}
    for marker in page.locator(".city-map .city-map__marker").all():
        box = marker.locator(".city-map__dot").bounding_box()
        centres[marker.get_attribute("href")] = (
            box["x"] + box["width"] / 2,
            box["y"] + box["height"] / 2,
        )
    return centres


@pytest.mark.parametrize(
    ("width", "height", "touch"), [(1366, 900, False), (390, 844, True)], ids=["1366", "390"]
)
def test_clicking_or_tapping_each_marker_opens_its_own_city(
    member_cities, browser, live_server, width, height, touch, screenshot
):
    index, cities = member_cities
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": height},
        has_touch=touch,
        is_mobile=touch,
    )
    page = context.new_page()
    page.goto(index.url)
    screenshot(page, f"city-map-{width}")
    centres = marker_centres(page)
    assert set(centres) == {city.url for city in cities}
    opened = {}
    for url in centres:
        page.goto(index.url)
        marker = page.locator(f'.city-map a[href="{url}"]')
        marker.scroll_into_view_if_needed()
        x, y = marker_centres(page)[url]
        with page.expect_navigation():
            if touch:
                page.touchscreen.tap(x, y)
            else:
                page.mouse.click(x, y)
        opened[url] = page.url.removeprefix(live_server.url)
    context.close()
    assert opened == {url: url for url in centres}


def test_tab_reaches_every_marker_and_enter_opens_it(member_cities, page):
    index, cities = member_cities
    page.goto(index.url)
    hrefs = page.locator(".city-map .city-map__marker").evaluate_all(
        "markers => markers.map(marker => marker.getAttribute('href'))"
    )
    page.locator(".city-map .city-map__marker").first.focus()
    reached = []
    for _ in hrefs:
        reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
        page.keyboard.press("Tab")
    assert reached == hrefs
    assert set(reached) == {city.url for city in cities}
    page.locator(f'.city-map a[href="{cities[-1].url}"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{cities[-1].url}")
