"""The library's search SQL on PostgreSQL is rendered from the models and the facets
(``practices.search_sql``), and the migrations install what they give now: a field the
SQL names renamed without a migration that installs the SQL again fails here, not at a
publish."""

import dataclasses
import re

import pytest
from django.conf import settings
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.module_loading import import_string
from wagtail.models import PageViewRestriction

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from practices import library_db, search_sql
from practices.facets import LIBRARY_FACETS, TEXT_FIELDS
from practices.factories import PracticePageFactory
from practices.library import LibraryQuery
from practices.models import PracticePage, PracticeSearchDocument
from website.views import results_page, site_search

# Reading the migrations reads the database: wagtail-localize's first migration asks it
# which of Wagtail's migrations have run.
pytestmark = pytest.mark.django_db


def renamed(app_label, model_name, name, column):
    """The project's models as the migrations leave them, but for a field's column:
    what renaming the field (and the path naming it in ``practices.facets``) does."""
    state = MigrationLoader(None, ignore_no_migrations=True).project_state()
    field = state.models[app_label, model_name].fields[name]
    _name, path, args, kwargs = field.deconstruct()
    field = import_string(path)(*args, **{**kwargs, "db_column": column})
    migrations.AlterField(model_name, name, field).state_forwards(app_label, state)
    return state.apps


def test_the_migrations_install_the_search_sql_the_models_and_facets_give():
    differences = search_sql.changes()

    assert not differences, (
        "Run `manage.py search_sql_migration` to write a migration that installs it:\n"
        + differences
    )


@pytest.mark.parametrize(
    ("app_label", "model_name", "name", "column"),
    [
        # A facet on the practice, a facet on its city, a word of its document, a
        # facet's related term, the language of a page, and the stored facets.
        ("practices", "practicepage", "evidence_level", "evidence_grade"),
        ("cities", "citypage", "country", "nation"),
        ("practices", "practicepage", "mechanism", "how_it_works"),
        ("portal", "chartergoal", "slug", "code"),
        ("wagtailcore", "page", "translation_key", "translation_group"),
        ("practices", "practicesearchdocument", "facets", "facet_values"),
    ],
)
def test_a_renamed_column_is_named_anew_in_the_sql(app_label, model_name, name, column):
    sql = search_sql.render(renamed(app_label, model_name, name, column))

    assert sql != search_sql.render()
    assert f'"{column}"' in sql["SEARCH_SQL"]


def test_the_system_check_warns_when_the_migrations_install_other_sql(monkeypatch):
    assert search_sql.check_search_sql(None) == []
    models = renamed("practices", "practicepage", "status", "state")
    render = search_sql.render
    monkeypatch.setattr(search_sql, "render", lambda: render(models))

    (warning,) = search_sql.check_search_sql(None)

    assert warning.id == "practices.W001"
    assert "+                ('status', practice.\"state\")" in search_sql.changes()


def test_the_system_check_fails_when_a_facet_names_no_field(monkeypatch):
    evidence = LIBRARY_FACETS["evidence"]
    facets = {**LIBRARY_FACETS, "evidence": dataclasses.replace(evidence, path="evidence_grade")}
    monkeypatch.setattr(search_sql, "LIBRARY_FACETS", facets)

    (error,) = search_sql.check_search_sql(None)

    assert error.id == "practices.E001"
    assert "evidence_grade" in error.msg


def test_every_facet_and_every_searched_text_is_in_the_sql():
    sql = search_sql.render()["SEARCH_SQL"]

    for name, facet in LIBRARY_FACETS.items():
        assert f"'{name}'" in sql
        assert f'"{facet.value}"' in sql
    for field in TEXT_FIELDS:
        assert f'"{field.value}"' in sql


def created(sql, kind):
    return set(re.findall(rf"CREATE {kind} (practices_\w+)", sql))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL is PostgreSQL's")
def test_the_database_has_exactly_the_functions_and_triggers_the_sql_creates():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT proname FROM pg_proc WHERE starts_with(proname, %s) "
            "AND pronamespace = current_schema()::regnamespace",
            [search_sql.PREFIX],
        )
        functions = {name for (name,) in cursor.fetchall()}
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND starts_with(tgname, %s)",
            [search_sql.PREFIX],
        )
        triggers = {name for (name,) in cursor.fetchall()}

    sql = search_sql.render()["SEARCH_SQL"]
    # None of the hand-written SQL's functions and triggers is left over (its
    # practices_links_changed, practices_city_renamed, ...).
    assert functions == created(sql, "FUNCTION")
    assert triggers == created(sql, "TRIGGER")


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL is PostgreSQL's")
def test_refreshing_documents_that_would_not_change_writes_no_row(section):
    """The backfill after a migration refreshes every practice: rewriting rows that stay
    the same left a dead copy of each, and at 100,000 practices the benchmark's search
    several times slower until the next vacuum. ``ctid`` is a row version's place."""
    city = CityPageFactory(parent=section(CityIndexPage), title="Umeå", slug="umea")
    first, second = PracticePageFactory.create_batch(2, parent=city)

    def row_versions():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT practice_id, ctid::text FROM practices_practicesearchdocument"
                " ORDER BY practice_id"
            )
            return cursor.fetchall()

    def refresh(*practices):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT practices_refresh_search_documents(%s::bigint[], true)",
                [[practice.pk for practice in practices]],
            )
            cursor.execute(
                "SELECT practices_refresh_search_documents(%s::bigint[], false)",
                [[practice.pk for practice in practices]],
            )

    before = row_versions()
    refresh(first, second)
    assert row_versions() == before

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE practices_practicesearchdocument SET facets = '{}' WHERE practice_id = %s",
            [second.pk],
        )
    changed = row_versions()
    refresh(first, second)
    after = row_versions()
    assert after[0] == changed[0]
    assert after[1] != changed[1]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL is PostgreSQL's")
def test_a_new_document_is_written_once_with_its_languages(section):
    """A new practice's document is written with the languages it is shown in: set by a
    second statement, they left a dead copy of every new practice's row, and at 100,000
    practices the table twice its size and the library's counts slower."""
    city = CityPageFactory(parent=section(CityIndexPage), title="Luleå", slug="lulea")
    practice = PracticePageFactory(parent=city)
    PracticeSearchDocument.objects.filter(practice=practice).delete()

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT practices_refresh_search_documents(%s::bigint[], true)", [[practice.pk]]
        )
        cursor.execute(
            "SELECT shown_in, ctid::text FROM practices_practicesearchdocument"
            " WHERE practice_id = %s",
            [practice.pk],
        )
        shown_in, written = cursor.fetchone()
        cursor.execute(
            "SELECT practices_refresh_shown_in(%s::uuid[])", [[practice.translation_key]]
        )
        cursor.execute(
            "SELECT ctid::text FROM practices_practicesearchdocument WHERE practice_id = %s",
            [practice.pk],
        )
        (after_refresh,) = cursor.fetchone()

    assert shown_in == sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    assert after_refresh == written


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL is PostgreSQL's")
def test_a_document_larger_than_two_kilobytes_stays_in_its_row(section):
    """PostgreSQL moves the largest values of a row over 2 KB to a side table (TOAST); a
    search then reads that table too, for every practice it matches (at 100,000
    practices a scan of the documents read 67,000 pages instead of 25,000)."""
    city = CityPageFactory(parent=section(CityIndexPage), title="Kiruna", slug="kiruna")
    lessons = " ".join(f"trygghet{number}vandring" for number in range(120))
    practice = PracticePageFactory(parent=city, lessons_learned=lessons)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(stored.*) FROM practices_practicesearchdocument stored"
            " WHERE practice_id = %s",
            [practice.pk],
        )
        (row_size,) = cursor.fetchone()
        cursor.execute(
            "SELECT reltoastrelid::regclass::text FROM pg_class"
            " WHERE oid = 'practices_practicesearchdocument'::regclass"
        )
        (side_table,) = cursor.fetchone()
        cursor.execute(f"SELECT count(*) FROM {side_table}")  # noqa: S608 (a table's name)
        (moved_out,) = cursor.fetchone()

    assert 2048 < row_size < 8000
    assert moved_out == 0


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL is PostgreSQL's")
def test_a_practice_that_is_not_live_is_shown_in_no_language(section):
    """The library leaves out what is not live by the stored languages alone, without
    reading the page table."""
    city = CityPageFactory(parent=section(CityIndexPage), title="Oulu", slug="oulu")
    practice = PracticePageFactory(parent=city)

    def shown_in():
        return PracticeSearchDocument.objects.get(practice=practice).shown_in

    def listed():
        return PracticePage.objects.public().live_in_visitor_language().filter(pk=practice.pk)

    assert shown_in() == sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    practice.unpublish()
    assert shown_in() == []
    assert not listed().exists()
    practice.save_revision().publish()
    assert shown_in() == sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    assert listed().exists()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL is PostgreSQL's")
def test_the_documents_shown_are_those_of_the_practices_listed(section):
    """The facets are counted, and the site search ranked, over the search documents
    alone; they name the practices the library lists: live, public, in the visitor's
    language."""
    cities = section(CityIndexPage)
    city = CityPageFactory(parent=cities, title="Oulu", slug="oulu")
    members_only = CityPageFactory(parent=cities, title="Members only", slug="members-only")
    PageViewRestriction.objects.create(page=members_only, restriction_type="login")
    shown = PracticePageFactory(parent=city, title="Safety walks")
    PracticePageFactory(parent=city, title="Draft", live=False)
    PracticePageFactory(parent=members_only, title="Private walks")

    def documents():
        return set(PracticeSearchDocument.objects.shown_to_visitor().values_list("pk", flat=True))

    def practices():
        return set(
            PracticePage.objects.public().live_in_visitor_language().values_list("pk", flat=True)
        )

    assert documents() == practices() == {shown.pk}
    with translation.override("fi"):
        assert documents() == practices() == {shown.pk}


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL is PostgreSQL's")
def test_the_counts_and_the_ranking_read_the_documents_alone(section):
    city = CityPageFactory(parent=section(CityIndexPage), title="Oulu", slug="oulu", country="FI")
    PracticePageFactory(parent=city, title="Safety walks")
    query = LibraryQuery(text="walks", filters=(("country", ("FI",)),))

    with CaptureQueriesContext(connection) as captured:
        assert library_db.search(query).total == 1
        assert len(results_page(site_search("walks"), 1).object_list) == 1

    heavy = [
        statement["sql"]
        for statement in captured
        if "unnest(facets)" in statement["sql"] or "FROM ranked" in statement["sql"]
    ]
    assert len(heavy) == 2
    assert not [sql for sql in heavy if "practices_practicepage" in sql]
