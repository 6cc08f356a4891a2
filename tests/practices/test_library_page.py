"""The practice library as a visitor uses it through the URL: facets with counts, filters
that widen within a facet and narrow across facets, shareable addresses, pagination, the
empty state, the goal and theme landing pages, the overview chart and the feeds."""

import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from portal.models import CapitalCodeTheme, CharterGoal
from practices import stats
from practices.factories import PracticePageFactory
from practices.library import FACETS, LibraryQuery, search_library
from practices.library_page import overview_charts
from practices.models import PracticeIndexPage, PreventionLevel, TargetGroup

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


class LibraryHTML(HTMLParser):
    """What a visitor sees and can do on a library page: the form's fields, the cards, the
    links, in document order."""

    def __init__(self, html):
        super().__init__()
        self.checkboxes = []  # [name, value, checked, id]
        self.labels = {}  # field id -> label text
        self.legends = []
        self.search_text = None
        self.sort = None
        self.titles = []
        self.links = []  # (href, text)
        self._label_for = None
        self._in_legend = False
        self._in_card_title = False
        self._in_sort = False
        self._link = None
        self._text = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "input" and attrs.get("type") == "checkbox":
            self.checkboxes.append(
                [attrs["name"], attrs["value"], "checked" in attrs, attrs.get("id")]
            )
        elif tag == "input" and attrs.get("name") == "q" and attrs.get("id") == "library-q":
            self.search_text = attrs.get("value", "")
        elif tag == "select" and attrs.get("name") == "sort":
            self._in_sort = True
        elif tag == "option" and self._in_sort and "selected" in attrs:
            self.sort = attrs["value"]
        elif tag == "label" and attrs.get("for", "").startswith("facet-"):
            self._label_for, self._text = attrs["for"], []
        elif tag == "legend":
            self._in_legend, self._text = True, []
        elif tag == "h3" and "card__title" in classes:
            self._in_card_title, self._text = True, []
        elif tag == "a":
            self._link = (attrs.get("href"), [])

    def handle_endtag(self, tag):
        if tag == "select":
            self._in_sort = False
        elif tag == "label" and self._label_for:
            self.labels[self._label_for] = " ".join("".join(self._text).split())
            self._label_for = None
        elif tag == "legend" and self._in_legend:
            self.legends.append("".join(self._text).strip())
            self._in_legend = False
        elif tag == "h3" and self._in_card_title:
            self.titles.append("".join(self._text).strip())
            self._in_card_title = False
        elif tag == "a" and self._link:
            href, text = self._link
            self.links.append((unescape(href or ""), " ".join("".join(text).split())))
            self._link = None

    def handle_data(self, data):
        self._text.append(data)
        if self._link:
            self._link[1].append(data)

    def label(self, name, value):
        for field_name, field_value, _checked, field_id in self.checkboxes:
            if (field_name, field_value) == (name, value):
                return self.labels[field_id]
        return None

    def checked(self):
        return [(name, value) for name, value, checked, _id in self.checkboxes if checked]

    def link(self, text):
        return next(href for href, link_text in self.links if link_text == text)

    def submitted(self):
        """The query string the library's form sends as it stands."""
        params = [("q", self.search_text or ""), *self.checked()]
        if self.sort:
            params.append(("sort", self.sort))
        return urlencode(params)


def goal(slug):
    return CharterGoal.objects.get(locale__language_code="en", slug=slug)


def theme(slug):
    return CapitalCodeTheme.objects.get(locale__language_code="en", slug=slug)


@pytest.fixture
def library(section):
    return section(PracticeIndexPage)


@pytest.fixture
def cities(section):
    index = section(CityIndexPage)
    return {
        "stockholm": CityPageFactory(parent=index, title="Stockholm", country=Country.SWEDEN),
        "oslo": CityPageFactory(parent=index, title="Oslo", country=Country.NORWAY),
        "helsinki": CityPageFactory(parent=index, title="Helsinki", country=Country.FINLAND),
    }


@pytest.fixture
def practices(cities):
    """Two walks (Stockholm and Oslo), two online practices (Stockholm), one for families
    (Helsinki), and a draft walk that no visitor may see."""
    urban, online = goal("safe-urban-spaces"), goal("safe-online-sphere")
    alliances = theme("local-safe-city-alliances")
    walks = PracticePageFactory(
        parent=cities["stockholm"],
        title="Safety walks at the station",
        charter_goals=[urban],
        capital_code_themes=[alliances],
        tags=["safety walk"],
        prevention_level=PreventionLevel.UNIVERSAL,
    )
    walks.target_groups.set([TargetGroup.objects.get(locale__language_code="en", slug="residents")])
    walks.save()
    return {
        "walks": walks,
        "night": PracticePageFactory(
            parent=cities["oslo"], title="Night walks in Grünerløkka", charter_goals=[urban]
        ),
        "helpline": PracticePageFactory(
            parent=cities["stockholm"], title="Online hate helpline", charter_goals=[online]
        ),
        "moderators": PracticePageFactory(
            parent=cities["stockholm"],
            title="Youth moderators in game chats",
            charter_goals=[online],
            capital_code_themes=[theme("reduce-online-hate-and-fear")],
        ),
        "parents": PracticePageFactory(
            parent=cities["helsinki"],
            title="Parent evenings on screen time",
            charter_goals=[goal("strong-families")],
        ),
        "draft": PracticePageFactory(
            parent=cities["oslo"],
            title="Draft walk not yet published",
            charter_goals=[urban],
            capital_code_themes=[alliances],
            live=False,
        ),
    }


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return LibraryHTML(response.content.decode())


def test_the_library_lists_every_live_practice_and_no_draft(client, library, practices):
    page = visit(client, library.url)

    assert set(page.titles) == {
        "Safety walks at the station",
        "Night walks in Grünerløkka",
        "Online hate helpline",
        "Youth moderators in game chats",
        "Parent evenings on screen time",
    }


def test_every_facet_is_a_fieldset_of_checkboxes_labelled_with_counts(client, library, practices):
    page = visit(client, library.url)

    assert page.legends == [str(label) for label in FACETS.values()]
    assert page.label("goal", "safe-urban-spaces") == "Safe urban spaces (2)"
    assert page.label("goal", "safe-online-sphere") == "Safe online sphere (2)"
    assert page.label("country", "SE") == "Sweden (3)"
    assert page.label("theme", "local-safe-city-alliances").endswith("(1)")
    residents = TargetGroup.objects.get(locale__language_code="en", slug="residents")
    assert page.label("target_group", "residents") == f"{residents.name} (1)"
    assert page.checked() == []


def test_two_goals_widen_the_results(client, library, practices):
    page = visit(client, f"{library.url}?goal=safe-urban-spaces&goal=safe-online-sphere")

    assert set(page.titles) == {
        "Safety walks at the station",
        "Night walks in Grünerløkka",
        "Online hate helpline",
        "Youth moderators in game chats",
    }
    assert sorted(page.checked()) == [("goal", "safe-online-sphere"), ("goal", "safe-urban-spaces")]


def test_a_goal_and_a_country_narrow_each_other(client, library, practices):
    page = visit(client, f"{library.url}?goal=safe-urban-spaces&country=NO")

    assert page.titles == ["Night walks in Grünerløkka"]
    # Each facet counts what ticking a value would give, given the other facets.
    assert page.label("country", "SE") == "Sweden (1)"


def test_the_result_count_matches_the_cards(client, library, practices):
    response = client.get(f"{library.url}?country=SE")
    page = LibraryHTML(response.content.decode())

    assert len(page.titles) == 3
    assert "3 practices" in response.content.decode()


def test_the_address_of_a_view_round_trips_through_the_form(client, library, practices):
    address = "q=station&goal=safe-urban-spaces&goal=safe-online-sphere&country=SE&sort=title"
    page = visit(client, f"{library.url}?{address}")

    # Submitting the form as the page shows it asks for the same view again.
    assert LibraryQuery.from_querydict(QueryDict(page.submitted())) == (
        LibraryQuery.from_querydict(QueryDict(address))
    )
    assert page.titles == ["Safety walks at the station"]
    feed = page.link("Atom feed")
    assert LibraryQuery.from_querydict(QueryDict(feed.split("?")[1])).filters == (
        LibraryQuery.from_querydict(QueryDict(address)).filters
    )


def test_an_active_filter_is_a_link_that_removes_it(client, library, practices):
    page = visit(client, f"{library.url}?goal=safe-urban-spaces&country=SE")

    removal = page.link("Remove filter: Country: Sweden ×")
    assert removal == f"{library.url}?goal=safe-urban-spaces"
    assert set(visit(client, removal).titles) == {
        "Safety walks at the station",
        "Night walks in Grünerløkka",
    }


def test_pagination_keeps_the_filters(client, library, cities, practices):
    for number in range(12):
        PracticePageFactory(
            parent=cities["oslo"],
            title=f"Lighting audit {number}",
            charter_goals=[goal("safe-urban-spaces")],
        )
    first = visit(client, f"{library.url}?goal=safe-urban-spaces")

    assert len(first.titles) == 12
    next_page = first.link("Next")
    assert QueryDict(next_page.split("?")[1]) == QueryDict("goal=safe-urban-spaces&page=2")
    second = visit(client, next_page)
    assert len(second.titles) == 2
    assert not set(first.titles) & set(second.titles)
    assert second.checked() == [("goal", "safe-urban-spaces")]


def test_an_empty_result_offers_to_remove_each_filter(client, library, practices):
    response = client.get(f"{library.url}?goal=strong-families&country=NO")
    page = LibraryHTML(response.content.decode())

    assert page.titles == []
    assert "No practices match all of these" in response.content.decode()
    remove_goal = page.link("Remove Charter goal: Strong families")
    remove_country = page.link("Remove Country: Norway")
    assert page.link("Clear all and show every practice") == library.url
    assert visit(client, remove_goal).titles == ["Night walks in Grünerløkka"]
    assert visit(client, remove_country).titles == ["Parent evenings on screen time"]


def test_a_goal_has_a_landing_page_with_its_practices(client, library, practices):
    response = client.get(f"{library.url}goals/safe-urban-spaces/")
    html = response.content.decode()
    page = LibraryHTML(html)

    assert response.status_code == 200
    assert "<h1>Safe urban spaces</h1>" in html
    assert "<title>Safe urban spaces – Good practices" in html
    assert goal("safe-urban-spaces").description in html
    assert set(page.titles) == {"Safety walks at the station", "Night walks in Grünerløkka"}


def test_a_theme_has_a_landing_page_with_its_practices(client, library, practices):
    response = client.get(f"{library.url}themes/local-safe-city-alliances/")
    page = LibraryHTML(response.content.decode())

    assert response.status_code == 200
    assert page.titles == ["Safety walks at the station"]


@pytest.mark.parametrize("path", ["goals/no-such-goal/", "themes/no-such-theme/"])
def test_an_unknown_goal_or_theme_is_not_found(client, library, path):
    assert client.get(f"{library.url}{path}").status_code == 404


def ranking_in_goal(slug):
    """The cities most active in a charter goal, as its page ranks them."""
    return stats.most_active_cities(
        search_library(LibraryQuery(filters=(("goal", (slug,)),))).facets["city"]
    )


def test_the_cities_most_active_in_a_goal_come_first(client, library, cities, practices):
    PracticePageFactory(
        parent=cities["helsinki"],
        title="Safe schoolyards",
        charter_goals=[goal("safe-online-sphere")],
    )
    ranking = ranking_in_goal("safe-online-sphere")

    assert [(city.title, city.practice_count) for city in ranking] == [
        ("Stockholm", 2),
        ("Helsinki", 1),
    ]
    page = visit(client, f"{library.url}goals/safe-online-sphere/")
    city_links = [text for href, text in page.links if href in {c.url for c in cities.values()}]
    assert city_links == ["Stockholm", "Helsinki"]


def test_drafts_do_not_make_a_city_active(library, cities, practices):
    ranking = ranking_in_goal("safe-urban-spaces")

    assert [(city.title, city.practice_count) for city in ranking] == [
        ("Oslo", 1),
        ("Stockholm", 1),
    ]


def test_cities_with_as_many_practices_share_a_rank(client, library, cities, practices):
    ranking = ranking_in_goal("safe-urban-spaces")

    assert [(city.title, city.rank, city.tied) for city in ranking] == [
        ("Oslo", 1, True),
        ("Stockholm", 1, True),
    ]
    html = client.get(f"{library.url}goals/safe-urban-spaces/").content.decode()
    assert html.count('<li value="1">') == 2
    assert html.count("· tied") == 2


def test_a_city_with_fewer_practices_ranks_below_and_untied(library, cities, practices):
    PracticePageFactory(
        parent=cities["helsinki"],
        title="Safe schoolyards",
        charter_goals=[goal("safe-online-sphere")],
    )
    ranking = ranking_in_goal("safe-online-sphere")

    assert [(city.title, city.rank, city.tied) for city in ranking] == [
        ("Stockholm", 1, False),
        ("Helsinki", 2, False),
    ]


def test_the_chart_has_one_bar_per_goal_and_theme_with_its_live_practices(
    client, library, practices
):
    goals_chart, themes_chart = overview_charts(library, None, search_library(LibraryQuery()))

    goal_counts = {"safe-urban-spaces": 2, "safe-online-sphere": 2, "strong-families": 1}
    assert [(bar.name, bar.count) for bar in goals_chart.bars] == [
        (g.name, goal_counts.get(g.slug, 0))
        for g in CharterGoal.objects.filter(locale__language_code="en").order_by("number")
    ]
    theme_counts = {"local-safe-city-alliances": 1, "reduce-online-hate-and-fear": 1}
    assert [(bar.name, bar.count) for bar in themes_chart.bars] == [
        (t.name, theme_counts.get(t.slug, 0))
        for t in CapitalCodeTheme.objects.filter(locale__language_code="en").order_by("number")
    ]
    # The longest bar is the largest count; every bar links to its landing page.
    longest = max(goals_chart.bars, key=lambda bar: bar.length)
    assert longest.count == 2
    page = visit(client, library.url)
    urban_url = f"{library.url}goals/safe-urban-spaces/"
    assert ("1. Safe urban spaces: 2 practices") in [
        text for href, text in page.links if href == urban_url
    ]


def test_the_chart_is_an_image_with_a_name(client, library, practices):
    html = client.get(library.url).content.decode()

    assert html.count('role="img" aria-labelledby="chart-') == 2
    assert "Bar chart: Live practices per charter goal" in html


def parse_feed(response):
    # The portal's own feed, built from the test's own data.
    return ET.fromstring(response.content)  # noqa: S314


def entries(response, atom):
    root = parse_feed(response)
    if atom:
        return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    return [item.find("title").text for item in root.iter("item")]


@pytest.mark.parametrize(("kind", "atom"), [("atom", True), ("rss", False)])
def test_the_feeds_list_the_live_practices(client, library, practices, kind, atom):
    response = client.get(f"{library.url}feed/{kind}/")

    assert response.status_code == 200
    assert set(entries(response, atom)) == {
        "Safety walks at the station",
        "Night walks in Grünerløkka",
        "Online hate helpline",
        "Youth moderators in game chats",
        "Parent evenings on screen time",
    }


@pytest.mark.parametrize(("kind", "atom"), [("atom", True), ("rss", False)])
def test_a_filtered_feed_lists_only_the_filtered_practices(client, library, practices, kind, atom):
    response = client.get(f"{library.url}feed/{kind}/?goal=safe-urban-spaces&country=NO")

    assert entries(response, atom) == ["Night walks in Grünerløkka"]
    root = parse_feed(response)
    title = root.find(f"{ATOM}title") if atom else root.find("channel/title")
    assert title.text == "Good practices: Safe urban spaces, Norway"


def test_the_library_links_the_feeds_of_the_view(client, library, practices):
    html = client.get(f"{library.url}?country=NO").content.decode()

    assert (
        '<link rel="alternate" type="application/atom+xml" title="Good practices: Norway (Atom)"'
        f' href="{library.url}feed/atom/?country=NO">'
    ) in html
    assert f'href="{library.url}feed/rss/?country=NO"' in html


def test_the_overview_shows_on_the_whole_library_only(client, library, practices):
    """The overview counts the whole library; a filtered view would need them counted
    again from every practice, so it leaves the overview out."""
    whole = client.get(library.url).content.decode()
    filtered = client.get(f"{library.url}?country=SE").content.decode()

    assert "library-overview" in whole
    assert "library-overview" not in filtered
