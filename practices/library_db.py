"""The practice library answered by the database.

Text is matched by PostgreSQL's full-text search over each practice's stored document,
stemmed in the practice's language (``PracticeSearchDocument``), or
elsewhere (SQLite in development) by the site's Wagtail search backend.

On PostgreSQL every facet is counted in one query over the matching practices' stored
facet values (``PracticeSearchDocument.facets``); elsewhere each facet is counted with an
aggregate query over the relations. Either way the values are counted by slug or code
and their labels read in one more query, in the visitor's language, and the number of
queries stays the same however many practices, cities and tags there are.
"""

import dataclasses

from django.conf import settings
from django.contrib.postgres.search import SearchQueryField, SearchRank
from django.db import connection
from django.db.models import BooleanField, Case, Count, F, Func, IntegerField, Q, Value, When
from django.db.models.functions import Cast, Lower
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin

from portal import page_cache
from portal.localisation import active_locale

from .facets import LIBRARY_FACETS, STEMMERS
from .library import MAX_VALUES_PER_FACET, FacetValue, LibraryResult
from .models import PracticePage, PracticeSearchDocument


def search(query):
    """Answer a LibraryQuery: one page of practices, the total, and every facet's values."""
    practices = PracticePage.objects.public().live_in_visitor_language()
    relevance = None
    text = query.text.strip()
    selections = {
        name: values for name, values in query.filters if name in LIBRARY_FACETS and values
    }

    if connection.vendor == "postgresql":
        # The facets are counted over the search documents alone, the page of results
        # read from the practices: the same conditions, on either side of the relation.
        documents = PracticeSearchDocument.objects.shown_to_visitor()
        if text:
            words = search_words(text)
            practices, relevance = match_words(practices, words, "search_document__document")
            documents, _relevance = match_words(documents, words, "document")
        counts = count_stored_facets(documents, selections)
    else:
        if text:
            practices, relevance = match_text_in_search_index(practices, text)
        found = {}
        for name, facet in LIBRARY_FACETS.items():
            # Each facet counts what a click would give: the results narrowed by every
            # *other* facet's selection.
            others = narrow(practices, {n: v for n, v in selections.items() if n != name})
            found[name] = count_values(others, facet)
        counts = labelled(found)
    facets = {
        name: facet_values(facet, counts[name], selections.get(name, ()))
        for name, facet in LIBRARY_FACETS.items()
    }

    total = count_results(counts["status"], selections.get("status", ()))
    per_page = max(1, query.per_page)
    page = min(max(1, query.page), max(1, -(-total // per_page)))
    page_ids = []
    if total:
        start = (page - 1) * per_page
        page_ids = list(
            narrow(practices, selections)
            .order_by(*ordering(query.sort, relevance))
            .values_list("pk", flat=True)[start : start + per_page]
        )
    return LibraryResult(
        query=dataclasses.replace(query, page=page),
        practice_ids=page_ids,
        total=total,
        facets=facets,
    )


def narrow(practices, selections):
    """Several values of one facet widen the results; facets narrow each other."""
    for name, values in selections.items():
        if connection.vendor == "postgresql":
            condition = Q(search_document__facets__overlap=stored_values(name, values))
        else:
            condition = has_any(LIBRARY_FACETS[name], values)
        practices = practices.filter(condition)
    return practices


def has_any(facet, values):
    """The practices with any of the facet's values."""
    lookup = {f"{facet.path}__in": values}
    if facet.many:
        # A subquery rather than a join, so a practice with two of the values is one row.
        return Q(pk__in=PracticePage.objects.filter(**lookup).values("pk"))
    return Q(**lookup)


def stored_values(name, values):
    """A facet's values as ``PracticeSearchDocument.facets`` holds them: "goal:<slug>"."""
    return [f"{name}:{value}" for value in values]


# The query behind count_stored_facets. Each facet counts the matching practices that
# have every *other* facet's selection: those with every selection count for every facet;
# those lacking one facet's selection, for that facet only; those lacking two, for none.
# A practice's values are unnested in the select list (a stream), not joined to it (a
# table per practice). Facets ordered by count keep their top values (ties included) and
# the selected ones; the others keep every value.
COUNT_STORED_FACETS_SQL = """
WITH matching AS MATERIALIZED (
    SELECT facets, {selected} FROM ({matching}) AS practice (facets) {some_selected}
),
counted AS (
    SELECT value, count(*) AS count,
        rank() OVER (PARTITION BY split_part(value, ':', 1) ORDER BY count(*) DESC) AS place
    FROM ({values}) AS counted_value (value)
    GROUP BY value
)
SELECT value, count FROM counted
WHERE place <= %s OR split_part(value, ':', 1) = ANY(%s::text[]) OR value = ANY(%s::text[])
"""


def count_stored_facets(documents, selections):
    """Every facet's values with their labels, numbers and counts, as count_values gives
    them, in two queries: the counts of all facets at once from the matching search
    documents' stored facet values, then the labels of the values listed."""
    matching = documents.order_by().values("facets")
    matching_sql, matching_params = matching.query.sql_with_params()
    names = list(selections)
    selected = [stored_values(name, selections[name]) for name in names]
    flags = [f"selected_{number}" for number in range(len(names))]
    # Every value of the practices with every selection, and of those lacking exactly one
    # facet's selection, that facet's values.
    # The SQL is put together from fixed pieces; every value is a parameter.
    values = [f"SELECT unnest(facets) FROM matching WHERE {' AND '.join(flags) or 'true'}"]  # noqa: S608
    for number in range(len(names)):
        others = [flag for other, flag in enumerate(flags) if other != number]
        lacking = " AND ".join([f"NOT {flags[number]}", *others])
        values.append(
            "SELECT value FROM (SELECT unnest(facets) AS value FROM matching "  # noqa: S608
            f"WHERE {lacking}) AS lacking WHERE starts_with(value, %s)"
        )
    sql = COUNT_STORED_FACETS_SQL.format(
        matching=matching_sql,
        selected=", ".join(
            ["true AS selected_all", *(f"facets && %s::text[] AS {flag}" for flag in flags)]
        ),
        # A practice counts only if it has one selected facet's values at least (or
        # there are fewer than two selections): a condition the GIN index can answer.
        some_selected="WHERE facets && %s::text[]" if len(names) > 1 else "",
        values=" UNION ALL ".join(values),
    )
    params = [*selected, *matching_params]
    if len(names) > 1:
        params.append([value for values in selected for value in values])
    params += [f"{name}:" for name in names]
    params += [
        MAX_VALUES_PER_FACET,
        [name for name, facet in LIBRARY_FACETS.items() if facet.order != "count"],
        [value for values in selected for value in values],
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()

    found = {name: {} for name in LIBRARY_FACETS}
    for stored, count in rows:
        name, _colon, value = stored.partition(":")
        if name in found:
            found[name][value] = count
    # Selected values that no result has are listed with 0, and labelled with the rest.
    for name, values in selections.items():
        for value in values:
            found[name].setdefault(value, 0)
    return labelled(found)


def labelled(found):
    """Each facet's counted values, {facet: {value: count}}, with their labels and
    numbers: {facet: {value: (label, number, count)}}."""
    labels = label_values(found)
    return {
        name: {value: (*labels[name][value], count) for value, count in values.items()}
        for name, values in found.items()
    }


def label_values(values_by_facet):
    """Each value's label and number, {facet: {value: (label, number)}}. A term's label is
    in the visitor's language, else in the default language, else in any; a value
    nothing is known by (a mistyped address) is its own label, so that the visitor can
    remove it."""
    terms = term_labels()
    labels = {}
    for name, values in values_by_facet.items():
        facet = LIBRARY_FACETS[name]
        if facet.label:
            known = terms.get(name, {})
            labels[name] = {value: known.get(value, (value, None)) for value in values}
        else:
            labels[name] = {value: facet.describe([value])[1:] for value in values}
    return labels


NO_NUMBER = Value(None, output_field=IntegerField())


def term_labels():
    """Every term's label and number, {facet: {value: (label, number)}}, in the visitor's
    language where it has one, read in one query and kept as the cards are
    (``page_cache.kept``): until any content or the terms change."""

    def read():
        facets = [(name, facet) for name, facet in LIBRARY_FACETS.items() if facet.label]
        queries = [facet_term_rows(name, facet) for name, facet in facets]
        labels = {name: {} for name, _facet in facets}
        rows = queries[0].union(*queries[1:], all=True)
        for name, value, label, number, _preference in sorted(rows, key=lambda row: row[4]):
            labels[name].setdefault(value, (str(label), number))
        return labels

    return page_cache.kept("library-term-labels", [get_language()], read)


def facet_term_rows(name, facet):
    """The rows (facet, value, label, number, preference) of one facet's terms, the
    preference 0 in the visitor's language, 1 in the default one, 2 in another."""
    model = PracticePage._meta.get_field(facet.relation).related_model
    preference = Value(0)
    if issubclass(model, TranslatableMixin):
        preference = Case(
            When(locale__language_code=content_language(get_language()), then=Value(0)),
            When(locale__language_code=content_language(settings.LANGUAGE_CODE), then=Value(1)),
            default=Value(2),
        )
    return model._default_manager.order_by().values_list(
        Value(name), facet.value, facet.label, facet.number or NO_NUMBER, preference
    )


def content_language(language_code):
    """The language code of the locale that Locale.get_for_language would read (without
    reading it): "sv-se" is "sv"; a language without a locale is the default one."""
    try:
        return get_supported_content_language_variant(language_code)
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def count_values(practices, facet):
    """Each value's count of distinct practices, {value: count}, in one query. Counted by
    the value alone: practices filed with a term's different translations (its slug is
    the same in every language) count as one value, which ``label_values`` names in the
    visitor's language."""
    rows = (
        practices.order_by()
        .values_list(facet.lookups()[0])
        .annotate(count=Count("pk", distinct=True))
    )
    return {value: count for value, count in rows if value}


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
            terms = terms.filter(locale=active_locale())
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


def search_words(text):
    """The text as a full-text query that matches the practices' search documents in any
    language.

    Each practice's words are stored, stemmed in the practice's own language and word for
    word, in a ``PracticeSearchDocument`` that the database keeps current
    (``practices.search_sql``) and a GIN index searches, so a search reads only the
    matching practices, never all of them. The visitor's words are stemmed in every
    language the documents are (a Finnish visitor's "walks" finds an English practice's
    "walk") and taken word for word (a Swedish term in an English text), all in one query
    the index answers.
    """
    return Cast(Value(visitor_words(text)), SearchQueryField())


def match_words(queryset, words, document):
    """The rows whose search document (the lookup ``document``: "document" from the
    documents, "search_document__document" from the practices) matches the words, and an
    ordering by relevance."""
    matching = queryset.filter(Matches(F(document), words))
    return matching, SearchRank(F(document), words).desc()


# The ranking is materialised as (id, relevance) pairs, so that the documents are read
# once, and not carried through the sort or the count (at 100,000 practices they spilled
# to disk).
RANKED_PAGE_SQL = """
WITH ranked AS MATERIALIZED ({ranked})
SELECT pk, (SELECT count(*) FROM ranked) FROM ranked
ORDER BY relevance DESC, pk DESC LIMIT %s OFFSET %s
"""


def ranked_page(documents, relevance, start, stop):
    """The ids of the practices whose documents are from ``start`` to ``stop`` by
    relevance (most relevant first, then the newest id), and how many match in all, in
    one query over the documents alone: counted apart, every match was read twice (at
    100,000 practices, "walk" 505 ms against 216). Only the page's practices are then read
    whole, by id. The total is None when the page lies beyond the matches."""
    ranked = documents.order_by().annotate(relevance=relevance.expression).values("pk", "relevance")
    sql, params = ranked.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(RANKED_PAGE_SQL.format(ranked=sql), [*params, stop - start, start])
        rows = cursor.fetchall()
    if not rows:
        return [], None
    return [pk for pk, _total in rows], rows[0][1]


def visitor_words(text):
    """The visitor's words read in every language the documents are stemmed in, and word
    for word, as the text of one full-text query that matches where any reading does.
    Most languages read a word alike ("Stockholm" is "stockholm" in all six), so each
    reading is kept once. Read in a query of its own and handed to the search as a
    constant: PostgreSQL then plans the search knowing the words, and how many practices
    each matches. Computed inside the search, they were unknown to the planner, which took
    every word for a rare one (at 100,000 practices a word in every practice was sorted in
    full, on disk, instead of keeping the best twelve)."""
    configs = ["simple", *sorted(set(STEMMERS.values()))]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT websearch_to_tsquery(config::regconfig, %s)::text"
            " FROM unnest(%s::text[]) AS config",
            [text, configs],
        )
        readings = sorted(reading for (reading,) in cursor.fetchall() if reading)
    return " | ".join(f"({reading})" for reading in readings)


class Matches(Func):
    """A search document matching a full-text query."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def match_text_in_search_index(practices, text):
    """The practices the site's Wagtail search backend (SQLite FTS5 in development) finds
    for the text, and an ordering by its relevance."""
    # Wagtail's SQLite backend puts each word in double quotes without escaping those
    # inside it, so a quote in the text would break the query.
    words = text.replace('"', " ").strip()
    if not words:
        return practices.none(), None
    # Search backends filter only by the fields they index, not by in_visitor_language's
    # subquery: they search every live, public practice, and the database keeps those
    # the visitor is shown.
    searched = PracticePage.objects.live().public().only("pk").search(words, operator="and")
    ids = [practice.pk for practice in searched]
    position = Case(
        *(When(pk=pk, then=Value(index)) for index, pk in enumerate(ids)),
        default=Value(len(ids)),
    )
    return practices.filter(pk__in=ids), position.asc()
