"""Each practice's facet values stored on PostgreSQL (``PracticeSearchDocument.facets``),
kept current by the database whatever writes them, and the library counting every facet
from them in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, CityPage, Country
from portal.models import CapitalCodeTheme, CharterGoal
from practices.factories import PracticePageFactory
from practices.library import LibraryQuery
from practices.library_db import search
from practices.models import (
    Evaluation,
    PracticePage,
    PracticePageTag,
    PracticeSearchDocument,
    PracticeStatus,
    PreventionLevel,
    TargetGroup,
)

from .library_cases import build_library

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="stored facets are kept by PostgreSQL"
    ),
]


def stored(practice):
    return PracticeSearchDocument.objects.get(practice=practice).facets


def from_relations(practice):
    """The facet values the library's other path reads from the relations."""
    practice = PracticePage.objects.get(pk=practice.pk)
    values = [
        f"status:{practice.status}",
        f"evidence:{practice.evidence_level}",
        f"country:{practice.city.country}",
        f"city:{practice.city.slug}",
        f"language:{practice.original_language}",
        *(f"goal:{goal.slug}" for goal in practice.charter_goals.all()),
        *(f"theme:{theme.slug}" for theme in practice.capital_code_themes.all()),
        *(f"target_group:{group.slug}" for group in practice.target_groups.all()),
        *(f"tag:{tag.slug}" for tag in practice.tags.all()),
    ]
    if practice.prevention_level:
        values.append(f"prevention_level:{practice.prevention_level}")
    return sorted(values)


def goal(slug):
    return CharterGoal.objects.get(locale__language_code="en", slug=slug)


def theme(slug):
    return CapitalCodeTheme.objects.get(locale__language_code="en", slug=slug)


def group(slug):
    return TargetGroup.objects.get(locale__language_code="en", slug=slug)


@pytest.fixture
def directory(home):
    return CityIndexPage.objects.child_of(home).get()


@pytest.fixture
def stockholm(directory):
    return CityPageFactory(
        parent=directory, title="Stockholm", slug="stockholm", country=Country.SWEDEN
    )


@pytest.fixture
def walk(stockholm):
    return PracticePageFactory(
        parent=stockholm,
        title="Evening safety walks",
        charter_goals=[goal("safe-urban-spaces")],
        capital_code_themes=[theme("local-safe-city-alliances")],
        target_groups=[group("residents")],
        tags=["safety walk"],
        status=PracticeStatus.ONGOING,
        prevention_level=PreventionLevel.UNIVERSAL,
    )


def test_a_new_practice_stores_every_facet_value(walk):
    assert stored(walk) == [
        "city:stockholm",
        "country:SE",
        "evidence:described",
        "goal:safe-urban-spaces",
        "language:en",
        "prevention_level:universal",
        "status:ongoing",
        "tag:safety-walk",
        "target_group:residents",
        "theme:local-safe-city-alliances",
    ]


def test_a_practice_without_a_prevention_level_has_none_stored(stockholm):
    practice = PracticePageFactory(parent=stockholm, prevention_level="")

    assert not [value for value in stored(practice) if value.startswith("prevention_level:")]
    assert stored(practice) == from_relations(practice)


def test_publishing_stores_the_new_values_of_the_page_and_its_relations(walk):
    # Publishing saves the practice row first, then its goals, themes, groups and tags.
    walk.status = PracticeStatus.COMPLETED
    walk.evaluation = Evaluation.PEER_REVIEWED
    walk.prevention_level = PreventionLevel.SELECTIVE
    walk.charter_goals = [goal("strong-families"), goal("safe-communities")]
    walk.capital_code_themes = []
    walk.target_groups = [group("parents-and-families")]
    walk.tags.set(["home visits", "parents"])
    walk.save_revision().publish()

    assert stored(walk) == [
        "city:stockholm",
        "country:SE",
        "evidence:peer_reviewed",
        "goal:safe-communities",
        "goal:strong-families",
        "language:en",
        "prevention_level:selective",
        "status:completed",
        "tag:home-visits",
        "tag:parents",
        "target_group:parents-and-families",
    ]
    assert stored(walk) == from_relations(walk)


def test_a_draft_changes_nothing_until_it_is_published(walk):
    before = stored(walk)
    walk.status = PracticeStatus.DISCONTINUED
    walk.charter_goals = [goal("strong-families")]
    walk.tags.set(["draft tag"])
    revision = walk.save_revision()

    assert stored(walk) == before
    revision.publish()
    assert "status:discontinued" in stored(walk)
    assert "goal:strong-families" in stored(walk)
    assert "tag:draft-tag" in stored(walk)


def test_relations_written_directly_and_in_bulk_are_followed(walk, stockholm):
    # As an import or the benchmark's generator writes them: rows of the through tables.
    other = PracticePageFactory(parent=stockholm)
    GoalLink = PracticePage.charter_goals.through
    GoalLink.objects.bulk_create(
        [
            GoalLink(practicepage_id=practice.pk, chartergoal_id=goal("safe-online-sphere").pk)
            for practice in (walk, other)
        ]
    )
    PracticePage.target_groups.through.objects.filter(practicepage_id=walk.pk).delete()
    PracticePage.capital_code_themes.through.objects.filter(practicepage_id=walk.pk).update(
        capitalcodetheme_id=theme("youth-for-inclusion").pk
    )
    PracticePageTag.objects.filter(content_object_id=walk.pk).delete()
    PracticePageTag.objects.create(
        content_object_id=other.pk, tag=Tag.objects.create(name="Outreach", slug="outreach")
    )

    assert "goal:safe-online-sphere" in stored(walk)
    assert "theme:youth-for-inclusion" in stored(walk)
    assert not [value for value in stored(walk) if value.startswith(("target_group:", "tag:"))]
    assert "tag:outreach" in stored(other)
    for practice in (walk, other):
        assert stored(practice) == from_relations(practice)


def test_a_goal_theme_group_or_tag_with_a_new_slug_is_stored_under_it(walk):
    CharterGoal.objects.filter(slug="safe-urban-spaces").update(slug="safe-streets")
    renamed_theme = theme("local-safe-city-alliances")
    renamed_theme.slug = "alliances"
    renamed_theme.save()
    renamed_group = group("residents")
    renamed_group.slug = "neighbours"
    renamed_group.save()
    tag = walk.tags.get()
    tag.slug = "walks"
    tag.save()

    assert {"goal:safe-streets", "theme:alliances", "target_group:neighbours", "tag:walks"} <= set(
        stored(walk)
    )
    assert stored(walk) == from_relations(walk)


def test_a_deleted_goal_or_tag_leaves_the_practices(walk):
    walk.charter_goals.add(goal("safe-communities"))
    walk.save()
    goal("safe-communities").delete()
    walk.tags.get().delete()

    assert "goal:safe-communities" not in stored(walk)
    assert "tag:safety-walk" not in stored(walk)
    assert stored(walk) == from_relations(walk)


def test_a_city_with_a_new_slug_or_country_is_stored_with_its_practices(walk, stockholm):
    stockholm.slug = "sthlm"
    stockholm.country = Country.FINLAND
    stockholm.save_revision().publish()

    assert {"city:sthlm", "country:FI"} <= set(stored(walk))
    assert stored(walk) == from_relations(walk)
    # A change of anything else in the city touches no practice.
    CityPage.objects.filter(pk=stockholm.pk).update(population=975_000)
    assert stored(walk) == from_relations(walk)


def test_a_practice_moved_to_another_city_is_stored_under_it(walk, directory):
    oslo = CityPageFactory(parent=directory, title="Oslo", slug="oslo", country=Country.NORWAY)

    walk.move(oslo, pos="last-child")

    assert {"city:oslo", "country:NO"} <= set(stored(walk))
    assert stored(walk) == from_relations(walk)


def test_the_library_s_practices_store_what_their_relations_say(home):
    practices = build_library(home)

    for practice in practices.values():
        assert stored(practice) == from_relations(practice)


def test_every_facet_is_counted_in_one_query_and_labelled_in_one_more(home):
    build_library(home)
    query = LibraryQuery(
        text="trygghetsvandring",
        filters=(("country", ("SE",)), ("goal", ("safe-urban-spaces", "no-such-goal"))),
    )

    with CaptureQueriesContext(connection) as captured:
        result = search(query)

    sql = [query["sql"] for query in captured]
    counts = [statement for statement in sql if "unnest(facets)" in statement]
    labels = [statement for statement in sql if '"taggit_tag"."name"' in statement]
    assert (len(counts), len(labels)) == (1, 1)
    assert not [statement for statement in sql if "COUNT(DISTINCT" in statement]
    # The permissions (public()), the locale, the visitor's words read in every language
    # (practices.library_db.visitor_words), the counts, the labels and the ids of the page
    # of practices. Outside a request the permissions and the locale are read each time
    # they are asked for (portal.request_memo): here once for the search documents the
    # facets are counted from, and once for the practices of the page.
    assert len(sql) == 8
    # The cards' practices and their goals, read only when the cards are made.
    with CaptureQueriesContext(connection) as captured:
        assert [practice.pk for practice in result.practices] == result.practice_ids
    assert len(captured) == 2
    assert result.total == 2
    goals = {value.value: (value.label, value.count) for value in result.facets["goal"]}
    assert goals["safe-urban-spaces"] == ("Safe urban spaces", 2)
    assert goals["no-such-goal"] == ("no-such-goal", 0)
