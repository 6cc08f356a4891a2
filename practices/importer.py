"""Importing practices from a CSV or JSON file (``manage.py import_practices``).

Every row is validated first, by a Django form whose fields are the practice page's own
(``PracticeRowForm``); a row with errors is reported (row, field, message) and skipped,
the others are imported. A practice is found again by its ``external_id``, so a
second run updates it instead of adding a copy, and a row whose content matches the
practice's latest revision is left alone (no new revision). HTML is cleaned with the
portal's one allow-list (``portal.sanitise.clean_html``) before it is stored.

The columns, and what an empty cell means, are documented in docs/import-format.md.
"""

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cities.models import CityPage
from portal.models import CapitalCodeTheme, CharterGoal
from portal.sanitise import clean_html

from .models import PracticePage, TargetGroup

COLUMNS = (
    "external_id",
    "city",
    "title",
    "summary",
    "body_html",
    "charter_goals",
    "capital_code_themes",
    "tags",
    "target_groups",
    "prevention_level",
    "status",
    "start_date",
    "end_date",
    "problem_html",
    "mechanism_html",
    "lessons_learned_html",
    "contact_name",
    "contact_email",
    "original_language",
)
REQUIRED_COLUMNS = ("external_id", "city", "title", "summary", "charter_goals")
# Columns holding several values, separated by semicolons (or a list, in JSON).
LIST_SEPARATOR = ";"
# HTML columns and the page fields they fill.
HTML_COLUMNS = {
    "body_html": "body",
    "problem_html": "problem",
    "mechanism_html": "mechanism",
    "lessons_learned_html": "lessons_learned",
}
# Terms chosen by slug, with the model that holds them.
TERM_COLUMNS = {
    "charter_goals": CharterGoal,
    "capital_code_themes": CapitalCodeTheme,
    "target_groups": TargetGroup,
}
# Columns that take several values, as a JSON list or separated by semicolons.
LIST_COLUMNS = ("tags", *TERM_COLUMNS)
TAG_MAX_LENGTH = 100
# The row number of problems with the file's columns rather than a practice.
HEADER = 0


class ImportFileError(Exception):
    """The file as a whole cannot be imported: unreadable, or a required column missing."""


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str


@dataclass
class PracticeRow:
    """One valid row, in the page's terms: field values, related objects and tags.
    Only the columns the file has are here; a missing column leaves the field alone."""

    row: int
    external_id: str
    city: CityPage
    fields: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    tags: list | None = None

    @property
    def title(self):
        return self.fields.get("title", "")


@dataclass(frozen=True)
class RowOutcome:
    row: int
    external_id: str
    title: str
    action: str  # "created", "updated" or "unchanged"


@dataclass
class ImportReport:
    dry_run: bool = False
    draft: bool = False
    outcomes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def skipped_rows(self):
        return sorted({error.row for error in self.errors})


# ---------- Reading the file ----------


def read_rows(path):
    """The file's column names and its rows as (row number, {column: value}).

    CSV rows are numbered as a spreadsheet shows them (the header is row 1); JSON
    records by their position in the list, from 1.
    """
    path = Path(path)
    readers = {".csv": read_csv, ".json": read_json}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise ImportFileError(f"{path.name}: the file must end in .csv or .json.")
    try:
        return reader(path)
    except OSError as error:
        raise ImportFileError(f"{path}: {error.strerror or error}.") from error
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{path.name}: the file is not UTF-8 text.") from error


def read_csv(path):
    with path.open(newline="", encoding="utf-8-sig") as file:
        reader = csv.DictReader(file)
        rows = [(number, record) for number, record in enumerate(reader, start=2)]
        return [name for name in reader.fieldnames or [] if name], rows


def read_json(path):
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path.name}: not valid JSON (line {error.lineno}: {error.msg})."
        ) from error
    if isinstance(data, dict):
        data = data.get("practices")
    if not isinstance(data, list):
        raise ImportFileError(
            f'{path.name}: expected a list of practices, or {{"practices": [...]}}.'
        )
    columns = []
    for record in data:
        if isinstance(record, dict):
            columns.extend(name for name in record if name not in columns)
    return columns, list(enumerate(data, start=1))


def check_columns(columns):
    """Raise for a missing required column; return warnings for unknown ones."""
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ImportFileError(f"Required column missing: {', '.join(missing)}.")
    return [
        RowError(HEADER, name, "Unknown column; its values are ignored.")
        for name in columns
        if name not in COLUMNS
    ]


# ---------- Validating a row ----------


class Lookups:
    """The cities and terms rows refer to, fetched once per import.

    Imports go into the default language's page tree, so cities and terms are looked up
    in the default locale.
    """

    def __init__(self):
        locale = Locale.get_default()
        self.cities = {city.slug: city for city in CityPage.objects.filter(locale=locale)}
        self.terms = {
            column: {term.slug: term for term in model.objects.filter(locale=locale)}
            for column, model in TERM_COLUMNS.items()
        }


def as_text(value):
    """A cell as stripped text; JSON numbers are accepted as text, other shapes are not."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("Expected text.")
    return str(value).strip()


def as_list(value):
    """A list cell: semicolon-separated text, or a JSON list of texts."""
    if isinstance(value, list):
        items = [as_text(item) for item in value]
    else:
        items = as_text(value).split(LIST_SEPARATOR)
    return [item.strip() for item in items if item.strip()]


REQUIRED = {"required": "This column is required."}
NOT_AN_EMAIL = {"invalid": "'%(value)s' is not an email address."}
NOT_A_DATE = {"invalid": "Not a date in the form YYYY-MM-DD."}


def page_field(name, messages=None, **kwargs):
    """The form field of the practice page's own field: its maximum length, its choices,
    its checks, with messages for the report."""
    model_field = PracticePage._meta.get_field(name)
    error_messages = {
        **REQUIRED,
        "max_length": "At most %(limit_value)d characters are allowed; this has %(show_value)d.",
        **(messages or {}),
    }
    if model_field.choices:
        known = ", ".join(value for value, _label in model_field.choices)
        error_messages["invalid_choice"] = f"'%(value)s' is not one of: {known}."
    return model_field.formfield(error_messages=error_messages, **kwargs)


class ListCellField(forms.Field):
    """Several values, each once, in the order given."""

    def to_python(self, value):
        try:
            return list(dict.fromkeys(as_list(value)))
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class TermsField(ListCellField):
    """Terms by slug, from those the import looked up (``terms``)."""

    terms = {}

    def validate(self, slugs):
        if self.required and not slugs:
            raise forms.ValidationError("At least one is required.")
        unknown = [slug for slug in slugs if slug not in self.terms]
        if unknown:
            raise forms.ValidationError(
                f"Unknown slug{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}. "
                f"Known: {', '.join(sorted(self.terms))}."
            )

    def clean(self, value):
        return [self.terms[slug] for slug in super().clean(value)]


class TagsField(ListCellField):
    def validate(self, tags):
        too_long = [tag for tag in tags if len(tag) > TAG_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                f"A tag has at most {TAG_MAX_LENGTH} characters: {too_long[0][:40]}…"
            )


class HTMLCellField(forms.CharField):
    """HTML reduced to what the editor allows (portal.sanitise)."""

    def clean(self, value):
        return clean_html(super().clean(value)).strip()


class PracticeRowForm(forms.Form):
    """One row of the file, validated as the practice's own fields validate, with the
    file's rules besides: cities and terms by slug, tags, HTML cleaned. Only the columns
    the row has are fields: a missing column leaves the practice's field alone."""

    external_id = page_field("external_id", required=True)
    city = forms.ChoiceField(
        error_messages={**REQUIRED, "invalid_choice": "No city page has the slug '%(value)s'."}
    )
    title = page_field("title")
    summary = page_field("summary")
    body_html = HTMLCellField(required=False)
    charter_goals = TermsField()
    capital_code_themes = TermsField(required=False)
    tags = TagsField(required=False)
    target_groups = TermsField(required=False)
    prevention_level = page_field("prevention_level")
    # The page's status and original language cannot be empty: an empty cell leaves them
    # as they are (practice_row).
    status = page_field("status", required=False)
    start_date = page_field("start_date", NOT_A_DATE, input_formats=["%Y-%m-%d"])
    end_date = page_field("end_date", NOT_A_DATE, input_formats=["%Y-%m-%d"])
    problem_html = HTMLCellField(required=False)
    mechanism_html = HTMLCellField(required=False)
    lessons_learned_html = HTMLCellField(required=False)
    contact_name = page_field("contact_name")
    contact_email = page_field("contact_email", NOT_AN_EMAIL)
    original_language = page_field("original_language", required=False)

    def __init__(self, data, *, lookups):
        super().__init__(data)
        for name in [name for name in self.fields if name not in data]:
            del self.fields[name]
        if "city" in self.fields:
            self.fields["city"].choices = [(slug, slug) for slug in lookups.cities]
        for column in TERM_COLUMNS:
            if column in self.fields:
                self.fields[column].terms = lookups.terms[column]
        self.lookups = lookups

    def clean_city(self):
        return self.lookups.cities[self.cleaned_data["city"]]

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_date"), cleaned_data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date is before the start date.")
        return cleaned_data


def parse_row(number, record, lookups):
    """A row as a PracticeRow, or the list of its errors."""
    if not isinstance(record, dict):
        return None, [RowError(number, "-", "Expected an object with the practice's columns.")]
    if None in record:
        # csv.DictReader files cells beyond the header under None.
        return None, [RowError(number, "-", "The row has more cells than the header.")]

    errors = [
        RowError(number, column, "This column is required.")
        for column in REQUIRED_COLUMNS
        if column not in record
    ]
    # Text columns take text (or a JSON number); the list columns a list as well.
    data = {}
    for column, value in record.items():
        if column in COLUMNS:
            try:
                data[column] = value if column in LIST_COLUMNS else as_text(value)
            except ValueError as error:
                errors.append(RowError(number, column, str(error)))
    form = PracticeRowForm(data, lookups=lookups)
    form.is_valid()
    errors += [
        RowError(number, column, message)
        for column, messages in form.errors.items()
        for message in messages
    ]
    if errors:
        return None, sorted(errors, key=lambda error: COLUMNS.index(error.field))
    return practice_row(number, form.cleaned_data), []


def practice_row(number, values):
    row = PracticeRow(row=number, external_id=values.pop("external_id"), city=values.pop("city"))
    if "tags" in values:
        row.tags = values.pop("tags")
    for column in TERM_COLUMNS:
        if column in values:
            row.terms[column] = values.pop(column)
    for column, value in values.items():
        # Status and language cannot be empty: an empty cell leaves them as they are.
        if not value and column in {"status", "original_language"}:
            continue
        row.fields[HTML_COLUMNS.get(column, column)] = value
    return row


# ---------- Writing a practice ----------


def body_stream(html):
    return [("paragraph", RichText(html))] if html else []


def stored_content(page, row):
    """The page's current values for the fields the row sets, in comparable form."""
    content = {}
    for name in row.fields:
        if name == "body":
            content[name] = [(block["type"], block["value"]) for block in page.body.raw_data]
        else:
            content[name] = getattr(page, name)
    for column in row.terms:
        content[column] = sorted(term.pk for term in getattr(page, column).all())
    if row.tags is not None:
        content["tags"] = sorted(tag.name for tag in page.tags.all())
    return content


def row_content(row):
    """The row's values in the same form as stored_content."""
    content = dict(row.fields)
    if "body" in content:
        content["body"] = [("paragraph", content["body"])] if content["body"] else []
    for column, terms in row.terms.items():
        content[column] = sorted(term.pk for term in terms)
    if row.tags is not None:
        content["tags"] = sorted(row.tags)
    return content


def apply_row(page, row):
    for name, value in row.fields.items():
        setattr(page, name, body_stream(value) if name == "body" else value)
    for column, terms in row.terms.items():
        getattr(page, column).set(terms)
    if row.tags is not None:
        page.tags.set(row.tags)


def unique_slug(city, title):
    base = slugify(title)[:200] or "practice"
    taken = set(city.get_children().values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def find_practice(row):
    """The practice the row updates, or None; raises ValueError when it cannot."""
    matches = list(PracticePage.objects.filter(external_id=row.external_id)[:2])
    if len(matches) > 1:
        raise ValueError("Several practices have this external_id; fix them in the admin.")
    if not matches:
        return None
    practice = matches[0]
    if practice.city_id != row.city.pk:
        raise ValueError(
            f"The practice with this external_id belongs to {practice.city.title}; "
            "move it in the admin to change its city."
        )
    return practice


def create_practice(row, draft):
    page = PracticePage(
        external_id=row.external_id, slug=unique_slug(row.city, row.title), live=False
    )
    apply_row(page, row)
    row.city.add_child(instance=page)
    publish_revision(page, draft)
    return page


def update_practice(practice, row, draft):
    """Save the row as a new revision of the practice, unless nothing changes.
    Returns True when a revision was saved."""
    latest = practice.get_latest_revision_as_object()
    if stored_content(latest, row) == row_content(row):
        return False
    apply_row(latest, row)
    publish_revision(latest, draft)
    return True


def publish_revision(page, draft):
    revision = page.save_revision(log_action=True)
    if not draft:
        revision.publish()


def plan_row(row):
    """What importing the row would do, without doing it."""
    practice = find_practice(row)
    if practice is None:
        return "created"
    latest = practice.get_latest_revision_as_object()
    return "unchanged" if stored_content(latest, row) == row_content(row) else "updated"


def write_row(row, draft):
    practice = find_practice(row)
    if practice is None:
        create_practice(row, draft)
        return "created"
    return "updated" if update_practice(practice, row, draft) else "unchanged"


def validation_errors(number, error):
    """A model ValidationError as row errors."""
    if hasattr(error, "error_dict"):
        return [
            RowError(number, name, " ".join(messages))
            for name, messages in error.message_dict.items()
        ]
    return [RowError(number, "-", " ".join(error.messages))]


# ---------- The import ----------


def import_practices(path, dry_run=False, draft=False, progress=None):
    """Import the file; returns an ImportReport. ``progress(done, total)`` is called
    after each row. Raises ImportFileError when the file as a whole is unusable."""
    columns, records = read_rows(path)
    report = ImportReport(dry_run=dry_run, draft=draft, warnings=check_columns(columns))
    lookups = Lookups()
    seen = {}
    for done, (number, record) in enumerate(records, start=1):
        row, errors = parse_row(number, record, lookups)
        if row and row.external_id in seen:
            errors = [
                RowError(
                    number,
                    "external_id",
                    f"Row {seen[row.external_id]} has the same external_id.",
                )
            ]
        if not errors:
            seen[row.external_id] = number
            errors = import_row(row, report, dry_run, draft)
        report.errors.extend(errors)
        if progress:
            progress(done, len(records))
    return report


def import_row(row, report, dry_run, draft):
    """Import one valid row into the report; returns the errors that stopped it."""
    try:
        if dry_run:
            action = plan_row(row)
        else:
            # A row that fails half way leaves nothing behind.
            with transaction.atomic():
                action = write_row(row, draft)
    except ValueError as error:
        return [RowError(row.row, "external_id", str(error))]
    except ValidationError as error:
        return validation_errors(row.row, error)
    report.outcomes.append(RowOutcome(row.row, row.external_id, row.title, action))
    return []


# ---------- Telling the user ----------

DRY_RUN_VERBS = {"created": "would create", "updated": "would update", "unchanged": "unchanged"}


def progress_bar(done, total, width=30):
    """A one-line textual progress bar, such as ``[#######.......]  12/40``."""
    filled = width * done // total if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done:>{len(str(total))}}/{total}"


def report_lines(report):
    """The report as lines of text: each row's outcome, the errors, and a summary."""
    lines = []
    for outcome in report.outcomes:
        verb = DRY_RUN_VERBS[outcome.action] if report.dry_run else outcome.action
        lines.append(f"Row {outcome.row}: {verb} {outcome.external_id} ({outcome.title})")
    problems = report.warnings + report.errors
    if problems:
        lines.append("")
        lines.append("Problems (row, field, message):")
        lines.extend(
            f"  {where(problem)}, {problem.field}: {problem.message}" for problem in problems
        )
    lines.append("")
    lines.append(summary_line(report))
    return lines


def where(problem):
    return "Columns" if problem.row == HEADER else f"Row {problem.row}"


def summary_line(report):
    created, updated, unchanged = (
        report.count(action) for action in ("created", "updated", "unchanged")
    )
    skipped = len(report.skipped_rows)
    if report.dry_run:
        return (
            f"Dry run: would create {created}, update {updated}, leave {unchanged} unchanged; "
            f"{skipped} row{'s' if skipped != 1 else ''} with errors would be skipped. "
            "Nothing was saved."
        )
    state = "saved as drafts" if report.draft else "published"
    return (
        f"Created {created}, updated {updated}, left {unchanged} unchanged ({state}); "
        f"skipped {skipped} row{'s' if skipped != 1 else ''} with errors."
    )
