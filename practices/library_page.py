"""What the practice library's pages show around a search result: the facets with their
"Show more", the active filters and the links that remove them, the view's title, the
pages of results, the feeds' links and the overview charts. Small functions of the
library page (``PracticeIndexPage``), the request and the result (practices.library),
which the page's routes put in their context."""

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.models import CapitalCodeTheme, CharterGoal

from . import charts, stats
from .library import FACETS, SORTS, LibraryQuery, search_library

# A facet shows this many values; the rest wait behind "Show more".
FACET_VALUES_SHOWN = 6
# A goal's or theme's page names this many of the cities most active in it.
CITIES_SHOWN = 5


def library_context(library, request):
    """The library itself: the search, its facets and filters, results and charts."""
    query = LibraryQuery.from_querydict(request.GET)
    result = search_library(query)
    summary = filter_summary(result)
    return {
        "query": result.query,
        "result": result,
        "facet_groups": facet_groups(result),
        "selected_count": sum(len(values) for _name, values in query.filters),
        "sorts": SORTS,
        "active_filters": active_filters(library, request, result),
        "filter_summary": summary,
        "feed_title": titled(library, summary),
        "pagination": pagination(library, request, result),
        "feeds": feed_urls(library, request, query),
        "charts": overview_charts(library, request, result),
    }


def term_context(library, request, term, facet, kind):
    """A goal's or theme's own page: what it means, its practices and who is active."""
    page_number = LibraryQuery.from_querydict(request.GET).page
    query = LibraryQuery(filters=((facet, (term.slug,)),), sort="newest", page=page_number)
    result = search_library(query)
    chart_model = CharterGoal if facet == "goal" else CapitalCodeTheme
    return {
        "term": term,
        "term_kind": kind,
        "query": result.query,
        "result": result,
        "pagination": pagination(library, request, result, path=library.term_path(term)),
        "library_url": url_with(library, request, query.to_querydict()),
        "feeds": feed_urls(library, request, query),
        "feed_title": titled(library, term.name),
        # Read only where the page's kept sections are missing (practice_term_page.html).
        "most_active_cities": SimpleLazyObject(
            lambda: stats.most_active_cities(result.facets["city"], limit=CITIES_SHOWN)
        ),
        # The landing page's results are the term's; its facet counts every term as if it
        # were selected instead, which is the whole library's count.
        "chart": SimpleLazyObject(
            lambda: chart(library, request, chart_model, result.facets[facet], current=term)
        ),
    }


def url_with(library, request, params, path=""):
    """The library's address (or one of its routes') with the query's parameters."""
    url = library.get_url(request) + path
    return f"{url}?{params.urlencode()}" if params else url


def feed_urls(library, request, query):
    params = query.to_querydict(sort=None)
    return {
        "atom": url_with(library, request, params, library.reverse_subpage("atom_feed")),
        "rss": url_with(library, request, params, library.reverse_subpage("rss_feed")),
    }


def facet_groups(result):
    """Every facet with its values split into those shown and those behind "Show more"
    (opened when one of them is selected), each value with its checkbox's id."""
    groups = []
    for name, legend in FACETS.items():
        values = [(checkbox_id(name, value), value) for value in result.facets.get(name, [])]
        more = values[FACET_VALUES_SHOWN:]
        groups.append(
            {
                "name": name,
                "legend": legend,
                "shown": values[:FACET_VALUES_SHOWN],
                "more": more,
                "more_open": any(value.selected for _id, value in more),
            }
        )
    return groups


def checkbox_id(facet, value):
    """The id of a facet value's checkbox: "facet-goal-safe-urban-spaces"."""
    return slugify(f"facet-{facet}-{value.value}")


def selected_labels(result):
    """(facet name, value, label) for every selected value, in the facets' order."""
    labels = {
        (name, value.value): value.label
        for name, values in result.facets.items()
        for value in values
    }
    return [
        (name, value, labels.get((name, value), value))
        for name in FACETS
        for value in result.query.selected(name)
    ]


def active_filters(library, request, result):
    """The search words and each selected value, with the URL that removes it."""
    query = result.query
    filters = []
    if query.text:
        filters.append(
            {
                "facet": _("Search"),
                "label": f"\u201c{query.text}\u201d",
                "url": url_with(library, request, query.to_querydict(q=None, sort=None)),
            }
        )
    for name, value, label in selected_labels(result):
        filters.append(
            {
                "facet": FACETS[name],
                "label": label,
                "url": url_with(library, request, query.toggled(name, value)),
            }
        )
    return filters


def filter_summary(result):
    """The selected values in words, for the page's title and the feed's."""
    parts = [label for _name, _value, label in selected_labels(result)]
    if result.query.text:
        parts.insert(0, f"\u201c{result.query.text}\u201d")
    return ", ".join(str(part) for part in parts)


def titled(library, summary):
    """The library's title with what a view shows: "Good practices: Sweden"."""
    if not summary:
        return library.title
    return _("%(library)s: %(view)s") % {"library": library.title, "view": summary}


def pagination(library, request, result, path=""):
    """Links to the result's pages that keep the query, with an ellipsis for long runs."""
    query = result.query
    if result.page_count < 2:
        return None
    number = min(query.page, result.page_count)
    paginator = Paginator(range(result.total), query.per_page)

    def url(page):
        return url_with(library, request, query.to_querydict(page=page if page > 1 else None), path)

    return {
        "previous": url(number - 1) if number > 1 else None,
        "next": url(number + 1) if number < result.page_count else None,
        "pages": [
            {
                "number": page,
                "url": None if page == paginator.ELLIPSIS else url(page),
                "current": page == number,
            }
            for page in paginator.get_elided_page_range(number, on_each_side=1, on_ends=1)
        ],
    }


def chart(library, request, term_model, facet_values, current=None):
    """Live practices per charter goal or per Capital Code theme, each bar linking to the
    term's page."""
    if term_model is CharterGoal:
        slug, title, heading = "goals", _("Live practices per charter goal"), _("Charter goal")
    else:
        slug, title = "themes", _("Live practices per Capital Code theme")
        heading = _("Capital Code theme")
    return charts.practices_chart(
        slug,
        title,
        heading,
        stats.terms_with_practice_counts(term_model, facet_values),
        url_for=lambda term: library.term_url(term, request),
        current=current,
    )


def overview_charts(library, request, result):
    """The library's overview, practices per goal and per theme, on the unfiltered
    library, whose goal and theme counts are the whole library's."""
    if result.query.text or result.query.filters:
        return []
    return [
        chart(library, request, CharterGoal, result.facets["goal"]),
        chart(library, request, CapitalCodeTheme, result.facets["theme"]),
    ]
