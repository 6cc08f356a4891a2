"""The library's search SQL on PostgreSQL is rendered from the models and the facets
(``practices.search_sql``), and the migrations install what they give now: a field the
SQL names renamed without a migration that installs the SQL again fails here, not at a
publish."""

import re

import pytest
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader

from practices import search_sql
from practices.facets import LIBRARY_FACETS, TEXT_FIELDS


def renamed(app_label, model_name, old_name, new_name):
    """The project's models as they are after the migrations, and after renaming a field."""
    state = MigrationLoader(None, ignore_no_migrations=True).project_state()
    migrations.RenameField(model_name, old_name, new_name).state_forwards(app_label, state)
    return state.apps


def test_the_migrations_install_the_search_sql_the_models_and_facets_give():
    assert search_sql.changes() == "", (
        "Run `manage.py search_sql_migration` to write a migration that installs it."
    )


@pytest.mark.parametrize(
    ("app_label", "model_name", "old_name", "new_name"),
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
def test_a_renamed_field_is_named_anew_in_the_sql(app_label, model_name, old_name, new_name):
    sql = search_sql.render(renamed(app_label, model_name, old_name, new_name))

    assert sql != search_sql.render()
    assert f'"{new_name}"' in sql
    assert f'"{old_name}"' not in sql


def test_the_system_check_warns_when_the_migrations_install_other_sql(monkeypatch):
    assert search_sql.check_search_sql(None) == []
    models = renamed("practices", "practicepage", "status", "state")
    render = search_sql.render
    monkeypatch.setattr(search_sql, "render", lambda: render(models))

    (warning,) = search_sql.check_search_sql(None)

    assert warning.id == "practices.W001"
    assert "+                ('status', practice.\"state\")" in search_sql.changes()


def test_every_facet_and_every_searched_text_is_in_the_sql():
    sql = search_sql.render()

    for name, facet in LIBRARY_FACETS.items():
        assert f"'{name}'" in sql
        assert f'"{facet.value}"' in sql
    for field in TEXT_FIELDS:
        assert f'"{field.value}"' in sql


def created(sql, kind):
    return set(re.findall(rf"CREATE {kind} (practices_\w+)", sql))


@pytest.mark.django_db
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

    sql = search_sql.render()
    # None of the hand-written SQL's functions and triggers is left over (its
    # practices_links_changed, practices_city_renamed, ...).
    assert functions == created(sql, "FUNCTION")
    assert triggers == created(sql, "TRIGGER")
