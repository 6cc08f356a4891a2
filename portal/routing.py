"""Finding the page for an address in one query, whatever its depth.

Wagtail's ``Page.route`` walks down the tree one level at a time, reading each child
and then its specific page: two queries per level, seven for a practice at
/cities/stockholm/safety-walks/. ``deepest_page`` reads every page whose slug is in
the address at once (slugs are indexed), finds the chain from the site's root to the
deepest page in memory, and hands the rest of the address to that page's own ``route``,
so routable pages (a tour's city weeks, the library's goal pages), pages with routes of
their own and the 404s behave as Wagtail's walk would.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.http.request import split_domain_port
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from portal.memo import per_request
from portal.structure import shared


class SiteMiddleware:
    """Hands Wagtail the site of the request from the site's structure.

    Wagtail finds the site of every request with a query, then reads the site's home page
    as its own type with another, before routing the address from it. Both change only
    when an administrator edits a site or an editor publishes the home page, which drop
    the structure. Wagtail keeps the site it found on the request
    (``Site.find_for_request``); this fills that in before Wagtail looks, after the page
    cache, so a page served from there reads nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)


def site_for_request(request):
    """The site for the request's host and port, with its home page as its own type; None
    when no site answers for it (Wagtail then serves no page)."""
    # CommonMiddleware has checked the host against ALLOWED_HOSTS: the keys are few.
    hostname, port = split_domain_port(request.get_host())[0], request.get_port()
    return shared(("site", hostname, port), lambda: _read_site(hostname, port))


def absolute_url(request, location):
    """The location as a full address on the request's site, with the site's configured
    host and port (``setup_site``), not whatever host the request named."""
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return urljoin(root + "/", location)


def _read_site(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page = site.root_page.specific
    return site


def deepest_page(root, path_components):
    """The page the address leads to as far as the page tree goes, with the rest of
    the address for that page's own routes (or its 404)."""
    chain = [root]
    remaining = list(path_components)
    if remaining:
        candidates = list(
            Page.objects.filter(
                slug__in=set(remaining),
                path__startswith=root.path,
                depth__lte=root.depth + len(remaining),
            ).defer_streamfields()
        )
        # The root's own route is the one being answered; below it, each page's counts.
        while remaining and (len(chain) == 1 or walks_to_children(chain[-1], remaining)):
            child = next(
                (page for page in candidates if is_child(page, chain[-1], remaining[0])), None
            )
            if child is None:
                break
            chain.append(child)
            remaining.pop(0)
    page = chain[-1] if len(chain) == 1 else as_served(chain[-1])
    remember_ancestors(page, chain[:-1])
    return page, remaining


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


def walks_to_children(page, remaining):
    """Whether Wagtail's routing would look for the next part of the address among the
    page's children: true for a page that routes as ``Page`` does, and for a routable
    page whose own routes do not match the rest of the address."""
    page_class = page.specific_class or Page
    if page_class.route is Page.route:
        return True
    if page_class.route is RoutablePageMixin.route:
        if not page.live:
            return True
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return True
    return False


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
