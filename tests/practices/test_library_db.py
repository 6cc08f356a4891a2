import dataclasses
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from portal.models import CharterGoal
from practices.facets import STEMMERS
from practices.factories import PracticePageFactory
from practices.library import MAX_VALUES_PER_FACET, LibraryQuery
from practices.library_db import search
from practices.models import PracticePage, PracticeStatus

from .library_cases import CASES, build_library

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
)


def titles(result):
    return [practice.title for practice in result.practices]


def counts(result, facet):
    return [(value.value, value.count) for value in result.facets[facet]]


def published(day):
    return datetime.datetime(2025, 3, day, 12, tzinfo=datetime.UTC)


@pytest.fixture
def directory(home):
    return CityIndexPage.objects.child_of(home).get()


@pytest.fixture
def stockholm(directory):
    return CityPageFactory(parent=directory, title="Stockholm", slug="stockholm")


@pytest.fixture
def library(home):
    return build_library(home)


def add_practices(directory, number, cities, tags):
    """``number`` practices that all match the query below, spread over new cities in
    two countries, with goals, themes and tags of their own."""
    goals = list(CharterGoal.objects.filter(locale__language_code="en").order_by("number"))
    places = [
        CityPageFactory(parent=directory, country=[Country.SWEDEN, Country.NORWAY][n % 2])
        for n in range(cities)
    ]
    for n in range(number):
        PracticePageFactory(
            parent=places[n % cities],
            summary="Residents walk the district after dark with the police.",
            charter_goals=[goals[0], goals[1 + n % 5]],
            tags=[f"tag {(n + k) % tags}" for k in range(3)],
        )


def test_the_number_of_queries_does_not_grow_with_practices_cities_or_tags(directory):
    query = LibraryQuery(
        text="walk", filters=(("country", ("SE",)), ("goal", ("safe-urban-spaces",)))
    )
    add_practices(directory, number=4, cities=2, tags=3)
    with CaptureQueriesContext(connection) as few:
        few_result = search(query)
    add_practices(directory, number=8, cities=4, tags=9)
    with CaptureQueriesContext(connection) as many:
        many_result = search(query)

    assert (few_result.total, many_result.total) == (2, 6)
    assert len(many) == len(few)
    # PostgreSQL matches the text within each query; a Wagtail search index (SQLite)
    # answers it in a query of its own, and SQLite counts each facet apart and reads the
    # facets' labels in the visitor's language in one more.
    assert len(few) <= (14 if connection.vendor == "postgresql" else 17)


def test_cards_read_what_they_show_without_more_queries(library, django_assert_num_queries):
    result = search(LibraryQuery(sort="title"))
    # Wagtail reads the sites' root paths for the first address, then keeps them.
    assert result.practices[0].url

    with django_assert_num_queries(0):
        cards = [
            (
                practice.title,
                practice.url,
                practice.summary,
                practice.get_status_display(),
                practice.city.title,
                practice.city.get_country_display(),
                list(practice.charter_goals.all()),
            )
            for practice in result.practices
        ]
    assert len(cards) == 10
    assert all(isinstance(practice, PracticePage) for practice in result.practices)


def test_a_page_past_the_end_gives_the_last_page(library):
    query = LibraryQuery(sort="title", per_page=4)

    first = search(query)
    last = search(dataclasses.replace(query, page=3))
    past_the_end = search(dataclasses.replace(query, page=9))

    assert (first.total, first.page_count) == (10, 3)
    assert titles(first) == [
        "Alley lighting",
        "Bridge builders",
        "Counter online hate",
        "Dialogue cafes",
    ]
    assert titles(last) == ["Information for new parents", "Youth councils"]
    assert titles(past_the_end) == titles(last)
    assert past_the_end.query.page == 3


def test_no_results_give_one_empty_page(library):
    result = search(LibraryQuery(text="zeppelin", page=4))

    assert (result.total, result.practices, result.page_count, result.query.page) == (0, [], 1, 1)


def test_titles_sort_alphabetically_and_the_newest_come_first(stockholm):
    for day, title in enumerate(["Bravo", "alpha", "Charlie"], start=1):
        PracticePageFactory(parent=stockholm, title=title, first_published_at=published(day))

    # Regardless of case, on every database.
    assert titles(search(LibraryQuery(sort="title"))) == ["alpha", "Bravo", "Charlie"]
    assert titles(search(LibraryQuery(sort="newest"))) == ["Charlie", "alpha", "Bravo"]
    # Without text there is no relevance: the newest come first.
    assert titles(search(LibraryQuery(sort="relevance"))) == ["Charlie", "alpha", "Bravo"]


def test_by_relevance_a_word_in_the_title_beats_a_newer_practice_with_it_in_the_text(stockholm):
    PracticePageFactory(
        parent=stockholm,
        title="Lantern festival",
        summary="Neighbours light the park together in November.",
        first_published_at=published(1),
    )
    PracticePageFactory(
        parent=stockholm,
        title="Winter evenings",
        summary="Neighbours meet in the park in November.",
        lessons_learned="<p>Bring a lantern: the park is dark by four.</p>",
        first_published_at=published(2),
    )

    assert titles(search(LibraryQuery(text="lantern", sort="relevance"))) == [
        "Lantern festival",
        "Winter evenings",
    ]
    assert titles(search(LibraryQuery(text="lantern", sort="newest"))) == [
        "Winter evenings",
        "Lantern festival",
    ]


def test_facet_values_are_ordered_by_number_choice_or_count(library):
    result = search(LibraryQuery())

    assert [value.value for value in result.facets["goal"]] == [
        "safe-urban-spaces",
        "safe-online-sphere",
        "strong-families",
        "safe-public-institutions",
        "strong-youth-engagement",
        "safe-communities",
    ]
    assert [value.value for value in result.facets["status"]] == [
        "planned",
        "ongoing",
        "completed",
        "discontinued",
    ]
    assert [value.value for value in result.facets["evidence"]] == [
        "described",
        "evaluated",
        "peer_reviewed",
    ]
    # By count, then by label.
    assert counts(result, "city") == [("stockholm", 4), ("malmo", 3), ("oslo", 3)]
    assert counts(result, "tag") == [
        ("lighting", 2),
        ("mentoring", 2),
        ("safety-walk", 2),
        ("online-hate", 1),
        ("trygghetsvandring", 1),
    ]
    labels = {name: [value.label for value in values] for name, values in result.facets.items()}
    assert labels["goal"][0] == "Safe urban spaces"
    assert labels["country"] == ["Sweden", "Norway"]
    assert labels["city"] == ["Stockholm", "Malmö", "Oslo"]
    assert labels["tag"][-1] == "trygghetsvandring"
    assert labels["status"] == ["Planned", "Ongoing", "Completed", "Discontinued"]
    assert labels["evidence"] == ["Described", "Evaluated", "Peer reviewed"]


def test_selected_values_without_results_are_listed_with_zero_and_their_labels(library):
    result = search(
        LibraryQuery(
            filters=(
                ("country", ("SE",)),
                ("goal", ("no-such-goal", "safe-online-sphere")),
                ("status", ("discontinued", "ongoing")),
                ("tag", ("lighting", "online-hate")),
            )
        )
    )

    assert titles(result) == ["Counter online hate"]
    goals = {value.value: value for value in result.facets["goal"]}
    tags = {value.value: value for value in result.facets["tag"]}
    statuses = {value.value: value for value in result.facets["status"]}
    # Lighting is a tag of a Swedish and a Norwegian practice, neither of them ongoing.
    assert (tags["lighting"].label, tags["lighting"].count, tags["lighting"].selected) == (
        "lighting",
        0,
        True,
    )
    assert (statuses["discontinued"].label, statuses["discontinued"].count) == ("Discontinued", 0)
    # A value nothing is known by stays listed as it is, so that it can be removed.
    assert (goals["no-such-goal"].label, goals["no-such-goal"].count) == ("no-such-goal", 0)


def test_a_selected_goal_no_practice_has_is_listed_with_its_name(library):
    PracticePage.objects.filter(charter_goals__slug="strong-families").delete()

    result = search(LibraryQuery(filters=(("goal", ("strong-families",)),)))

    families = [value for value in result.facets["goal"] if value.selected]
    assert [(value.label, value.count) for value in families] == [("Strong families", 0)]


def test_a_facet_lists_at_most_its_maximum_keeping_the_selected_value(stockholm):
    names = [f"tag {n:02}" for n in range(MAX_VALUES_PER_FACET + 2)]
    PracticePageFactory(parent=stockholm, tags=names)

    result = search(LibraryQuery(filters=(("tag", ("tag-21",)),)))

    listed = [value.value for value in result.facets["tag"]]
    assert len(listed) == MAX_VALUES_PER_FACET
    assert listed[:-1] == [f"tag-{n:02}" for n in range(MAX_VALUES_PER_FACET - 1)]
    assert listed[-1] == "tag-21"


FILTERED_CASES = [case for case in CASES if case.query.filters]


@pytest.mark.parametrize("case", FILTERED_CASES, ids=[case.description for case in FILTERED_CASES])
def test_every_count_is_what_selecting_only_that_value_would_give(library, case):
    result = search(case.query)

    for name, values in result.facets.items():
        for value in values:
            filters = dict(case.query.filters)
            filters[name] = (value.value,)
            alone = dataclasses.replace(case.query, filters=tuple(filters.items()))
            assert search(alone).total == value.count, (name, value.value)


def test_drafts_and_private_practices_are_left_out(stockholm, directory):
    PracticePageFactory(parent=stockholm, title="Published walk")
    PracticePageFactory(parent=stockholm, title="Draft walk", live=False)
    members_only = CityPageFactory(parent=directory, title="Members only")
    PracticePageFactory(parent=members_only, title="Private walk")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )

    assert titles(search(LibraryQuery())) == ["Published walk"]
    assert titles(search(LibraryQuery(text="walk"))) == ["Published walk"]


@pytest.fixture
def swedish_stockholm(stockholm):
    """Stockholm's page translated into Swedish, as an editor would create it."""
    swedish, _created = Locale.objects.get_or_create(language_code="sv")
    return stockholm.copy_for_translation(swedish, copy_parents=True)


def test_practices_not_translated_are_listed_in_their_own_language(stockholm, swedish_stockholm):
    PracticePageFactory(parent=stockholm, title="Mounted police", first_published_at=published(1))
    PracticePageFactory(
        parent=swedish_stockholm, title="Ridande polis", first_published_at=published(2)
    )

    with translation.override("en"):
        english = search(LibraryQuery())
    with translation.override("sv"):
        swedish = search(LibraryQuery())

    assert titles(english) == ["Ridande polis", "Mounted police"]
    assert titles(swedish) == ["Ridande polis", "Mounted police"]
    assert swedish.practices[0].locale.language_code == "sv"


@on_postgresql
def test_swedish_words_are_found_by_their_stem_when_reading_swedish(stockholm, swedish_stockholm):
    PracticePageFactory(
        parent=swedish_stockholm,
        title="Ridande polis",
        summary="Poliser på hästar patrullerar parkerna på kvällen.",
    )
    PracticePageFactory(
        parent=stockholm, title="Mounted police", summary="Police officers on hästar."
    )

    with translation.override("sv"):
        swedish = search(LibraryQuery(text="häst"))
    with translation.override("en"):
        english = search(LibraryQuery(text="häst"))

    # Both languages' visitors are shown both practices, and the visitor's words are
    # stemmed in each language: the Swedish "hästar" is "häst", in an English visitor's
    # search too; the English page's "hästar", stemmed in English, is not.
    assert titles(swedish) == ["Ridande polis"]
    assert titles(english) == ["Ridande polis"]


@pytest.mark.parametrize(
    ("text", "total"),
    [('"safety walk"', 2), ('"', 0), ("'", 0), ("NEAR(", 0), ("x^2 (", 0), ("   ", 10)],
)
def test_punctuation_in_the_text_never_breaks_the_search(library, text, total):
    assert search(LibraryQuery(text=text)).total == total


def test_each_language_has_its_text_search_configuration():
    assert STEMMERS["sv"] == "swedish"
    assert STEMMERS["nb"] == "norwegian"
    assert STEMMERS["fi"] == "finnish"
    # PostgreSQL has no Icelandic stemmer: words are matched as they are written.
    assert "is" not in STEMMERS


def test_a_status_selection_counts_the_results_of_those_statuses(library):
    result = search(LibraryQuery(filters=(("status", (PracticeStatus.PLANNED,)),)))

    assert result.total == 2
    assert sorted(titles(result)) == ["Dialogue cafes", "Information for new parents"]
