"""Issue 9: what a public page costs in SQL queries does not grow with the data.

Each public page is read on a small network (one or two of everything) and again after
more of everything the page lists has been added: cities, practices with goals, themes and
tags, tour stops and posts, events, stories, and what a city's and a practice's own
pages list. The two counts must be the same; a query run once per card, badge, image or
row shows up as a difference, whatever the budget."""

import datetime
import re
from collections import Counter

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from cities.models.profile import (
    CityContact,
    KeyFigure,
    StrategyDocument,
    StrategyDocumentKind,
)
from events.factories import (
    EventPageFactory,
    RegistrationFactory,
    SpeakerFactory,
    TakeoverPostFactory,
    TourPageFactory,
    TourStopFactory,
    this_monday,
)
from events.models import (
    Channel,
    EventIndexPage,
    PostStatus,
    TourBreak,
    TourIndexPage,
    programme_session,
)
from portal.factories import PortalImageFactory, StoryPageFactory
from portal.models import CapitalCodeTheme, CharterGoal, PortalDocument, StoryIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndicator, PracticePage, TargetGroup

# The pages are visited once for all tests (``visits``); the mark has the test database
# set up for them.
pytestmark = pytest.mark.django_db

COUNTRIES = [Country.SWEDEN, Country.NORWAY, Country.DENMARK, Country.FINLAND, Country.ICELAND]

PAGES = {
    "home": "/",
    "city-directory": "/cities/",
    "city": "/cities/stockholm/",
    "practice": "/cities/stockholm/safety-walks/",
    # The library with a query and two facets.
    "library": "/practices/?q=safety&goal=safe-urban-spaces&country=SE",
    "goal": "/practices/goals/safe-urban-spaces/",
    "tour": "/tours/safe-city-tour/",
    "tour-week": "/tours/safe-city-tour/stockholm/",
    "events": "/events/",
    "event": "/events/summit/",
    "stories": "/stories/",
    "story": "/stories/stockholm-takes-over/",
    "search": "/search/?q=safety",
}

# Pages whose count changes with the data today: issue 9 is not met there yet.
GROWING = {
    "search": "Wagtail's .specific() reads each page type on the result page in a query "
    "of its own, so the count follows the mix of page types shown (up to one per result)",
}


def image():
    # Small, so that making renditions on the first view stays quick.
    return PortalImageFactory(file__width=64, file__height=36)


def document(title):
    return PortalDocument.objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf")
    )


class Network:
    """A small network (one or two of everything), and a way to add more of everything
    its pages list."""

    def __init__(self):
        self.goals = list(CharterGoal.objects.filter(locale__language_code="en").order_by("number"))
        self.themes = list(
            CapitalCodeTheme.objects.filter(locale__language_code="en").order_by("number")
        )
        self.target_groups = list(
            TargetGroup.objects.filter(locale__language_code="en").order_by("pk")
        )
        self.monday = this_monday()
        self.added = 0
        self.resources = []
        self.sessions = []
        self.stockholm = self.new_city("Stockholm", Country.SWEDEN, slug="stockholm")
        self.tour = self.new_tour(slug="safe-city-tour")
        self.stop = TourStopFactory(tour=self.tour, city=self.stockholm, week_start=self.monday)
        self.event = EventPageFactory(
            parent=EventIndexPage.objects.get(),
            slug="summit",
            title="Summit on safety in public spaces",
            host_city=self.stockholm,
            capacity=500,
            registration_opens=timezone.now() - datetime.timedelta(days=3),
        )
        self.practice = self.new_practice(self.stockholm, slug="safety-walks")
        self.story = self.new_story(slug="stockholm-takes-over")
        self.more(1)

    def new_city(self, name, country, **fields):
        return CityPageFactory(
            parent=CityIndexPage.objects.get(),
            title=name,
            country=country,
            coat_of_arms=image(),
            hero_image=image(),
            **fields,
        )

    def new_tour(self, **fields):
        return TourPageFactory(
            parent=TourIndexPage.objects.get(),
            first_week=self.monday,
            number_of_weeks=52,
            channels=[channel.value for channel in Channel],
            **fields,
        )

    def new_practice(self, city, **fields):
        n = PracticePage.objects.count()
        return PracticePageFactory(
            parent=city,
            title=f"Safety walks, round {n}",
            charter_goals=[self.goals[0], self.goals[n % len(self.goals)]],
            capital_code_themes=[self.themes[n % len(self.themes)]],
            tags=[f"lighting-{n}", "night"],
            target_groups=self.target_groups[n % len(self.target_groups) :][:2],
            **fields,
        )

    def new_story(self, **fields):
        return StoryPageFactory(
            parent=StoryIndexPage.objects.get(),
            title=f"Safety in Stockholm, told by its residents, part {self.added}",
            cities=[self.stockholm],
            image=image(),
            **fields,
        )

    def more(self, n):
        """n more of everything: cities with practices and a week on the tour, practices
        in Stockholm, posts on its week, events, stories, and what the pages of the city,
        the practice, the tour, the event and the story list."""
        for _ in range(n):
            self.added += 1
            i = self.added
            city = self.new_city(f"Town {i}", COUNTRIES[i % len(COUNTRIES)])
            practice = self.new_practice(city)
            self.new_practice(self.stockholm)
            TourStopFactory(
                tour=self.tour, city=city, week_start=self.monday + datetime.timedelta(weeks=i)
            )
            TourBreak.objects.create(
                tour=self.tour,
                week_start=self.monday + datetime.timedelta(weeks=26 + i),
                reason="Holiday",
            )
            TourStopFactory(tour=self.new_tour(), city=self.stockholm, week_start=self.monday)
            TakeoverPostFactory(
                stop=self.stop,
                day=self.monday + datetime.timedelta(days=i % 5),
                channel=list(Channel)[i % len(Channel)],
                status=PostStatus.PUBLISHED,
                image=image(),
                image_alt="The city hall at dawn",
            ).related_practices.add(practice, self.practice)
            upcoming = EventPageFactory(
                parent=EventIndexPage.objects.get(),
                title=f"Safety workshop {i}",
                host_city=self.stockholm,
                start=timezone.now() + datetime.timedelta(days=10 + i),
            )
            EventPageFactory(
                parent=EventIndexPage.objects.get(),
                title=f"Past safety workshop {i}",
                host_city=city,
                start=timezone.now() - datetime.timedelta(days=10 + i),
            )
            self.new_story()
            StrategyDocument.objects.create(
                page=self.stockholm,
                title=f"Safety programme {i}",
                kind=StrategyDocumentKind.SAFETY_PROGRAMME,
                document=document(f"Safety programme {i}"),
            )
            KeyFigure.objects.create(
                page=self.stockholm, indicator=f"Reported crimes {i}", year=2020 + i, value=i
            )
            CityContact.objects.create(
                page=self.stockholm, name=f"Contact {i}", role="Safety coordinator", is_public=True
            )
            PracticeIndicator.objects.create(page=self.practice, measure=f"Feeling safe {i}")
            self.practice.adopted_by.add(city)
            self.practice.related_events.add(upcoming)
            self.practice.charter_goals.add(self.goals[i % len(self.goals)])
            self.practice.capital_code_themes.add(self.themes[i % len(self.themes)])
            self.practice.tags.add(f"tag-{i}")
            self.resources.append(
                ("document", {"document": document(f"Checklist {i}"), "title": ""})
            )
            self.tour.charter_goals.add(self.goals[i % len(self.goals)])
            self.tour.capital_code_themes.add(self.themes[i % len(self.themes)])
            self.story.cities.add(city)
            RegistrationFactory(event=self.event)
            self.sessions.append(
                programme_session(
                    f"Session {i}",
                    datetime.time(8 + i % 12),
                    speakers=[SpeakerFactory(photo=image())],
                    practices=[practice],
                )
            )
        self.practice.resources = self.resources
        self.event.programme = self.sessions
        for page in (self.practice, self.tour, self.story, self.event):
            page.save()


def shape(sql):
    """The query with its values taken out, so that the same query for another row reads
    the same."""
    sql = re.sub(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b", "?", sql)
    return re.sub(r"\((?:\?, )+\?\)", "(?, ...)", sql)


def visit(url):
    """The status of a page and the queries it took, once the first view has filled what
    every process keeps (the site, content types, the images' renditions)."""
    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, [shape(query["sql"]) for query in captured.captured_queries]


@pytest.fixture(scope="module")
def visits(django_db_setup, django_db_blocker):
    """Every page visited on the small network and again with more of everything: built
    once for all the pages, in a transaction rolled back afterwards."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        translation.override(settings.LANGUAGE_CODE),
        # A stored page costs no query at all; what is measured is building the page,
        # with the site's structure from the cache, as production has it with Redis.
        override_settings(PORTAL_PAGE_CACHE_SECONDS=0, PORTAL_STRUCTURE_CACHE_SECONDS=300),
    ):
        call_command("setup_site", verbosity=0)
        network = Network()
        small = {page: visit(url) for page, url in PAGES.items()}
        # Past what a page shows at once: a city's 12 newest practices, 12 stories, 10
        # search results.
        network.more(12)
        more = {page: visit(url) for page, url in PAGES.items()}
        transaction.set_rollback(True)
    return small, more


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            page, marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=GROWING[page])
        )
        if page in GROWING
        else page
        for page in PAGES
    ],
)
def test_a_public_page_costs_the_same_queries_with_more_data(visits, page):
    (small_status, small), (more_status, more) = visits[0][page], visits[1][page]

    if not small_status == more_status == 200:
        # Not an expected failure, even where the count is known to change.
        pytest.fail(f"{PAGES[page]} answered {small_status}, then {more_status}")
    assert len(more) == len(small), (
        f"{PAGES[page]}: {len(small)} queries on the small network, {len(more)} with more "
        "data.\n" + difference(small, more)
    )


def difference(small, more):
    lines = [f"+{n} {sql}" for sql, n in (Counter(more) - Counter(small)).items()]
    lines += [f"-{n} {sql}" for sql, n in (Counter(small) - Counter(more)).items()]
    return "\n".join(lines)


# Issue 22: what a page may cost in queries on PostgreSQL, once the site's structure has
# been read. On SQLite, a development database, the library counts its facets in Python,
# in more queries.
QUERY_BUDGET = 12
OVER_BUDGET = {
    "city": "13: its key figures, documents, contacts, practices, tour weeks, events and "
    "stories (and the stories' cities) take a query each, besides the page, its "
    "translations and who may see it, which is never read from a cache",
}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the budget is production's")
@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            page,
            marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=OVER_BUDGET[page]),
        )
        if page in OVER_BUDGET
        else page
        for page in PAGES
    ],
)
def test_a_public_page_costs_at_most_the_budget_of_queries(visits, page):
    _status, queries = visits[1][page]

    assert len(queries) <= QUERY_BUDGET, f"{PAGES[page]}: {len(queries)} queries\n" + "\n".join(
        queries
    )
