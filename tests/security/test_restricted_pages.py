"""A page behind a view restriction (a log-in, a password) is shown only to whoever may
open it, and listed nowhere else: its title can be as confidential as its content.

One small network holds a city behind a log-in (with a practice of its own below it), an
event behind a log-in and a practice behind a password, each with a name found nowhere
else, beside public pages that link to them: a public city (in the public member
directory) that hosts the private event and has the private practice below it, a public
practice adopted by both cities with both events as related events, a public event
hosted by the private city, a story about both cities, a tour that visits both. Every
channel a visitor can read (pages, maps, filters, feeds, calendars, the sitemap, the
API, search) is read as an anonymous visitor in English, Finnish and Swedish and must
name none of the private pages, while it does show a public one (so each check can
fail). Lifting the restrictions brings the pages back at once, through the page cache
in memory and in Redis.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from events.factories import (
    EventPageFactory,
    TakeoverPostFactory,
    TourPageFactory,
    TourStopFactory,
    this_monday,
)
from events.models import EventIndexPage, PostStatus, TourIndexPage, programme_session
from portal.factories import StandardPageFactory, StoryPageFactory
from portal.models import CapitalCodeTheme, CharterGoal, StoryIndexPage
from practices.factories import PracticePageFactory
from tests.performance.conftest import page_cache  # noqa: F401 - memory and Redis page cache

pytestmark = pytest.mark.django_db

# The private pages' names, and so their addresses' slugs: none may appear anywhere.
PRIVATE_NAMES = ("hiddenburg", "cloakmoot", "whisperwalk", "backroom")
LANGUAGES = ("", "/fi", "/sv")


@pytest.fixture
def network(home, section):
    """The network with its private pages; returns the pages by name."""
    directory = section(CityIndexPage)
    events = section(EventIndexPage)
    goal = CharterGoal.objects.get(locale__language_code="en", number=1)
    theme = CapitalCodeTheme.objects.get(locale__language_code="en", number=1)
    # A public city in the public directory, and one behind a log-in.
    openvik = CityPageFactory(
        parent=directory, title="Openvik", slug="openvik", country=Country.NORWAY
    )
    hiddenburg = CityPageFactory(
        parent=directory, title="Hiddenburg", slug="hiddenburg", country=Country.NORWAY
    )
    PracticePageFactory(
        parent=hiddenburg,
        title="Hiddenburg night patrols",
        slug="hiddenburg-night-patrols",
        charter_goals=[goal],
        capital_code_themes=[theme],
    )
    whisperwalk = PracticePageFactory(
        parent=openvik,
        title="Whisperwalk",
        slug="whisperwalk",
        charter_goals=[goal],
        capital_code_themes=[theme],
    )
    cloakmoot = EventPageFactory(
        parent=events,
        title="Cloakmoot summit",
        slug="cloakmoot-summit",
        host_city=openvik,
    )
    brightmoot = EventPageFactory(
        parent=events,
        title="Brightmoot summit",
        slug="brightmoot-summit",
        host_city=openvik,
        start=datetime.datetime(2026, 12, 10, 9, tzinfo=datetime.UTC),
    )
    # A public event of the private city: listed, without naming its host.
    farmoot = EventPageFactory(
        parent=events,
        title="Farmoot workshop",
        slug="farmoot-workshop",
        host_city=hiddenburg,
        start=datetime.datetime(2026, 12, 11, 9, tzinfo=datetime.UTC),
    )
    lanternwalk = PracticePageFactory(
        parent=openvik,
        title="Lanternwalk",
        slug="lanternwalk",
        charter_goals=[goal],
        capital_code_themes=[theme],
    )
    lanternwalk.adopted_by.set([hiddenburg, openvik])
    lanternwalk.related_events.set([cloakmoot, brightmoot])
    lanternwalk.save()
    brightmoot.programme = [
        programme_session("Walks compared", datetime.time(10), practices=[whisperwalk, lanternwalk])
    ]
    brightmoot.save()
    story = StoryPageFactory(
        parent=section(StoryIndexPage),
        title="A winter of walks",
        slug="a-winter-of-walks",
        cities=[hiddenburg, openvik],
    )
    # The private city takes over this week, the public one next week.
    tour = TourPageFactory(parent=section(TourIndexPage), title="Safe City Tour", slug="tour")
    for week, city in enumerate((hiddenburg, openvik)):
        stop = TourStopFactory(
            tour=tour, city=city, week_start=this_monday() + datetime.timedelta(weeks=week)
        )
        post = TakeoverPostFactory(
            stop=stop,
            day=stop.week_start,
            status=PostStatus.PUBLISHED,
            text=f"Good morning from the city hall of {city.title}.",
        )
        post.related_practices.set([whisperwalk, lanternwalk])
    backroom = StandardPageFactory(
        parent=home, title="Backroom", slug="backroom", show_in_menus=True
    )
    restrictions = [
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        for page in (hiddenburg, cloakmoot, backroom)
    ]
    restrictions.append(
        PageViewRestriction.objects.create(
            page=whisperwalk, restriction_type=PageViewRestriction.PASSWORD, password="hush"
        )
    )
    return {
        "openvik": openvik,
        "hiddenburg": hiddenburg,
        "lanternwalk": lanternwalk,
        "brightmoot": brightmoot,
        "farmoot": farmoot,
        "story": story,
        "goal": goal,
        "theme": theme,
        "restrictions": restrictions,
    }


# Each channel: its address below the language prefix (from the network's pages), and
# what a public page puts there that must be found. Search words are in the public and
# the private pages alike (the factories' texts), never in their names.
CHANNELS = {
    "home page (menu, coming events, tour, newest practices)": (
        lambda n: "/",
        ["About the network", "Brightmoot summit", "Farmoot workshop", "Lanternwalk", "Openvik"],
    ),
    "member directory": (lambda n: "/cities/", ["Openvik"]),
    "member directory, country filter": (lambda n: "/cities/?country=NO", ["Openvik"]),
    "member directory, name search": (lambda n: "/cities/?q=i", ["Openvik"]),
    "city page of the public city": (lambda n: n["openvik"].url, ["Lanternwalk", "Brightmoot"]),
    "practice page with adopters and related events": (
        lambda n: n["lanternwalk"].url,
        ["Openvik", "Brightmoot summit"],
    ),
    "practice library": (lambda n: "/practices/", ["Lanternwalk", "Openvik"]),
    "practice library, searched": (lambda n: "/practices/?q=property", ["Lanternwalk"]),
    "practice library, filtered by country": (
        lambda n: "/practices/?country=NO",
        ["Lanternwalk"],
    ),
    "goal page": (lambda n: f"/practices/goals/{n['goal'].slug}/", ["Lanternwalk", "Openvik"]),
    "theme page": (lambda n: f"/practices/themes/{n['theme'].slug}/", ["Lanternwalk"]),
    "library's Atom feed": (lambda n: "/practices/feed/atom/", ["Lanternwalk"]),
    "library's RSS feed": (lambda n: "/practices/feed/rss/", ["Lanternwalk"]),
    "site search, cities": (lambda n: "/search/?q=residents", ["Openvik"]),
    "site search, practices": (lambda n: "/search/?q=property", ["Lanternwalk"]),
    "site search, events": (lambda n: "/search/?q=officials", ["Brightmoot summit"]),
    "events listing": (lambda n: "/events/", ["Brightmoot summit", "Farmoot workshop"]),
    "events listing, filtered by the private city": (
        lambda n: "/events/?city=hiddenburg",
        ["Brightmoot summit"],
    ),
    "events calendar": (lambda n: "/events/calendar.ics", ["Brightmoot summit"]),
    "public event of the private city": (lambda n: n["farmoot"].url, ["Farmoot workshop"]),
    "public event whose programme names practices": (
        lambda n: n["brightmoot"].url,
        ["Lanternwalk", "Openvik"],
    ),
    "calendar of the public event of the private city": (
        lambda n: n["farmoot"].url + "calendar.ics",
        ["Farmoot workshop"],
    ),
    "story about both cities": (lambda n: n["story"].url, ["Openvik"]),
    "stories": (lambda n: "/stories/", ["A winter of walks"]),
    "tours": (lambda n: "/tours/", ["Safe City Tour"]),
    "tour page (weeks, map)": (lambda n: "/tours/tour/", ["Openvik"]),
    "public city's week on the tour": (lambda n: "/tours/tour/openvik/", ["Lanternwalk"]),
    "tour's calendar": (lambda n: "/tours/tour/calendar/", ["Openvik"]),
    "tour's Atom feed": (lambda n: "/tours/tour/feed/atom/", ["Openvik"]),
    "tour's RSS feed": (lambda n: "/tours/tour/feed/rss/", ["Openvik"]),
}

# Not under a language prefix.
UNPREFIXED_CHANNELS = {
    "sitemap": (lambda n: "/sitemap.xml", ["openvik/lanternwalk"]),
    "API, cities": (lambda n: "/api/v2/cities/", ["Openvik"]),
    "API, events": (lambda n: "/api/v2/events/", ["Brightmoot summit"]),
    "API, practices": (lambda n: "/api/v2/practices/", ["Lanternwalk"]),
    "API, practices searched": (lambda n: "/api/v2/practices/?search=property", ["Lanternwalk"]),
    "API, practice with adopters and related events": (
        lambda n: f"/api/v2/practices/{n['lanternwalk'].pk}/",
        ["Openvik", "Brightmoot summit"],
    ),
    "API, public event of the private city": (
        lambda n: f"/api/v2/events/{n['farmoot'].pk}/",
        ["Farmoot workshop"],
    ),
}


def read(client, address):
    """The response's text, without the address's own query (a page repeats its address
    in its meta tags and language links: that is the visitor's words, not the site's)."""
    response = client.get(address)
    assert response.status_code == 200, address
    content = response.content if hasattr(response, "content") else b"".join(response)
    query = urlsplit(address).query
    return content.decode().replace(query, "") if query else content.decode()


def assert_shows_no_private_page(content, address):
    found = [name for name in PRIVATE_NAMES if name in content.lower()]
    assert not found, f"{address} names {found}"


def assert_shows(content, public, address):
    missing = [text for text in public if text not in content]
    assert not missing, f"{address} does not show {missing}"


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "fi", "sv"])
@pytest.mark.parametrize("channel", CHANNELS)
def test_no_channel_names_a_private_page(client, network, channel, language):
    address_of, public = CHANNELS[channel]
    address = language + address_of(network)
    content = read(client, address)

    assert_shows(content, public, address)
    assert_shows_no_private_page(content, address)


@pytest.mark.parametrize("channel", UNPREFIXED_CHANNELS)
def test_no_unprefixed_channel_names_a_private_page(client, network, channel):
    address_of, public = UNPREFIXED_CHANNELS[channel]
    address = address_of(network)
    content = read(client, address)

    assert_shows(content, public, address)
    assert_shows_no_private_page(content, address)


def test_the_private_pages_ask_for_a_log_in_or_the_password(client, network):
    for address in ("/cities/hiddenburg/", "/events/cloakmoot-summit/", "/backroom/"):
        response = client.get(address)
        assert response.status_code == 302, address
        assert "/login/?next=" in response["Location"]
    password_form = client.get("/cities/openvik/whisperwalk/")
    assert password_form.status_code == 200
    assert "password" in password_form.content.decode().lower()


def test_the_library_counts_only_public_practices(client, network):
    response = client.get("/practices/")
    result = response.context["result"]

    assert result.total == 1
    cities = {value.value: value.count for value in result.facets["city"]}
    assert cities == {"openvik": 1}
    countries = {value.value: value.count for value in result.facets["country"] if value.count}
    assert countries == {"NO": 1}


def test_the_directory_counts_only_public_cities(client, network):
    countries = {code: count for code, _label, count in client.get("/cities/").context["countries"]}
    assert countries["NO"] == 1


def test_the_home_page_counts_only_public_member_cities(client, network):
    """As the directory lists them: the count would not match the list otherwise."""
    context = client.get("/fi/").context

    assert context["member_city_count"] == 1
    network["restrictions"][0].delete()
    assert client.get("/fi/").context["member_city_count"] == 2


def test_the_tour_leaves_the_private_citys_week_unannounced(client, network):
    home = client.get("/")
    tour = client.get("/tours/tour/")

    # This week's city is private: the home page shows next week's, the public one.
    assert home.context["tour_stop"].city.title == "Openvik"
    weeks = tour.context["schedule"].timeline
    assert weeks[0]["stop"] is None
    assert weeks[1]["stop"].city.title == "Openvik"
    assert client.get("/tours/tour/hiddenburg/").status_code == 404


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "fi", "sv"])
def test_lifting_the_restrictions_lists_the_pages_again(client, network, settings, language):
    # The structure cache too, which keeps the restricted sections.
    settings.PORTAL_STRUCTURE_CACHE_SECONDS = 300
    addresses = [
        language + "/",
        language + "/cities/",
        language + "/practices/",
        language + "/events/",
        language + network["lanternwalk"].url,
    ]
    before = {address: read(client, address) for address in addresses}
    for restriction in network["restrictions"]:
        restriction.delete()
    after = {address: read(client, address) for address in addresses}

    for address in addresses:
        assert_shows_no_private_page(before[address], address)
    assert "Hiddenburg" in after[language + "/cities/"]
    assert "Whisperwalk" in after[language + "/practices/"]
    assert "Cloakmoot summit" in after[language + "/events/"]
    assert "Backroom" in after[language + "/"]
    lanternwalk = after[language + network["lanternwalk"].url]
    assert "Hiddenburg" in lanternwalk
    assert "Cloakmoot summit" in lanternwalk


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "fi", "sv"])
def test_a_restriction_made_after_a_page_was_stored_hides_it_at_once(
    client, network, settings, language
):
    """Stored while the city was public, every listing and search drops it as soon as
    staff restrict it (found by hand: a stored site search kept listing it)."""
    settings.PORTAL_STRUCTURE_CACHE_SECONDS = 300
    restriction = network["restrictions"][0]
    assert restriction.page.title == "Hiddenburg"
    restriction.delete()
    addresses = [
        language + "/",
        language + "/cities/",
        language + "/practices/",
        language + "/search/?q=residents",
        language + "/search/?q=Hiddenburg",
    ]
    before = {address: read(client, address) for address in addresses}
    PageViewRestriction.objects.create(
        page=network["hiddenburg"], restriction_type=PageViewRestriction.LOGIN
    )
    after = {address: read(client, address) for address in addresses}

    # A link to the city (a search repeats its words, so look for the address).
    link = "/cities/hiddenburg/"
    assert link in before[language + "/search/?q=residents"]
    assert link in before[language + "/search/?q=Hiddenburg"]
    assert link in before[language + "/cities/"]
    for address in addresses:
        assert link not in after[address], address
