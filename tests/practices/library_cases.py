"""A small fixed library and the answers every library backend must give about it.

``build_library(home)`` creates three cities in two countries and ten live practices (and
a draft that must never show). Each ``LibraryCase`` is a query with the practices it
must find and the counts of a few of its facets. The words searched for appear verbatim,
so that no answer depends on a backend's stemming.
"""

import datetime
from dataclasses import dataclass, field

from wagtail.search import index

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from portal.models import CapitalCodeTheme, CharterGoal
from practices.factories import PracticePageFactory
from practices.library import LibraryQuery
from practices.models import Evaluation, PracticeStatus, PreventionLevel, TargetGroup

# title: city, goals, themes, tags, target groups, status, evaluation, prevention level,
# summary. Titles start with different letters, so every collation sorts them alike.
PRACTICES = {
    "Alley lighting": (
        "stockholm",
        ["safe-urban-spaces"],
        ["local-safe-city-alliances"],
        ["lighting"],
        ["residents"],
        PracticeStatus.COMPLETED,
        Evaluation.EXTERNAL,
        PreventionLevel.UNIVERSAL,
        "Brighter lamps in the alleys between the blocks of flats.",
    ),
    "Bridge builders": (
        "oslo",
        ["strong-youth-engagement", "safe-communities"],
        ["youth-for-inclusion"],
        ["mentoring"],
        ["young-people"],
        PracticeStatus.ONGOING,
        Evaluation.NONE,
        PreventionLevel.SELECTIVE,
        "Young adults from the district mentor teenagers at risk of dropping out.",
    ),
    "Counter online hate": (
        "malmo",
        ["safe-online-sphere"],
        ["reduce-online-hate-and-fear"],
        ["online hate"],
        ["victims"],
        PracticeStatus.ONGOING,
        Evaluation.PEER_REVIEWED,
        PreventionLevel.UNIVERSAL,
        "Moderators answer hateful comments on the city's social media accounts.",
    ),
    "Dialogue cafes": (
        "oslo",
        ["safe-communities"],
        ["local-safe-city-alliances"],
        [],
        ["residents"],
        PracticeStatus.PLANNED,
        Evaluation.NONE,
        PreventionLevel.UNIVERSAL,
        "Residents and police officers meet over coffee once a month.",
    ),
    "Evening safety walks": (
        "stockholm",
        ["safe-urban-spaces", "safe-communities"],
        ["local-safe-city-alliances"],
        ["safety walk", "trygghetsvandring"],
        ["residents", "businesses"],
        PracticeStatus.ONGOING,
        Evaluation.INTERNAL,
        PreventionLevel.UNIVERSAL,
        "Residents, shop owners and the police walk the district together after dark.",
    ),
    "Family support line": (
        "malmo",
        ["strong-families"],
        [],
        [],
        ["parents-and-families"],
        PracticeStatus.COMPLETED,
        Evaluation.NONE,
        PreventionLevel.INDICATED,
        "Parents worried about their child can call social workers every evening.",
    ),
    "Graffiti removal": (
        "oslo",
        ["safe-urban-spaces"],
        [],
        ["lighting"],
        ["businesses"],
        PracticeStatus.DISCONTINUED,
        Evaluation.NONE,
        "",
        "Tags on public buildings are painted over within a day.",
    ),
    "Harbour night walks": (
        "malmo",
        ["safe-urban-spaces"],
        ["local-safe-city-alliances"],
        ["safety walk"],
        ["residents"],
        PracticeStatus.ONGOING,
        Evaluation.EXTERNAL,
        PreventionLevel.UNIVERSAL,
        "A trygghetsvandring along the quays, with the port authority.",
    ),
    "Information for new parents": (
        "stockholm",
        ["strong-families", "safe-public-institutions"],
        [],
        [],
        ["parents-and-families"],
        PracticeStatus.PLANNED,
        Evaluation.NONE,
        PreventionLevel.UNIVERSAL,
        "Maternity clinics hand out a guide to the city's services.",
    ),
    "Youth councils": (
        "stockholm",
        ["strong-youth-engagement"],
        ["youth-for-inclusion"],
        ["mentoring"],
        ["young-people"],
        PracticeStatus.ONGOING,
        Evaluation.NONE,
        PreventionLevel.SELECTIVE,
        "Teenagers advise the city council on plans for their neighbourhoods.",
    ),
}
CITIES = {
    "stockholm": ("Stockholm", Country.SWEDEN),
    "malmo": ("Malmö", Country.SWEDEN),
    "oslo": ("Oslo", Country.NORWAY),
}
ALL_TITLES = list(PRACTICES)


def build_library(home):
    """The cities and practices of the cases, under the site's city directory."""
    directory = CityIndexPage.objects.child_of(home).get()
    cities = {
        slug: CityPageFactory(parent=directory, title=title, slug=slug, country=country)
        for slug, (title, country) in CITIES.items()
    }
    practices = {}
    for day, (title, values) in enumerate(PRACTICES.items(), start=1):
        city, goals, themes, tags, groups, status, evaluation, prevention, summary = values
        practices[title] = PracticePageFactory(
            parent=cities[city],
            title=title,
            summary=summary,
            charter_goals=list(
                CharterGoal.objects.filter(locale__language_code="en", slug__in=goals)
            ),
            capital_code_themes=list(
                CapitalCodeTheme.objects.filter(locale__language_code="en", slug__in=themes)
            ),
            tags=tags,
            target_groups=list(
                TargetGroup.objects.filter(locale__language_code="en", slug__in=groups)
            ),
            status=status,
            evaluation=evaluation,
            prevention_level=prevention,
            first_published_at=datetime.datetime(2025, 1, day, 12, tzinfo=datetime.UTC),
        )
    PracticePageFactory(
        parent=cities["stockholm"],
        live=False,
        title="Zero tolerance draft",
        summary="A draft about a trygghetsvandring, not yet published.",
        tags=["trygghetsvandring"],
    )
    for practice in practices.values():
        # The factories save a page before its tags, so the search index has missed them.
        index.insert_or_update_object(practice)
    return practices


@dataclass(frozen=True)
class LibraryCase:
    description: str
    query: LibraryQuery
    # In the query's order when it sorts by title or date; as a set by relevance.
    titles: list
    # facet name -> {value: count}, exactly: selected values included even at 0.
    facets: dict = field(default_factory=dict)

    @property
    def ordered(self):
        return self.query.sort != "relevance"


ALL_GOALS = {
    "safe-urban-spaces": 4,
    "safe-online-sphere": 1,
    "strong-families": 2,
    "safe-public-institutions": 1,
    "strong-youth-engagement": 2,
    "safe-communities": 3,
}

CASES = [
    LibraryCase(
        "no filters: every live practice, the draft left out",
        LibraryQuery(sort="title"),
        ALL_TITLES,
        {
            "goal": ALL_GOALS,
            "theme": {
                "reduce-online-hate-and-fear": 1,
                "youth-for-inclusion": 2,
                "local-safe-city-alliances": 4,
            },
            "country": {"SE": 7, "NO": 3},
            "city": {"stockholm": 4, "malmo": 3, "oslo": 3},
            "tag": {
                "lighting": 2,
                "mentoring": 2,
                "safety-walk": 2,
                "online-hate": 1,
                "trygghetsvandring": 1,
            },
            "target_group": {
                "residents": 4,
                "businesses": 2,
                "parents-and-families": 2,
                "young-people": 2,
                "victims": 1,
            },
            "prevention_level": {"universal": 6, "selective": 2, "indicated": 1},
            "status": {"planned": 2, "ongoing": 5, "completed": 2, "discontinued": 1},
            "evidence": {"described": 6, "evaluated": 3, "peer_reviewed": 1},
        },
    ),
    LibraryCase(
        "newest first",
        LibraryQuery(sort="newest"),
        ALL_TITLES[::-1],
    ),
    LibraryCase(
        "one goal",
        LibraryQuery(filters=(("goal", ("safe-urban-spaces",)),), sort="title"),
        ["Alley lighting", "Evening safety walks", "Graffiti removal", "Harbour night walks"],
        {"country": {"SE": 3, "NO": 1}, "city": {"stockholm": 2, "malmo": 1, "oslo": 1}},
    ),
    LibraryCase(
        "two goals widen the results",
        LibraryQuery(filters=(("goal", ("safe-urban-spaces", "strong-families")),), sort="title"),
        [
            "Alley lighting",
            "Evening safety walks",
            "Family support line",
            "Graffiti removal",
            "Harbour night walks",
            "Information for new parents",
        ],
        {"goal": ALL_GOALS, "country": {"SE": 5, "NO": 1}},
    ),
    LibraryCase(
        "a goal and a country narrow each other",
        LibraryQuery(
            filters=(("goal", ("safe-urban-spaces",)), ("country", ("NO",))), sort="title"
        ),
        ["Graffiti removal"],
        {
            # Goals are counted within Norway, countries within the goal.
            "goal": {"safe-urban-spaces": 1, "strong-youth-engagement": 1, "safe-communities": 2},
            "country": {"SE": 3, "NO": 1},
        },
    ),
    LibraryCase(
        "a selected goal leaves the other goals' counts as they were",
        LibraryQuery(filters=(("goal", ("safe-communities",)),), sort="title"),
        ["Bridge builders", "Dialogue cafes", "Evening safety walks"],
        {"goal": ALL_GOALS, "country": {"SE": 1, "NO": 2}, "status": {"ongoing": 2, "planned": 1}},
    ),
    LibraryCase(
        "two themes widen the results",
        LibraryQuery(
            filters=(("theme", ("reduce-online-hate-and-fear", "youth-for-inclusion")),),
            sort="title",
        ),
        ["Bridge builders", "Counter online hate", "Youth councils"],
        {"city": {"stockholm": 1, "malmo": 1, "oslo": 1}},
    ),
    LibraryCase(
        "a tag",
        LibraryQuery(filters=(("tag", ("mentoring",)),), sort="title"),
        ["Bridge builders", "Youth councils"],
        {
            "city": {"stockholm": 1, "oslo": 1},
            "goal": {"strong-youth-engagement": 2, "safe-communities": 1},
        },
    ),
    LibraryCase(
        "a target group and a status",
        LibraryQuery(
            filters=(("target_group", ("residents",)), ("status", ("ongoing",))), sort="title"
        ),
        ["Evening safety walks", "Harbour night walks"],
        {
            "target_group": {"residents": 2, "businesses": 1, "young-people": 2, "victims": 1},
            "status": {"completed": 1, "planned": 1, "ongoing": 2},
        },
    ),
    LibraryCase(
        "the evidence facet",
        LibraryQuery(filters=(("evidence", ("evaluated",)),), sort="title"),
        ["Alley lighting", "Evening safety walks", "Harbour night walks"],
        {
            "evidence": {"described": 6, "evaluated": 3, "peer_reviewed": 1},
            "status": {"completed": 1, "ongoing": 2},
        },
    ),
    LibraryCase(
        "the prevention level facet",
        LibraryQuery(filters=(("prevention_level", ("selective",)),), sort="title"),
        ["Bridge builders", "Youth councils"],
        {"prevention_level": {"universal": 6, "selective": 2, "indicated": 1}},
    ),
    LibraryCase(
        "text found in a tag of one practice and the summary of another",
        LibraryQuery(text="trygghetsvandring"),
        ["Evening safety walks", "Harbour night walks"],
        {"city": {"stockholm": 1, "malmo": 1}, "tag": {"safety-walk": 2, "trygghetsvandring": 1}},
    ),
    LibraryCase(
        "text and a facet",
        LibraryQuery(text="trygghetsvandring", filters=(("city", ("malmo",)),), sort="title"),
        ["Harbour night walks"],
        {"city": {"stockholm": 1, "malmo": 1}, "country": {"SE": 1}},
    ),
    LibraryCase(
        "every word of the text must match",
        LibraryQuery(text="night harbour", sort="title"),
        ["Harbour night walks"],
        {"country": {"SE": 1}},
    ),
    LibraryCase(
        "nothing matches: the selected values are listed with 0",
        LibraryQuery(filters=(("goal", ("strong-families",)), ("country", ("NO",))), sort="title"),
        [],
        {
            "goal": {
                "safe-urban-spaces": 1,
                "strong-youth-engagement": 1,
                "safe-communities": 2,
                "strong-families": 0,
            },
            "country": {"SE": 2, "NO": 0},
            "city": {},
        },
    ),
    LibraryCase(
        "text no practice contains",
        LibraryQuery(text="zeppelin", sort="title"),
        [],
        {"goal": {}, "country": {}},
    ),
]
