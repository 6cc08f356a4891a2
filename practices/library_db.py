"""The practice library answered by the database.

Text is matched by PostgreSQL's full-text search over each practice's stored document,
stemmed in the practice's language (``PracticeSearchDocument``), or
elsewhere (SQLite in development) by the site's Wagtail search backend. Facets are
counted with one aggregate query each, so the number of queries stays the same however
many practices, cities and tags there are.
"""

import dataclasses
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
)
from django.db import connection
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import Lower
from django.utils.translation import get_language
from wagtail.models import Locale, TranslatableMixin

from cities.models import Country

from .library import MAX_VALUES_PER_FACET, FacetValue, LibraryResult
from .models import EvidenceLevel, PracticePage, PracticeStatus, PreventionLevel


@dataclass(frozen=True)
class Facet:
    """Where a facet's values are found, seen from a practice."""

    value: str  # the field holding the value: a slug or a choice
    relation: str = ""  # the relation to the model holding that field, if not the practice
    label: str = ""  # the field holding the value's label; choices carry their own
    number: str = ""  # the field holding the value's number, for facets ordered by it
    choices: tuple = ()
    many: bool = False  # whether a practice can have several values
    order: str = "count"  # "number", "choices", or by count

    def fields(self):
        return [name for name in (self.value, self.label, self.number) if name]

    def lookups(self):
        return [f"{self.relation}__{name}" if self.relation else name for name in self.fields()]

    def describe(self, row):
        """A row of ``fields()`` as value, label and number."""
        row = dict(zip(self.fields(), row, strict=True))
        value = row[self.value]
        label = row[self.label] if self.label else dict(self.choices).get(value, value)
        return value, str(label), row.get(self.number)

    def condition(self, values):
        """The practices with any of the values."""
        lookup = {f"{self.lookups()[0]}__in": values}
        if self.many:
            # A subquery rather than a join, so a practice with two of the values is one row.
            return Q(pk__in=PracticePage.objects.filter(**lookup).values("pk"))
        return Q(**lookup)


FACET_FIELDS = {
    "goal": Facet(
        relation="charter_goals",
        value="slug",
        label="name",
        number="number",
        many=True,
        order="number",
    ),
    "theme": Facet(
        relation="capital_code_themes",
        value="slug",
        label="name",
        number="number",
        many=True,
        order="number",
    ),
    "country": Facet(relation="city", value="country", choices=tuple(Country.choices)),
    "city": Facet(relation="city", value="slug", label="title"),
    "tag": Facet(relation="tags", value="slug", label="name", many=True),
    "target_group": Facet(relation="target_groups", value="slug", label="name", many=True),
    "prevention_level": Facet(
        value="prevention_level", choices=tuple(PreventionLevel.choices), order="choices"
    ),
    "status": Facet(value="status", choices=tuple(PracticeStatus.choices), order="choices"),
    "evidence": Facet(
        value="evidence_level", choices=tuple(EvidenceLevel.choices), order="choices"
    ),
}


def search(query):
    """Answer a LibraryQuery: one page of practices, the total, and every facet's values."""
    practices = PracticePage.objects.live().public().in_active_locale()
    relevance = None
    text = query.text.strip()
    if text and connection.vendor == "postgresql":
        practices, relevance = match_text_in_postgresql(practices, text)
    elif text:
        practices, relevance = match_text_in_search_index(practices, text)
    selections = {name: values for name, values in query.filters if name in FACET_FIELDS and values}

    counts = {}
    for name, facet in FACET_FIELDS.items():
        # Each facet counts what a click would give: the results narrowed by every
        # *other* facet's selection.
        others = narrow(practices, {n: v for n, v in selections.items() if n != name})
        counts[name] = count_values(others, facet)
    facets = {
        name: facet_values(facet, counts[name], selections.get(name, ()))
        for name, facet in FACET_FIELDS.items()
    }

    total = count_results(counts["status"], selections.get("status", ()))
    per_page = max(1, query.per_page)
    page = min(max(1, query.page), max(1, -(-total // per_page)))
    page_of_practices = []
    if total:
        start = (page - 1) * per_page
        page_of_practices = list(
            narrow(practices, selections)
            .for_cards()
            .prefetch_related("capital_code_themes")
            .order_by(*ordering(query.sort, relevance))[start : start + per_page]
        )
    return LibraryResult(
        query=dataclasses.replace(query, page=page),
        practices=page_of_practices,
        total=total,
        facets=facets,
    )


def narrow(practices, selections):
    """Several values of one facet widen the results; facets narrow each other."""
    for name, values in selections.items():
        practices = practices.filter(FACET_FIELDS[name].condition(values))
    return practices


def count_values(practices, facet):
    """Each value's label, number and count of distinct practices, in one query."""
    rows = (
        practices.order_by()
        .values_list(*facet.lookups())
        .annotate(count=Count("pk", distinct=True))
    )
    counts = {}
    for *fields, count in rows:
        value, label, number = facet.describe(fields)
        if value:
            counts[value] = (label, number, count)
    return counts


def count_results(status_counts, selected_statuses):
    """The number of results, without a query of its own: every practice has exactly one
    status, so the status facet's counts (of the selected statuses, if any) add up to it."""
    return sum(
        count
        for status, (_label, _number, count) in status_counts.items()
        if not selected_statuses or status in selected_statuses
    )


def facet_values(facet, counts, selected):
    """The facet's values in its order, the selected ones always among them."""
    unlisted = [value for value in selected if value not in counts]
    if unlisted:
        counts = {**counts, **label_unlisted_values(facet, unlisted)}
    values = sorted(
        (
            FacetValue(value=value, label=label, count=count, selected=value in selected)
            for value, (label, _number, count) in counts.items()
        ),
        key=lambda facet_value: sort_key(facet, facet_value, counts),
    )
    room = MAX_VALUES_PER_FACET - sum(value.selected for value in values)
    kept = []
    for value in values:
        if value.selected or room > 0:
            kept.append(value)
            room -= not value.selected
    return kept


def sort_key(facet, facet_value, counts):
    if facet.order == "number":
        number = counts[facet_value.value][1]
        return (number is None, number or 0, facet_value.label)
    if facet.order == "choices":
        order = [value for value, _label in facet.choices]
        value = facet_value.value
        return (order.index(value) if value in order else len(order), value)
    return (-facet_value.count, facet_value.label.casefold())


def label_unlisted_values(facet, values):
    """Selected values that no result has, with a count of 0 and their labels."""
    if facet.label:
        model = PracticePage._meta.get_field(facet.relation).related_model
        terms = model._default_manager.filter(**{f"{facet.value}__in": values})
        if issubclass(model, TranslatableMixin):
            terms = terms.filter(locale=Locale.get_active())
        found = {}
        for row in terms.values_list(*facet.fields()):
            value, label, number = facet.describe(row)
            found.setdefault(value, (label, number, 0))
        # A value nothing is known by (a mistyped address) is listed as it is, so that
        # the visitor can remove it.
        return {value: found.get(value, (value, None, 0)) for value in values}
    return {value: (facet.describe([value])[1], None, 0) for value in values}


def ordering(sort, relevance):
    if sort == "title":
        return [Lower("title"), "pk"]
    if sort == "relevance" and relevance is not None:
        return [relevance, "-first_published_at", "-pk"]
    return ["-first_published_at", "-pk"]


def text_search_config(language):
    """PostgreSQL's text-search configuration (stemmer and stop words) for a language.
    PostgreSQL has none for Icelandic, which, like any other, is matched word for word."""
    configs = {
        "en": "english",
        "sv": "swedish",
        "da": "danish",
        "nb": "norwegian",
        "fi": "finnish",
    }
    return configs.get(language, "simple")


def match_text_in_postgresql(practices, text):
    """The practices matching the text in the visitor's language, or word for word (a
    Swedish term in an English text), and an ordering by relevance.

    Each practice's words are stored, stemmed in the practice's own language, in a
    ``PracticeSearchDocument`` that the database keeps current (migration 0005) and a GIN
    index searches, so a search reads only the matching practices, never all of them.
    """
    config = text_search_config(get_language())
    words = SearchQuery(text, config=config, search_type="websearch") | SearchQuery(
        text, config="simple", search_type="websearch"
    )
    practices = practices.filter(search_document__document=words)
    return practices, SearchRank(F("search_document__document"), words).desc()


def match_text_in_search_index(practices, text):
    """The practices the site's Wagtail search backend (SQLite FTS5 in development) finds
    for the text, and an ordering by its relevance."""
    # Wagtail's SQLite backend puts each word in double quotes without escaping those
    # inside it, so a quote in the text would break the query.
    words = text.replace('"', " ").strip()
    if not words:
        return practices.none(), None
    ids = [practice.pk for practice in practices.only("pk").search(words, operator="and")]
    position = Case(
        *(When(pk=pk, then=Value(index)) for index, pk in enumerate(ids)),
        default=Value(len(ids)),
    )
    return practices.filter(pk__in=ids), position.asc()
