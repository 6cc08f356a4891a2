"""The sitemap: every public page in every language, with its alternates.

Every page is served under every language's prefix (``portal.models.HomePage.route``):
in its translation where there is one, else in its original. Each address is listed
once, by the page shown there, with the addresses of all six languages and x-default as
``xhtml:link`` alternates, the same set on every one of them. Routable pages add their
sub-pages (``BasePage.sitemap_sub_paths``: the library's goal and theme pages, a tour's
city weeks); views outside the page tree that search engines should find are listed by
URL name (``ViewSitemap``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import override
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.localisation import address_in_language, language_of
from portal.request_memo import per_request
from portal.routing import absolute_url

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class PageSitemap(Sitemap):
    """Wagtail's sitemap of the site's pages, in every language's tree, not only the
    source language's."""

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(in_site_trees(self.get_wagtail_site()))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def in_site_trees(site):
    homes = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in homes:
        condition |= Q(path__startswith=path)
    return condition


class ViewSitemap(DjangoSitemap):
    """Views outside the page tree, by URL name, in every language with alternates."""

    i18n = True
    languages = LANGUAGES
    alternates = True
    x_default = True

    def __init__(self, names):
        self.names = names

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)

    def get_urls(self, page=1, site=None, protocol=None):
        # The configured site's address (setup_site), not Django's sites framework.
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = absolute_url(None, urlsplit_path(url["location"]))
            for alternate in url["alternates"]:
                alternate["location"] = absolute_url(None, urlsplit_path(alternate["location"]))
        return urls


def urlsplit_path(location):
    return urlsplit(location).path


def shown_by_language(page, request):
    """For each language, the live public page shown at the page's address under its
    prefix: its translation, else the original, looked for as routing does (the source
    language's first). Read for the whole site once per request."""
    groups = per_request(("sitemap translations",), read_translation_groups)
    group = groups.get(page.translation_key, {})
    fallback = next((group[code] for code in LANGUAGES if code in group), page)
    return {code: group.get(code, fallback) for code in LANGUAGES}


def read_translation_groups():
    groups = {}
    rows = Page.objects.live().public().only("url_path", "locale", "translation_key", "path")
    for row in rows:
        groups.setdefault(row.translation_key, {})[language_of(row.locale_id)] = row
    return groups


def sitemap_urls(page, request):
    """The sitemap's entries for a page: one per language it is shown in, and the same
    for each of its routable sub-pages, each with all six languages' addresses."""
    shown = shown_by_language(page, request)
    own = [code for code in LANGUAGES if shown[code].pk == page.pk]
    if not own:
        return []
    addresses = {}
    for code in LANGUAGES:
        base = address_in_language(shown[code], code, request)
        if base is None:
            return []
        with override(code):
            sub_paths = ["", *page.sitemap_sub_paths()]
        addresses[code] = [absolute_url(request, base + sub.lstrip("/")) for sub in sub_paths]
    lastmod = page.last_published_at or page.latest_revision_created_at
    entries = []
    for index in range(len(addresses[LANGUAGES[0]])):
        alternates = [{"lang_code": code, "location": addresses[code][index]} for code in LANGUAGES]
        alternates.append({"lang_code": "x-default", "location": addresses[LANGUAGES[0]][index]})
        entries += [
            {"location": addresses[code][index], "lastmod": lastmod, "alternates": alternates}
            for code in own
        ]
    return entries
