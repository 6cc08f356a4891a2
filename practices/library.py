"""The practice library's query and result, shared by its search backends.

A visitor's filtered view is a ``LibraryQuery`` (parsed from, and written back to, the
URL, so every view can be shared). ``search_library`` answers it with a
``LibraryResult``: one page of practices, the total, and for every facet its values with
counts. Several values within a facet widen the search (OR); facets narrow each other
(AND); and each facet's counts respect every *other* selected facet, so a visitor sees
how many results a click would give.

Two backends answer the same query with the same results and counts: the database
(``practices.library_db``) and, when ``ELASTICSEARCH_URL`` is set, Elasticsearch
(``practices.library_es``).
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import page_cache

from .facets import LIBRARY_FACETS

# The facets' legends by URL parameter, in the order the library shows them.
FACETS = {name: facet.verbose_name for name, facet in LIBRARY_FACETS.items()}
SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "title": _("Title"),
}
PER_PAGE = 12
MAX_VALUES_PER_FACET = 20


def without_nul(value):
    """PostgreSQL refuses NUL characters in any text it is given."""
    return value.replace("\x00", "")


@dataclass(frozen=True)
class LibraryQuery:
    text: str = ""
    # facet name -> the selected values (slugs or codes), sorted, no duplicates
    filters: tuple = ()
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def from_querydict(cls, params):
        text = without_nul(params.get("q", "")).strip()[:200]
        filters = tuple(
            (name, tuple(sorted({without_nul(value) for value in params.getlist(name) if value})))
            for name in FACETS
            if any(params.getlist(name))
        )
        sort = params.get("sort", "")
        if sort not in SORTS:
            sort = "relevance" if text else "newest"
        try:
            page = max(1, int(params.get("page", 1)))
        except ValueError:
            page = 1
        return cls(text=text, filters=filters, sort=sort, page=page)

    def selected(self, facet):
        return dict(self.filters).get(facet, ())

    def to_querydict(self, **changes):
        """The query as URL parameters, with ``changes`` applied (page=..., sort=...)."""
        params = QueryDict(mutable=True)
        if self.text:
            params["q"] = self.text
        for name, values in self.filters:
            params.setlist(name, list(values))
        if self.sort != ("relevance" if self.text else "newest"):
            params["sort"] = self.sort
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = value
        return params

    def toggled(self, facet, value):
        """The URL parameters with one facet value added or removed (back to page 1)."""
        selected = set(self.selected(facet))
        selected.symmetric_difference_update({value})
        filters = dict(self.filters)
        filters[facet] = tuple(sorted(selected))
        query = LibraryQuery(
            text=self.text,
            filters=tuple((n, v) for n, v in filters.items() if v),
            sort=self.sort,
        )
        return query.to_querydict()


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class LibraryResult:
    query: LibraryQuery
    practice_ids: list  # the requested page of practices, by id, in the result's order
    total: int
    facets: dict = field(default_factory=dict)  # facet name -> [FacetValue]

    @cached_property
    def practices(self):
        """The page's practices, ready for cards, read in one query when first asked for:
        a page whose cards are kept rendered (practices/includes/library_cards.html)
        reads none."""
        from .models import PracticePage

        found = PracticePage.objects.for_cards().in_bulk(self.practice_ids)
        return [found[pk] for pk in self.practice_ids if pk in found]

    @property
    def page_count(self):
        return max(1, -(-self.total // self.query.per_page))


def search_library(query):
    """Answer the query from Elasticsearch when it is configured, else the database.

    A view without search words (a goal's or a theme's page, a country's practices) is
    one that many visitors share, and is kept as the cards are (``page_cache.kept``):
    for everyone, in each language, until any content changes. Words are searched anew
    each time."""
    if query.text:
        return backend().search(query)
    return page_cache.kept(
        "library-result", [get_language(), repr(query)], lambda: backend().search(query)
    )


def backend():
    if settings.ELASTICSEARCH_URL:
        from . import library_es

        return library_es
    from . import library_db

    return library_db
