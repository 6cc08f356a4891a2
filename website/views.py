import logging
import re

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.template.response import TemplateResponse
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.models import Page, get_page_models

from portal import page_cache, site_structure
from portal.querysets import PortalPageQuerySet
from practices.library_db import match_words, ranked_page, search_words
from practices.models import SEARCH_RESULT_FIELDS, PracticePage, PracticeSearchDocument

RESULTS_PER_PAGE = 10
WORDS = re.compile(r"\w+")
# Each word becomes a clause of the query; thousands of them exhaust the query compiler.
MAX_QUERY_WORDS = 32
# Wagtail's database index, kept current beside Elasticsearch's (WAGTAILSEARCH_BACKENDS).
FALLBACK_BACKEND = "database"

logger = logging.getLogger(__name__)


def search(request):
    """Site-wide search over every live page in the visitor's language."""
    query = request.GET.get("q", "").strip()
    number = request.GET.get("page")
    results = results_page(Page.objects.none(), number)
    if query:
        try:
            results = results_page(site_search(query, number), number)
        except (ApiError, TransportError):
            logger.exception("Site search answers from the database: Elasticsearch failed")
            results = results_page(site_search(query, number, backend=FALLBACK_BACKEND), number)
    # Any publish may change the results, and so may a view restriction, which changes
    # the site's structure (as the menu on the page does): stored until either happens.
    page_cache.tag_response(request, page_cache.ANY_CONTENT, site_structure.TAG)
    return TemplateResponse(
        request, "portal/search.html", {"search_query": query, "results": results}
    )


def results_page(results, number):
    page = Paginator(results, RESULTS_PER_PAGE).get_page(number)
    # Read now, where a failing search backend can still be replaced, not in the template.
    page.object_list = list(page.object_list)
    return page


def site_search(text, number=None, backend="default"):
    """Every live page matching the text, each once: in the visitor's language where it
    is translated, else in its original language (``in_visitor_language``).

    On PostgreSQL, practices (nearly all of the content) are matched by the library's
    stored documents, stemmed in their own language, so a Swedish search for "häst" finds
    "hästar"; they come first, most relevant first, followed by the other pages from
    Wagtail's search backend. Elsewhere Wagtail's backend searches every page. ``number``
    is the page of results the visitor asked for, read with the count of practices."""
    # Pages of every type, private sections known from the site's structure: Wagtail's
    # own Page queryset reads the view restrictions again.
    pages = PortalPageQuerySet(Page).live().public().in_visitor_language()
    # SQLite's FTS5 reads punctuation such as < > " * ^ as query syntax and fails on it;
    # Wagtail's backends need only the words, and a few dozen of them say what is wanted.
    words = " ".join(WORDS.findall(text)[:MAX_QUERY_WORDS])
    if connection.vendor != "postgresql":
        return searchable(pages).specific().search(words, backend=backend)
    # PostgreSQL refuses NUL in any text parameter.
    text = text.replace("\x00", "")
    documents, relevance = match_words(
        PracticeSearchDocument.objects.shown_to_visitor(), search_words(text), "document"
    )
    others = pages.filter(content_type__in=page_types_other_than(PracticePage))
    return PracticesThenPages(
        documents,
        relevance,
        searchable(others).specific().search(words, backend=backend),
        wanted=page_number(number),
    )


def page_number(number):
    """The page of results asked for, as the paginator will read it; 1 when it is none."""
    return int(number) if str(number).isdigit() and int(number) > 0 else 1


def searchable(pages):
    """The pages, filtered as Wagtail's search backends (the database's, Elasticsearch)
    can filter them: by the fields they index, here the pages' ids, since they cannot
    apply ``in_visitor_language``'s subquery. Pages other than practices are a few
    hundred."""
    return PortalPageQuerySet(Page).filter(pk__in=list(pages.values_list("pk", flat=True)))


def page_types_other_than(excluded):
    """The content types of every page model but one. Naming the wanted types lets
    PostgreSQL find the few pages of them by index; "not a practice" made it read the
    whole page table at each search (80 ms at 100,000 practices)."""
    models = [model for model in get_page_models() if not issubclass(model, excluded)]
    return [
        content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()
    ]


class PracticesThenPages:
    """Two result lists read as one for the paginator, each fetched only as far as the
    requested page needs: the practices ranked by their matching search documents, then
    the other pages. The paginator counts first: the practices of the page asked for
    (``wanted``) are found with their count, in one query (``ranked_page``)."""

    def __init__(self, documents, relevance, pages, wanted=1):
        self.documents = documents
        self.relevance = relevance
        self.pages = pages
        self.wanted_start = (wanted - 1) * RESULTS_PER_PAGE
        self.wanted_ids = None
        self._practice_count = None

    def practice_count(self):
        if self._practice_count is None:
            ids, total = ranked_page(
                self.documents,
                self.relevance,
                self.wanted_start,
                self.wanted_start + RESULTS_PER_PAGE,
            )
            if total is None:
                total = self.documents.count()
            else:
                self.wanted_ids = ids
            self._practice_count = total
        return self._practice_count

    def count(self):
        return self.practice_count() + self.pages.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        first = self.practice_count()
        found = []
        if start < first:
            found += self.practices_from(start, min(stop, first))
        if stop > first:
            found += list(self.pages[max(start - first, 0) : stop - first])
        return found

    def practices_from(self, start, stop):
        ids = self.wanted_ids
        if start != self.wanted_start or ids is None:
            ids, _total = ranked_page(self.documents, self.relevance, start, stop)
        # Only what a result shows: a practice's row carries a dozen long texts.
        by_id = PracticePage.objects.only(*SEARCH_RESULT_FIELDS).in_bulk(ids[: stop - start])
        return [by_id[pk] for pk in ids[: stop - start] if pk in by_id]
