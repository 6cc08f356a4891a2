"""The portal's routing (portal/routing.py) and view restrictions find what Wagtail's own
find, in fewer queries: the home page reads the pages of an address in one query
whatever its depth, and each page on the way routes the rest of the address itself; a
page reads the restrictions that apply to it in one query, from the database."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import EventPageFactory, TourPageFactory, TourStopFactory
from events.models import EventIndexPage, TourIndexPage
from portal.factories import StoryPageFactory
from portal.models import CrosswalkPage, StandardPage, StoryIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home, section):
    """home > city directory > city > practice, a tour with a stop in the city, an event,
    and pages that are not live."""
    stockholm = CityPageFactory(parent=section(CityIndexPage), title="Stockholm", slug="stockholm")
    tour = TourPageFactory(parent=section(TourIndexPage), slug="safe-city-tour")
    TourStopFactory(tour=tour, city=stockholm)
    draft_city = CityPageFactory(parent=section(CityIndexPage), slug="draft-town", live=False)
    return {
        "stockholm": stockholm,
        "practice": PracticePageFactory(
            parent=stockholm, title="Safety walks at the station", slug="safety-walks"
        ),
        # A practice with the city's own slug, one level further down.
        "namesake": PracticePageFactory(parent=stockholm, slug="stockholm"),
        "draft practice": PracticePageFactory(parent=stockholm, slug="unfinished", live=False),
        "draft city": draft_city,
        "practice of a draft city": PracticePageFactory(parent=draft_city, slug="live-walks"),
        "tour": tour,
        "event": EventPageFactory(parent=section(EventIndexPage), slug="summit"),
        # An event whose slug is also a route of the listing: the route wins.
        "calendar event": EventPageFactory(parent=section(EventIndexPage), slug="calendar"),
        "draft event": EventPageFactory(parent=section(EventIndexPage), slug="later", live=False),
    }


SERVED = [
    "",
    "cities/",
    "cities/stockholm/",
    "cities/stockholm/safety-walks/",
    "cities/stockholm/stockholm/",
    "about/goals-and-themes/",
    "tours/",
    "tours/safe-city-tour/",
    "tours/safe-city-tour/stockholm/",
    "tours/safe-city-tour/calendar/",
    "tours/safe-city-tour/feed/rss/",
    "practices/",
    "practices/goals/safe-urban-spaces/",
    "practices/themes/local-safe-city-alliances/",
    "events/",
    "events/calendar/",
    "events/summit/",
    "events/summit/calendar/",
    "events/summit/register/",
    # A live page below a draft is served, as Wagtail serves it.
    "cities/draft-town/live-walks/",
]
NOT_FOUND = [
    "cities/stockholm/unfinished/",
    "cities/draft-town/",
    "events/later/",
    "events/later/calendar/",
    "nowhere/",
    # Slugs that exist, but elsewhere in the tree.
    "stockholm/",
    "cities/safety-walks/",
    "cities/nowhere/",
    "cities/stockholm/nowhere/",
    "cities/stockholm/safety-walks/more/",
    "tours/safe-city-tour/stockholm/more/",
    "practices/goals/",
    "events/summit/nowhere/",
]
ADDRESSES = SERVED + NOT_FOUND


def components(address):
    return [part for part in address.split("/") if part]


def outcome(route, rf, address):
    """What a route gives for an address: the page (its specific class and id), and the
    view with its arguments for a routable page; or 404."""
    try:
        page, args, kwargs = route(rf.get("/" + address), components(address))
    except Http404:
        return 404
    if args:
        # A routable page's view is bound to the page object: compare it by name.
        view, view_args, view_kwargs = args
        args = (view.__name__, view_args, view_kwargs)
    return type(page), page.pk, args, kwargs


def wagtails_walk(root):
    """Wagtail's own routing from the page down, without the home page's override."""
    return lambda request, path_components: Page.route(root, request, path_components)


def test_every_address_leads_where_wagtails_walk_leads(rf, home, tree):
    ours = {address: outcome(home.route, rf, address) for address in ADDRESSES}
    wagtails = {address: outcome(wagtails_walk(home), rf, address) for address in ADDRESSES}

    assert ours == wagtails
    # The addresses reach what they are meant to, so the comparison says something.
    assert ours["cities/stockholm/safety-walks/"][:2] == (PracticePage, tree["practice"].pk)
    assert ours["cities/draft-town/live-walks/"][1] == tree["practice of a draft city"].pk
    assert ours["tours/safe-city-tour/stockholm/"][2] == ("stop", (), {"city_slug": "stockholm"})
    assert ours["events/calendar/"][:3] == (
        EventIndexPage,
        tree["calendar event"].get_parent().pk,
        ("calendar", (), {}),
    )
    assert [address for address, result in ours.items() if result == 404] == NOT_FOUND


@pytest.fixture
def swedish_home(home, tree):
    """Swedish translations of the home page, the city directory and the city; the
    practice stays in English."""
    swedish = Locale.objects.get(language_code="sv")
    # The city's untranslated parents are copied as aliases of the English pages, live
    # as theirs are.
    translation = tree["stockholm"].copy_for_translation(swedish, copy_parents=True)
    translation.save_revision().publish()
    return home.get_translation(swedish).specific


def test_under_a_language_prefix_the_translation_is_served_or_else_the_original(
    rf, home, swedish_home
):
    in_swedish = ["", "cities/", "cities/stockholm/"]

    ours = {address: outcome(swedish_home.route, rf, address) for address in ADDRESSES}
    expected = {
        address: outcome(wagtails_walk(swedish_home), rf, address)
        if address in in_swedish
        # Not translated: the English page, as Wagtail's walk finds it from the English home.
        else outcome(wagtails_walk(home), rf, address)
        for address in ADDRESSES
    }

    assert ours == expected
    assert [ours[address][1] for address in in_swedish] == list(
        swedish_home.get_descendants(inclusive=True).values_list("pk", flat=True)
    )
    assert outcome(wagtails_walk(swedish_home), rf, "cities/stockholm/safety-walks/") == 404


def routed(home, rf, address):
    """The page the home page's route finds for the address."""
    return home.route(rf.get("/" + address), components(address))[0]


def test_finding_a_practice_five_levels_down_costs_what_a_section_costs(
    rf, home, tree, django_assert_num_queries
):
    # Content types are read once per process; the first calls read them.
    routed(home, rf, "cities/")
    routed(home, rf, "cities/stockholm/safety-walks/")

    with CaptureQueriesContext(connection) as section_queries:
        section = routed(home, rf, "cities/")
    with django_assert_num_queries(len(section_queries)):
        practice = routed(home, rf, "cities/stockholm/safety-walks/")

    assert section.depth == 3
    assert (practice, practice.depth) == (tree["practice"], 5)
    assert isinstance(practice, type(tree["practice"]))


def test_a_served_page_comes_with_what_its_template_shows_beside_it(
    rf, home, tree, django_assert_num_queries
):
    hosted = EventPageFactory(
        parent=tree["event"].get_parent(), slug="hosted", host_city=tree["stockholm"]
    )
    routed(home, rf, "cities/stockholm/safety-walks/")

    practice = routed(home, rf, "cities/stockholm/safety-walks/")
    event = routed(home, rf, "events/hosted/")

    with django_assert_num_queries(0):
        assert practice.city.title == "Stockholm"
        assert event.host_city.title == "Stockholm"
    # The rest of the page is as Page.specific gives it.
    specific = Page.objects.get(pk=practice.pk).specific
    assert practice.summary == specific.summary
    assert list(practice.body.raw_data) == list(specific.body.raw_data)
    assert event.pk == hosted.pk


def test_a_page_types_own_route_is_followed_below_the_home_page(rf, home, tree, monkeypatch):
    """Each page on the way routes the rest of the address itself, as in Wagtail's walk:
    a route of a page type's own is not skipped for the one read at the home page."""
    followed = []
    own_route = CityIndexPage.route

    def route(page, request, path_components):
        followed.append((page.pk, list(path_components)))
        return own_route(page, request, path_components)

    monkeypatch.setattr(CityIndexPage, "route", route)

    assert routed(home, rf, "cities/stockholm/safety-walks/") == tree["practice"]
    assert followed == [
        (tree["stockholm"].get_parent().pk, ["stockholm", "safety-walks"]),
    ]


def test_the_breadcrumbs_of_a_practice_lead_home_through_its_directory_and_city(client, tree):
    html = client.get("/cities/stockholm/safety-walks/").content.decode()

    trail = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group()
    links = re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', trail)
    assert links == [
        ("/", "Home"),
        ("/cities/", "Member cities"),
        ("/cities/stockholm/", "Stockholm"),
    ]
    assert re.search(r'aria-current="page"[^>]*>Safety walks at the station<', trail)


# View restrictions


@pytest.fixture
def restricted(home, section):
    """Pages restricted in every way Wagtail knows: through an ancestor, by their own
    restriction, as aliases of restricted pages or below one; and pages that are not."""
    about = StandardPage.objects.get(slug="about")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="about-password"
    )
    story = StoryPageFactory(parent=section(StoryIndexPage), slug="closed-story")
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="story-password"
    )
    crosswalk = CrosswalkPage.objects.get()
    open_story = StoryPageFactory(
        parent=section(StoryIndexPage), slug="open-story", introduction="Residents tell."
    )
    # Wagtail gives an alias its source's restrictions and ignores any of its own.
    open_alias = open_story.create_alias(update_slug="open-story-alias")
    PageViewRestriction.objects.create(
        page=open_alias, restriction_type=PageViewRestriction.PASSWORD, password="ignored"
    )
    copy_of_about = about.create_alias(parent=home, update_slug="about-copy", recursive=True)
    return {
        "page under a restricted section": crosswalk,
        "unrestricted page": open_story,
        "restricted page": story,
        "alias of a restricted page": story.create_alias(update_slug="closed-story-alias"),
        # Wagtail resolves an alias to its own source only, not the source's ancestors.
        "alias of a page under a restricted section": crosswalk.create_alias(
            parent=home, update_slug="crosswalk-alias"
        ),
        "page under an alias of a restricted section": copy_of_about.get_children().get(),
        "alias with a restriction of its own": open_alias,
    }


def test_every_page_has_the_view_restrictions_wagtail_finds(restricted):
    pages = {name: Page.objects.get(pk=page.pk).specific for name, page in restricted.items()}

    ours = {name: set(page.get_view_restrictions()) for name, page in pages.items()}
    wagtails = {name: set(Page.get_view_restrictions(page)) for name, page in pages.items()}

    assert ours == wagtails
    assert {name for name, restrictions in ours.items() if not restrictions} == {
        "unrestricted page",
        "alias of a page under a restricted section",
        "alias with a restriction of its own",
    }


def test_a_page_of_a_restricted_section_asks_for_the_password(client, section, restricted):
    story_index = section(StoryIndexPage)
    restriction = PageViewRestriction.objects.create(
        page=story_index, restriction_type=PageViewRestriction.PASSWORD, password="stories-pw"
    )
    story = restricted["unrestricted page"]
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk])

    asked = client.get(story.url)
    client.post(action, {"password": "stories-pw", "return_url": story.url})
    shown = client.get(story.url)

    assert f'action="{action}"' in asked.content.decode()
    assert story.introduction not in asked.content.decode()
    assert story.introduction in shown.content.decode()


def test_a_restriction_applies_whatever_the_site_structure_cache_holds(client, settings, home):
    """Who may see a page is read from the database on every request, never from the
    cache of the site's structure: a restriction the cache has not heard of (made
    without the signals that drop it) applies at once."""
    settings.PORTAL_STRUCTURE_CACHE_SECONDS = 300
    caches["default"].clear()
    story = StoryPageFactory(parent=StoryIndexPage.objects.get(), slug="quiet-story")
    assert client.get(story.url).status_code == 200

    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=story, restriction_type=PageViewRestriction.LOGIN)]
    )

    assert client.get(story.url).status_code == 302
