"""Finding the page for an address in one query, whatever its depth.

Wagtail's ``Page.route`` walks down the tree one level at a time, reading each child
and then its specific page: two queries per level, seven for a practice at
/cities/stockholm/safety-walks/. The home page reads every page whose slug is in the
address at once (slugs are indexed, ``pages_on_path``), and the walk then goes down as
Wagtail's does, through each page's own ``route`` (``BasePage.route``, a routable
page's routes, the 404s), taking each child from what was read (``child_page``).
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin

from asgiref.local import Local
from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from portal import compat
from portal.request_memo import per_request
from portal.site_structure import shared

_walk = Local()


class SiteMiddleware:
    """Hands Wagtail the site of the request from the site's structure.

    Wagtail finds the site of every request with a query, then reads the site's home page
    as its own type with another, before routing the address from it. Both change only
    when an administrator edits a site or an editor publishes the home page, which drop
    the structure. This hands Wagtail the site before it looks (``portal.compat``), after
    the page cache, so a page served from there reads nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        compat.remember_site(request, site_for_request(request))
        return self.get_response(request)


def site_for_request(request):
    """The site for the request's host and port, with its home page as its own type; None
    when no site answers for it (Wagtail then serves no page)."""
    # CommonMiddleware has checked the host against ALLOWED_HOSTS: the keys are few.
    hostname, port = split_domain_port(request.get_host())[0], request.get_port()
    found = shared(("site", hostname, port), lambda: _read_site(request))
    if found is None:
        return None
    site, home = found
    site.root_page = home
    return site


def absolute_url(request, location):
    """The location as a full address on the request's site, with the site's configured
    host and port (``setup_site``), not whatever host the request named."""
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return urljoin(root + "/", location)


def _read_site(request):
    """The site and its home page as its own type, kept apart in the structure, which
    holds the values of rows, not the rows they are joined to."""
    site = Site.find_for_request(request)
    return None if site is None else (site, site.root_page.specific)


@dataclass
class Walk:
    """The pages below ``root`` whose slugs are in the address, as read for a walk down."""

    root: Page
    slugs: set
    deepest: int
    children: dict = field(default_factory=dict)


@contextmanager
def pages_on_path(root, path_components):
    """While routing the address from ``root``: the pages below it whose slugs are in
    the address, read in one query, for ``child_page``. The deepest page the address
    reaches in the tree is read as its own type with what its template shows beside it
    (``as_served``), as it will most likely be served; the pages above it as their own
    types without a query (``specific_deferred``), for their ``route``."""
    walk = Walk(root, set(path_components), root.depth + len(path_components))
    if path_components:
        candidates = list(
            Page.objects.filter(
                slug__in=walk.slugs, path__startswith=root.path, depth__lte=walk.deepest
            ).defer_streamfields()
        )
        chain = [root]
        for slug in path_components:
            child = next((page for page in candidates if is_child(page, chain[-1], slug)), None)
            if child is None:
                break
            chain.append(child)
        served = as_served(chain[-1]) if len(chain) > 1 else None
        for page in candidates:
            parent_path = page.path[: -Page.steplen]
            own_type = served if served and page.pk == served.pk else page.specific_deferred
            walk.children[parent_path, page.slug] = own_type
    outer = getattr(_walk, "current", None)
    _walk.current = walk
    try:
        yield
    finally:
        _walk.current = outer


def child_page(parent, slug):
    """The child of ``parent`` with the slug, as its own type, or None: from the pages
    read for the address being routed (``pages_on_path``) where they answer, else from
    the database, as Wagtail's ``Page.route`` reads it."""
    walk = getattr(_walk, "current", None)
    if (
        walk is not None
        and slug in walk.slugs
        and parent.depth < walk.deepest
        and parent.path.startswith(walk.root.path)
    ):
        child = walk.children.get((parent.path, slug))
        if child is not None:
            remember_ancestors(child, walk_to(walk, child))
        return child
    child = parent.get_children().filter(slug=slug).first()
    return child.specific if child is not None else None


def walk_to(walk, page):
    """The pages from the walk's root down to the page's parent."""
    above = {
        each.path: each
        for each in walk.children.values()
        if page.path.startswith(each.path) and each.depth > walk.root.depth
    }
    return [walk.root, *(above[path] for path in sorted(above) if path != page.path)]


def as_served(page):
    """The page as its own type, as ``Page.specific`` gives it, with the rows its template
    shows beside it (``served_with``) read in the same query."""
    model = page.specific_class
    related = getattr(model, "served_with", ())
    if not related:
        return page.specific
    return model._default_manager.select_related(*related).get(pk=page.pk)


def is_child(page, parent, slug):
    return (
        page.slug == slug and page.depth == parent.depth + 1 and page.path.startswith(parent.path)
    )


def remember_ancestors(page, ancestors):
    """The pages read on the way to the page, for its breadcrumbs."""
    per_request(("ancestors", page.pk), lambda: as_own_types(ancestors))


def ancestors_of(page):
    """The page's ancestors below the tree's root, from the walk that found it if there
    was one, else from the database."""
    return per_request(
        ("ancestors", page.pk),
        lambda: as_own_types(page.get_ancestors().filter(depth__gt=1)),
    )


def as_own_types(pages):
    """The pages as their own types, without a query (``specific_deferred``): their
    addresses then keep the visitor's language (``BasePage.get_url_parts``)."""
    return [page.specific_deferred for page in pages]
