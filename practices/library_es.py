"""The practice library answered by Elasticsearch (see ``practices.library``).

Elasticsearch finds the page of practice ids and counts the facet values; the database
supplies the practices for the cards and the facet values' labels, in the visitor's
language.
"""

import dataclasses
import logging

from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.dsl import FacetedSearch, TermsFacet
from wagtail.models import TranslatableMixin

from portal.localisation import active_locale

from . import library_db, search_index
from .facets import LIBRARY_FACETS
from .library import LibraryResult
from .library_db import facet_values
from .models import PracticePage

logger = logging.getLogger(__name__)

SORT_ORDERS = {
    "relevance": ["_score", "-first_published_at", "-page_id"],
    "newest": ["-first_published_at", "-page_id"],
    "title": ["title_sort", "page_id"],
}
# Elasticsearch refuses to page past this many hits (index.max_result_window).
MAX_RESULT_WINDOW = 10_000
# Every value of a facet, up to this many, so that the values can be ordered and trimmed
# to MAX_VALUES_PER_FACET as the database backend does: it breaks ties in counts by
# label, and orders goals and themes by their number, which the index does not hold.
FACET_BUCKETS = 500


class PracticeSearch(FacetedSearch):
    """Text search and facets in one request, in the visitor's language.

    FacetedSearch puts the facet filters in a post_filter (the hits are narrowed by
    every facet, OR within one) and counts each facet under the filters of the *other*
    facets, so every count says what a click would give.
    """

    facets = {
        name: TermsFacet(
            field=name, size=FACET_BUCKETS, order=[{"_count": "desc"}, {"_key": "asc"}]
        )
        for name in LIBRARY_FACETS
    }

    def __init__(self, query, language_code, using, index):
        self.language_code = language_code
        self.using = using
        self.index = index
        self.selected = dict(query.filters)
        super().__init__(query.text or None, filters=self.selected, sort=SORT_ORDERS[query.sort])

    def search(self):
        return (
            super()
            .search()
            .filter("term", locale=self.language_code)
            .source(False)
            .extra(track_total_hits=True)
        )

    def query(self, search, query):
        # cross_fields with "and": every word must be somewhere in the practice, in any
        # of its fields. Fields analysed alike are searched together: a practice matches
        # if all the words match in its language, or all of them word for word.
        return search.query(
            "multi_match",
            query=query,
            fields=search_index.text_fields(self.language_code),
            type="cross_fields",
            operator="and",
        )

    def aggregate(self, search):
        super().aggregate(search)
        # A selected value may rank below a facet's top values; count it on its own so it
        # is always shown with its true count.
        for name, values in self.selected.items():
            search.aggs["_filter_" + name].bucket(
                "selected", "terms", field=name, include=list(values), size=len(values)
            )


def build_search(query, language_code=None):
    """The search for one page of a LibraryQuery, not yet sent."""
    language_code = language_code or active_locale().language_code
    per_page = max(1, query.per_page)
    page = min(max(1, query.page), MAX_RESULT_WINDOW // per_page)
    start = (page - 1) * per_page
    faceted = PracticeSearch(
        query, language_code, using=search_index.client(), index=search_index.index_name()
    )
    return faceted[start : start + per_page]


def labelled(facet, values, locale):
    """Each value's label and number (for facets ordered by it) from the database, in one
    query at most; a value nothing is known by keeps itself as its label."""
    if not facet.label:
        return {value: facet.describe([value])[1:] for value in values}
    model = PracticePage._meta.get_field(facet.relation).related_model
    terms = model._default_manager.filter(**{f"{facet.value}__in": values})
    if issubclass(model, TranslatableMixin):
        terms = terms.filter(locale=locale)
    found = {}
    for row in terms.values_list(*facet.fields()):
        value, label, number = facet.describe(row)
        found.setdefault(value, (label, number))
    return {value: found.get(value, (value, None)) for value in values}


def facet_counts(response, name, selected):
    """A facet's values and their counts from the response's aggregations."""
    counts = {value: count for value, count, _selected in response.facets[name]}
    if selected:
        buckets = response.aggregations["_filter_" + name]["selected"]["buckets"]
        counts.update({bucket["key"]: bucket["doc_count"] for bucket in buckets})
        counts.update({value: 0 for value in selected if value not in counts})
    return counts


def search(query):
    """The library from Elasticsearch; from the database while the cluster cannot be
    reached or has no index yet, so that visitors get an answer and the error a log line."""
    try:
        return search_cluster(query)
    except (ApiError, TransportError):
        logger.exception("The practice library answers from the database: Elasticsearch failed")
        return library_db.search(query)


def search_cluster(query):
    locale = active_locale()
    response = build_search(query, locale.language_code).execute()
    total = response.hits.total.value
    page_count = max(1, -(-total // max(1, query.per_page)))
    if query.page > page_count:
        # Past the last page (an old link): the last page, as the database backend does.
        query = dataclasses.replace(query, page=page_count)
        response = build_search(query, locale.language_code).execute()
    page_ids = [int(hit.meta.id) for hit in response]
    # The index may not yet know of a practice unpublished or restricted since.
    shown = set(
        PracticePage.objects.live().public().filter(pk__in=page_ids).values_list("pk", flat=True)
    )

    facets = {}
    for name, facet in LIBRARY_FACETS.items():
        selected = query.selected(name)
        counts = facet_counts(response, name, selected)
        labels = labelled(facet, list(counts), locale) if counts else {}
        # Ordered and trimmed as the database backend does, so both show the same list.
        facets[name] = facet_values(
            facet,
            {value: (*labels[value], count) for value, count in counts.items()},
            selected,
        )
    return LibraryResult(
        query=query,
        practice_ids=[pk for pk in page_ids if pk in shown],
        total=total,
        facets=facets,
    )
