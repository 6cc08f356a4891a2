"""Importing practices from CSV and JSON (manage.py import_practices)."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from practices.importer import RowError, import_practices
from practices.models import PracticePage

pytestmark = pytest.mark.django_db

GOTTSUNDA = {
    "external_id": "uppsala-2024-017",
    "city": "uppsala",
    "title": "Safety walks in Gottsunda after dark",
    "summary": "Residents, the police and the municipality walk the neighbourhood after dark.",
    "body_html": "<p>The walk follows the paths from the bus stops.</p>",
    "charter_goals": "safe-urban-spaces;safe-communities",
    "capital_code_themes": "local-safe-city-alliances",
    "tags": "safety walk;lighting",
    "target_groups": "residents;businesses",
    "prevention_level": "universal",
    "status": "ongoing",
    "start_date": "2023-10-01",
    "end_date": "",
    "problem_html": "<p>Residents avoided the paths after dark.</p>",
    "mechanism_html": "<p>Every owner sees the problems in the others' parts.</p>",
    "lessons_learned_html": "<p>A walk in daylight found almost nothing.</p>",
    "contact_name": "Karin Öberg",
    "contact_email": "karin.oberg@uppsala.example.org",
    "original_language": "sv",
}


@pytest.fixture
def cities(section):
    index = section(CityIndexPage)
    return {
        slug: CityPageFactory(parent=index, title=slug.title(), slug=slug)
        for slug in ("uppsala", "tampere")
    }


def write_csv(path, rows):
    columns = list(dict.fromkeys(column for row in rows for column in row))
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_json(path, rows):
    path.write_text(json.dumps({"practices": rows}), encoding="utf-8")
    return path


def run(path, *args):
    """Run the command; returns (stdout, stderr, the CommandError or None)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_practices", str(path), *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return stdout.getvalue(), stderr.getvalue(), error
    return stdout.getvalue(), stderr.getvalue(), None


def test_valid_rows_become_published_practices_under_their_city(cities, tmp_path):
    out, _, error = run(write_csv(tmp_path / "practices.csv", [GOTTSUNDA]))

    assert error is None
    assert "Row 2: created uppsala-2024-017" in out
    practice = PracticePage.objects.get(external_id="uppsala-2024-017")
    assert practice.get_parent().specific == cities["uppsala"]
    assert practice.city == cities["uppsala"]
    assert practice.live
    assert practice.revisions.count() == 1
    assert practice.title == GOTTSUNDA["title"]
    assert [block.value.source for block in practice.body] == [GOTTSUNDA["body_html"]]
    assert sorted(practice.charter_goals.values_list("slug", flat=True)) == [
        "safe-communities",
        "safe-urban-spaces",
    ]
    assert list(practice.capital_code_themes.values_list("slug", flat=True)) == [
        "local-safe-city-alliances"
    ]
    assert sorted(practice.target_groups.values_list("slug", flat=True)) == [
        "businesses",
        "residents",
    ]
    assert sorted(tag.name for tag in practice.tags.all()) == ["lighting", "safety walk"]
    assert practice.start_date == datetime.date(2023, 10, 1)
    assert practice.end_date is None
    assert practice.prevention_level == "universal"
    assert practice.problem == GOTTSUNDA["problem_html"]
    assert practice.lessons_learned == GOTTSUNDA["lessons_learned_html"]
    assert practice.contact_email == "karin.oberg@uppsala.example.org"
    assert practice.original_language == "sv"


def test_invalid_rows_are_reported_by_row_field_and_message_and_skipped(cities, tmp_path):
    rows = [
        GOTTSUNDA,
        {**GOTTSUNDA, "external_id": "x-1", "city": "atlantis"},
        {**GOTTSUNDA, "external_id": "x-2", "summary": "x" * 301},
        {**GOTTSUNDA, "external_id": "x-3", "charter_goals": "safe-streets"},
        {**GOTTSUNDA, "external_id": "x-4", "start_date": "2023-10-01", "end_date": "2023-01-01"},
        {**GOTTSUNDA, "external_id": "x-5", "contact_email": "not an address", "title": ""},
        {**GOTTSUNDA, "title": "The same external_id again"},
    ]
    path = write_csv(tmp_path / "practices.csv", rows)

    report = import_practices(path)

    assert report.errors == [
        RowError(3, "city", "No city page has the slug 'atlantis'."),
        RowError(4, "summary", "At most 300 characters are allowed; this has 301."),
        RowError(5, "charter_goals", report.errors[2].message),
        RowError(6, "end_date", "The end date is before the start date."),
        RowError(7, "title", "This column is required."),
        RowError(7, "contact_email", "'not an address' is not an email address."),
        RowError(8, "external_id", "Row 2 has the same external_id."),
    ]
    assert report.errors[2].message.startswith("Unknown slug: safe-streets. Known: ")
    assert list(PracticePage.objects.values_list("external_id", flat=True)) == ["uppsala-2024-017"]


def test_choices_dates_and_the_shape_of_json_cells_are_checked(cities, tmp_path):
    rows = [
        {**GOTTSUNDA, "external_id": "x-1", "status": "paused", "start_date": "1 October 2023"},
        {**GOTTSUNDA, "external_id": "x-2", "title": ["A list"], "original_language": "de"},
        {**GOTTSUNDA, "external_id": "x-3", "charter_goals": [], "tags": [{"tag": "x"}]},
        # Empty status and language leave the page's own (new practices: its defaults).
        {**GOTTSUNDA, "external_id": "x-4", "status": "", "original_language": None},
    ]
    report = import_practices(write_json(tmp_path / "practices.json", rows))

    assert report.errors == [
        RowError(1, "status", "'paused' is not one of: planned, ongoing, completed, discontinued."),
        RowError(1, "start_date", "Not a date in the form YYYY-MM-DD."),
        RowError(2, "title", "Expected text."),
        RowError(2, "original_language", "'de' is not one of: en, sv, da, nb, fi, is."),
        RowError(3, "charter_goals", "At least one is required."),
        RowError(3, "tags", "Expected text."),
    ]
    practice = PracticePage.objects.get(external_id="x-4")
    assert (practice.status, practice.original_language) == ("ongoing", "en")


def test_the_command_prints_every_problem_and_fails_after_importing_the_valid_rows(
    cities, tmp_path
):
    rows = [GOTTSUNDA, {**GOTTSUNDA, "external_id": "x-1", "summary": "x" * 301}]
    out, _, error = run(write_csv(tmp_path / "practices.csv", rows))

    assert "Row 2: created uppsala-2024-017" in out
    assert "Row 3, summary: At most 300 characters are allowed; this has 301." in out
    assert "skipped 1 row with errors" in out
    assert error is not None
    assert PracticePage.objects.filter(external_id="uppsala-2024-017").exists()
    assert not PracticePage.objects.filter(external_id="x-1").exists()


def test_a_dry_run_saves_nothing_and_says_what_it_would_do(cities, tmp_path):
    path = write_csv(tmp_path / "practices.csv", [GOTTSUNDA])
    pages, revisions = PracticePage.objects.count(), Revision.objects.count()

    out, _, error = run(path, "--dry-run")

    assert error is None
    assert "Row 2: would create uppsala-2024-017" in out
    assert "Nothing was saved." in out
    assert PracticePage.objects.count() == pages
    assert Revision.objects.count() == revisions


def test_a_second_run_changes_nothing_and_a_changed_row_updates_the_same_practice(cities, tmp_path):
    path = write_json(tmp_path / "practices.json", [GOTTSUNDA])
    run(path)
    practice = PracticePage.objects.get(external_id="uppsala-2024-017")

    out, _, _ = run(path)

    assert "Row 1: unchanged uppsala-2024-017" in out
    assert PracticePage.objects.filter(external_id="uppsala-2024-017").count() == 1
    assert practice.revisions.count() == 1

    write_json(path, [{**GOTTSUNDA, "title": "Safety walks in Gottsunda", "tags": ""}])
    out, _, _ = run(path)

    assert "Row 1: updated uppsala-2024-017" in out
    assert PracticePage.objects.filter(external_id="uppsala-2024-017").count() == 1
    practice.refresh_from_db()
    assert practice.title == "Safety walks in Gottsunda"
    assert not practice.tags.exists()
    assert practice.revisions.count() == 2
    out, _, _ = run(path, "--dry-run")
    assert "Row 1: unchanged uppsala-2024-017" in out


def test_script_and_event_handlers_are_stripped_from_html_fields(cities, tmp_path):
    hostile = {
        **GOTTSUNDA,
        "body_html": '<p onclick="steal()">Walks<script>alert(1)</script></p>',
        "problem_html": '<p>Dark paths<img src="x" onerror="alert(2)"></p>',
        "mechanism_html": '<p><a href="javascript:alert(3)">Together</a></p>',
        "lessons_learned_html": "<p><style>p{}</style><b>Daylight</b> failed</p>",
    }
    run(write_csv(tmp_path / "practices.csv", [hostile]))

    practice = PracticePage.objects.get(external_id="uppsala-2024-017")
    stored = " ".join(
        [
            practice.body.raw_data[0]["value"],
            practice.problem,
            practice.mechanism,
            practice.lessons_learned,
        ]
    )
    for dangerous in ("<script", "onclick", "onerror", "<img", "javascript:", "<style"):
        assert dangerous not in stored
    assert "Walks" in practice.body.raw_data[0]["value"]
    assert practice.lessons_learned.startswith("<p>")
    assert "<b>Daylight</b>" in practice.lessons_learned


def test_csv_and_json_files_import_the_same_practice(cities, tmp_path):
    as_json = {
        **GOTTSUNDA,
        "external_id": "from-json",
        "charter_goals": ["safe-urban-spaces", "safe-communities"],
        "tags": ["safety walk", "lighting"],
        "target_groups": ["residents", "businesses"],
    }
    run(write_csv(tmp_path / "practices.csv", [{**GOTTSUNDA, "external_id": "from-csv"}]))
    run(write_json(tmp_path / "practices.json", [as_json]))

    def content(external_id):
        practice = PracticePage.objects.get(external_id=external_id)
        return (
            practice.title,
            practice.summary,
            practice.body.raw_data[0]["value"],
            sorted(practice.charter_goals.values_list("slug", flat=True)),
            sorted(practice.target_groups.values_list("slug", flat=True)),
            sorted(tag.name for tag in practice.tags.all()),
            practice.start_date,
            practice.problem,
            practice.original_language,
        )

    assert content("from-csv") == content("from-json")


def test_draft_imports_are_saved_as_revisions_without_publishing(cities, tmp_path):
    run(write_csv(tmp_path / "practices.csv", [GOTTSUNDA]), "--draft")

    practice = PracticePage.objects.get(external_id="uppsala-2024-017")
    assert not practice.live
    assert practice.revisions.count() == 1


def test_progress_is_shown_as_a_bar_on_standard_error(cities, tmp_path):
    rows = [GOTTSUNDA, {**GOTTSUNDA, "external_id": "second", "title": "Second"}]
    out, err, _ = run(write_csv(tmp_path / "practices.csv", rows))

    assert "[###############...............] 1/2" in err
    assert "[##############################] 2/2" in err
    assert "[#" not in out


def test_a_file_without_a_required_column_is_refused_before_anything_is_saved(cities, tmp_path):
    row = {key: value for key, value in GOTTSUNDA.items() if key != "summary"}
    _, _, error = run(write_csv(tmp_path / "practices.csv", [row]))

    assert "Required column missing: summary." in str(error)
    assert not PracticePage.objects.exists()


def test_only_csv_and_json_files_are_accepted(cities, tmp_path):
    path = tmp_path / "practices.xlsx"
    path.write_bytes(b"")

    _, _, error = run(path)

    assert "must end in .csv or .json" in str(error)


def test_an_unknown_column_is_reported_not_silently_ignored(cities, tmp_path):
    out, _, error = run(write_csv(tmp_path / "practices.csv", [{**GOTTSUNDA, "colour": "red"}]))

    assert "Columns, colour: Unknown column; its values are ignored." in out
    assert "Row 2: created uppsala-2024-017" in out
    assert error is None
