"""The practice library in Chromium: a visitor finds the safety walks by goal and by the
Swedish word for them, with and without JavaScript, and axe-core finds nothing on the
library, its filtered and empty views, or the goal and theme landing pages."""

import re

import pytest
from django.core.management import call_command

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from portal.models import CapitalCodeTheme, CharterGoal
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage

# Live-server tests commit for real; serialized rollback restores the reference data
# (charter goals, themes, locales) that the data migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SAFETY_WALKS = {"Safety walks at the central station", "Night walks led by young women"}


@pytest.fixture
def library_site(transactional_db):
    call_command("setup_site", verbosity=0)
    cities = CityIndexPage.objects.get()
    stockholm = CityPageFactory(parent=cities, title="Stockholm", country=Country.SWEDEN)
    malmo = CityPageFactory(parent=cities, title="Malmö", country=Country.SWEDEN)
    oslo = CityPageFactory(parent=cities, title="Oslo", country=Country.NORWAY)
    urban = CharterGoal.objects.get(locale__language_code="en", slug="safe-urban-spaces")
    online = CharterGoal.objects.get(locale__language_code="en", slug="safe-online-sphere")
    alliances = CapitalCodeTheme.objects.get(
        locale__language_code="en", slug="local-safe-city-alliances"
    )
    PracticePageFactory(
        parent=stockholm,
        title="Safety walks at the central station",
        summary=(
            "A trygghetsvandring: residents, the police and property owners walk the "
            "station area after dark and agree who fixes what."
        ),
        charter_goals=[urban],
        capital_code_themes=[alliances],
        tags=["safety walk", "trygghetsvandring"],
    )
    PracticePageFactory(
        parent=malmo,
        title="Night walks led by young women",
        summary="Girls and young women lead a trygghetsvandring through the parks at night.",
        charter_goals=[urban],
        tags=["trygghetsvandring"],
    )
    PracticePageFactory(
        parent=oslo,
        title="Online hate helpline",
        summary="Residents report hateful posts and get help within a day.",
        charter_goals=[online],
    )
    PracticePageFactory(
        parent=stockholm,
        title="Youth moderators in game chats",
        summary="Young people moderate chats in the games their peers play.",
        charter_goals=[online],
    )
    return PracticeIndexPage.objects.get()


def card_titles(page):
    return {
        title.strip() for title in page.locator(".library__cards .card__title").all_inner_texts()
    }


def shown_count(page):
    heading = page.locator("#library-results").inner_text()
    return int(re.match(r"\d+", heading.strip()).group())


def test_a_visitor_finds_the_safety_walks_by_ticking_their_goal(
    library_site, page, assert_accessible, screenshot
):
    page.goto(library_site.url)
    assert shown_count(page) == len(card_titles(page)) == 4
    assert_accessible(page)

    page.get_by_role("checkbox", name="Safe urban spaces (2)").check()
    # The script submits the form as soon as the box is ticked.
    page.wait_for_url(re.compile(r"goal=safe-urban-spaces"))

    assert card_titles(page) == SAFETY_WALKS
    assert shown_count(page) == len(SAFETY_WALKS)
    assert page.get_by_role("checkbox", name="Safe urban spaces (2)").is_checked()
    # Focus comes back to the box, so a keyboard user carries on where they were.
    assert page.evaluate("document.activeElement.id") == "facet-goal-safe-urban-spaces"
    screenshot(page, "library-filtered")
    assert_accessible(page)


def test_a_visitor_finds_the_safety_walks_by_the_swedish_word(library_site, page):
    page.goto(library_site.url)

    page.get_by_label("Search practices").fill("trygghetsvandring")
    page.get_by_label("Search practices").press("Enter")
    page.wait_for_url(re.compile(r"q=trygghetsvandring"))

    assert card_titles(page) == SAFETY_WALKS
    assert shown_count(page) == len(SAFETY_WALKS)


def test_the_filters_work_without_javascript(library_site, browser, live_server, screenshot):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(library_site.url)

    page.get_by_role("checkbox", name="Safe urban spaces (2)").check()
    assert "goal=" not in page.url
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"goal=safe-urban-spaces"))

    assert card_titles(page) == SAFETY_WALKS
    assert shown_count(page) == len(SAFETY_WALKS)

    page.get_by_label("Sort by").select_option("title")
    page.get_by_role("button", name="Sort", exact=True).click()
    page.wait_for_url(re.compile(r"sort=title"))
    titles = page.locator(".library__cards .card__title").all_inner_texts()
    assert [title.strip() for title in titles] == sorted(SAFETY_WALKS)
    assert "goal=safe-urban-spaces" in page.url
    screenshot(page, "library-no-javascript")

    page.get_by_role("link", name="Remove filter: Charter goal: Safe urban spaces").click()
    assert shown_count(page) == 4
    context.close()


def test_an_empty_result_is_accessible_and_offers_a_way_back(
    library_site, page, assert_accessible, screenshot
):
    page.goto(f"{library_site.url}?goal=safe-online-sphere&q=trygghetsvandring")

    assert shown_count(page) == 0
    assert card_titles(page) == set()
    screenshot(page, "library-empty")
    assert_accessible(page)

    page.get_by_role("link", name="Remove Charter goal: Safe online sphere").click()
    assert card_titles(page) == SAFETY_WALKS


@pytest.mark.parametrize(
    ("path", "heading", "titles"),
    [
        ("goals/safe-urban-spaces/", "Safe urban spaces", SAFETY_WALKS),
        (
            "themes/local-safe-city-alliances/",
            "Build and expand local safe city alliances",
            {"Safety walks at the central station"},
        ),
    ],
)
def test_goal_and_theme_landing_pages_are_accessible(
    library_site, page, assert_accessible, screenshot, path, heading, titles
):
    response = page.goto(f"{library_site.url}{path}")

    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert heading in page.title()
    assert card_titles(page) == titles
    screenshot(page, f"library-{path.split('/')[0]}")
    assert_accessible(page)
