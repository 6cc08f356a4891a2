"""Every public page type, as a visitor sees it in Chromium: it loads, it has its
heading, the main navigation leads to every section, and axe-core finds nothing."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from events.factories import EventPageFactory, TourPageFactory, TourStopFactory
from events.models import EventIndexPage, TourIndexPage
from portal.factories import PortalImageFactory, StoryPageFactory
from portal.models import CapitalCodeTheme, CharterGoal, CrosswalkPage, HomePage, StoryIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage

# Live-server tests commit for real; serialized rollback restores the reference data
# (charter goals, themes, locales) that the data migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def public_site(transactional_db):
    """A small site with one live page of every public page type."""
    call_command("setup_site", verbosity=0)
    home = HomePage.objects.get(depth=2)
    stockholm = CityPageFactory(
        parent=CityIndexPage.objects.get(),
        title="Stockholm",
        country=Country.SWEDEN,
        hero_image=PortalImageFactory(description="Sergels torg on a winter evening"),
    )
    practice = PracticePageFactory(
        parent=stockholm,
        title="Safety walks at the central station",
        charter_goals=[
            CharterGoal.objects.get(locale__language_code="en", slug="safe-urban-spaces")
        ],
        capital_code_themes=[
            CapitalCodeTheme.objects.get(
                locale__language_code="en", slug="local-safe-city-alliances"
            )
        ],
        tags=["safety walk", "trygghetsvandring"],
    )
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    tour = TourPageFactory(parent=TourIndexPage.objects.get(), first_week=monday, number_of_weeks=5)
    TourStopFactory(tour=tour, city=stockholm, week_start=monday)
    event = EventPageFactory(
        parent=EventIndexPage.objects.get(),
        start=timezone.now() + datetime.timedelta(days=30),
        end=timezone.now() + datetime.timedelta(days=31),
        host_city=stockholm,
    )
    story = StoryPageFactory(parent=StoryIndexPage.objects.get(), cities=[stockholm])
    return {
        "home": home,
        "city_index": CityIndexPage.objects.get(),
        "city": stockholm,
        "practice_library": PracticeIndexPage.objects.get(),
        "practice": practice,
        "tour_index": TourIndexPage.objects.get(),
        "tour": tour,
        "event_index": EventIndexPage.objects.get(),
        "event": event,
        "story_index": StoryIndexPage.objects.get(),
        "story": story,
        "about": home.get_children().get(slug="about"),
        "crosswalk": CrosswalkPage.objects.get(),
    }


PAGE_KEYS = [
    "home",
    "city_index",
    "city",
    "practice_library",
    "practice",
    "tour_index",
    "tour",
    "event_index",
    "event",
    "story_index",
    "story",
    "about",
    "crosswalk",
]


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_public_page_type_loads_and_passes_axe(
    key, public_site, page, assert_accessible, screenshot
):
    wagtail_page = public_site[key].specific
    response = page.goto(wagtail_page.url)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert wagtail_page.title in page.title()
    assert page.locator("main#main").count() == 1
    screenshot(page, key)
    assert_accessible(page)

    # The same page on a phone: nothing wider than the screen, for people to look at too.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, f"{key}-390")


def test_the_main_navigation_leads_to_every_section(public_site, page, assert_accessible):
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Main")
    labels = [link.inner_text().strip() for link in navigation.get_by_role("link").all()]
    assert len(labels) == 5

    for label in labels:
        page.goto("/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name=label).click()
        page.wait_for_load_state()
        current = page.get_by_role("navigation", name="Main").locator("[aria-current=page]")
        assert current.inner_text().strip() == label
        assert_accessible(page)


def test_the_skip_link_moves_focus_to_the_main_content(public_site, page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.get_attribute("href") == "#main"
    skip_link.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_an_unknown_address_shows_the_portals_404_page(public_site, page, assert_accessible):
    response = page.goto("/no-such-page/")

    assert response.status == 404
    assert page.get_by_role("navigation", name="Main").count() == 1
    assert page.locator("h1").count() == 1
    assert_accessible(page)
