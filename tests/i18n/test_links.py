"""Links keep the visitor's language, the language switcher leads to the same page in
every language, hreflang alternates are complete and reciprocal, and no internal link of
any language's site is broken.

The site is the one of tests/i18n/site.py: one live page of every public page type in
English, some translated into Swedish (the home page, the city directory and a city),
none into the other four languages. Pages not translated into a language are served
under its prefix in their original, so every page has six addresses."""

from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PREFIXES = {code: "/" if code == settings.LANGUAGE_CODE else f"/{code}/" for code in LANGUAGES}
# Addresses that are not pages of the portal: files, the admin, machine-readable views.
NOT_PAGES = ("/static/", "/media/", "/documents/", "/admin/", "/api/", "/sitemap.xml", "/i18n/")


class Links(HTMLParser):
    """The links of a page: every <a href>, the switcher's apart, and the alternates."""

    def __init__(self):
        super().__init__()
        self.links = []
        self.switcher = {}
        self.alternates = {}
        self.canonical = None
        self._in_switcher = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "language-switcher" in (attrs.get("class") or ""):
            self._in_switcher = 1
        elif tag == "nav" and self._in_switcher:
            self._in_switcher += 1
        if tag == "a" and attrs.get("href"):
            if self._in_switcher:
                self.switcher[attrs["hreflang"]] = attrs["href"]
            else:
                self.links.append(attrs["href"])
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_switcher:
            self._in_switcher -= 1


def links_of(response):
    parser = Links()
    parser.feed(response.content.decode())
    return parser


def internal_path(href):
    """The path of a link to this site (relative, or absolute on the test site), or None."""
    parts = urlsplit(href)
    if parts.scheme and parts.netloc != "testserver":
        return None
    if not parts.path.startswith("/") or parts.path.startswith(NOT_PAGES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def partly_translated_site(public_site, translate):
    """The English site, with the home page, the city directory and the city in Swedish."""
    translate(public_site["home"], "sv", title="Nordiska trygga städer")
    translate(public_site["city_index"], "sv", title="Medlemsstäder")
    translate(public_site["city"], "sv")
    return public_site


def english_paths(pages):
    """The pages' English addresses (a request leaves its language active in the test's
    thread, and the addresses follow the active language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return {name: page.get_url() for name, page in pages.items()}


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != settings.LANGUAGE_CODE])
def test_an_untranslated_page_links_onward_under_the_visitors_prefix(
    client, partly_translated_site, code
):
    """On the practice (translated into no language), every link to a page of the site,
    the menu, breadcrumbs and "see all" links included, keeps the visitor's prefix."""
    practice_path = english_paths(partly_translated_site)["practice"]
    response = client.get(PREFIXES[code] + practice_path.lstrip("/"))

    assert response.status_code == 200
    links = [internal_path(href) for href in links_of(response).links]
    links = [path for path in links if path]
    # The menu, the breadcrumbs, the city and the library at least.
    assert len(links) > 10
    assert [path for path in links if not path.startswith(PREFIXES[code])] == []
    assert PREFIXES[code] + "practices/" in links
    assert PREFIXES[code] + "about/" in links


def test_the_translated_home_page_links_to_untranslated_sections_under_its_prefix(
    client, partly_translated_site
):
    links = [internal_path(href) for href in links_of(client.get("/sv/")).links]

    assert "/sv/practices/" in links
    assert "/sv/events/" in links
    assert "/practices/" not in links


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_switcher_link_leads_to_the_same_page_and_answers(
    client, partly_translated_site, code
):
    """From every page in each language, the switcher's six links answer 200, each in its
    own language, and lead to the same page: the English link to the English page."""
    for name, path in english_paths(partly_translated_site).items():
        response = client.get(PREFIXES[code] + path.lstrip("/"))
        assert response.status_code == 200, (code, name)
        switcher = links_of(response).switcher
        assert set(switcher) == set(LANGUAGES), (code, name)
        for target_code, href in switcher.items():
            assert href.startswith(PREFIXES[target_code]), (code, name, href)
            target = client.get(href)
            assert target.status_code == 200, (code, name, href)
            assert f'<html lang="{target_code}">' in target.content.decode()
        assert switcher[settings.LANGUAGE_CODE] == path, (code, name)


def test_the_switcher_keeps_a_routable_sub_page_and_the_query(client, partly_translated_site):
    library = english_paths(partly_translated_site)["practice_library"]
    goal = f"{library}goals/safe-urban-spaces/"

    switcher = links_of(client.get(f"/fi{goal}", {"country": "SE"})).switcher

    assert switcher["en"] == f"{goal}?country=SE"
    assert switcher["fi"] == f"/fi{goal}?country=SE"
    assert switcher["sv"] == f"/sv{goal}?country=SE"


def crawl(client, start_paths, limit=2000):
    """Every internal address reachable from the start, with the links found on each.
    Query strings are followed once per path (the library's facet links would multiply
    the addresses without reaching other pages)."""
    queue = list(start_paths)
    seen_paths = set()
    pages = {}
    broken = []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        bare = path.split("?")[0]
        if bare in seen_paths:
            continue
        seen_paths.add(bare)
        response = client.get(path)
        if response.status_code != 200:
            broken.append((path, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        links = links_of(response)
        pages[path] = links
        for href in [*links.links, *links.switcher.values(), *links.alternates.values()]:
            target = internal_path(href)
            if target and target.split("?")[0] not in seen_paths:
                queue.append(target)
    return pages, broken


def test_no_internal_link_is_broken_in_any_language(client, partly_translated_site):
    pages, broken = crawl(client, PREFIXES.values())

    assert broken == []
    # Every language's copy of every page was reached.
    for code, prefix in PREFIXES.items():
        for name, path in english_paths(partly_translated_site).items():
            assert prefix + path.lstrip("/") in {p.split("?")[0] for p in pages}, (code, name)


def test_hreflang_lists_every_language_reciprocally_with_x_default(client, partly_translated_site):
    pages, _broken = crawl(client, PREFIXES.values())
    page_addresses = {
        f"http://testserver{prefix}{path.lstrip('/')}"
        for prefix in PREFIXES.values()
        for path in english_paths(partly_translated_site).values()
    }
    checked = 0
    for path, links in pages.items():
        address = f"http://testserver{path}"
        if address not in page_addresses:
            continue
        checked += 1
        alternates = links.alternates
        assert set(alternates) == {*LANGUAGES, "x-default"}, path
        assert alternates["x-default"] == alternates[settings.LANGUAGE_CODE]
        # Itself included, under its own language, and it is its own canonical address.
        assert address in alternates.values(), path
        assert links.canonical == address, path
        for code in LANGUAGES:
            other = pages[internal_path(alternates[code])]
            assert other.alternates == alternates, (path, code)
    assert checked == len(page_addresses)


def test_a_language_without_a_translated_home_page_still_has_every_page(client, public_site):
    """No page is translated into Finnish: the Finnish home page is the English one, served
    under /fi/ with a Finnish interface."""
    assert not public_site["home"].has_translation(Locale.objects.get(language_code="fi"))

    response = client.get("/fi/")

    switcher = links_of(response).switcher
    assert switcher == {code: PREFIXES[code] for code in LANGUAGES}


SITEMAP = {
    "sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def test_the_sitemap_lists_every_page_in_every_language_with_alternates(
    client, partly_translated_site
):
    english = english_paths(partly_translated_site)
    library = english["practice_library"]
    wanted = [
        *english.values(),
        f"{library}goals/safe-urban-spaces/",
        f"{library}themes/local-safe-city-alliances/",
        f"{english['tour']}{partly_translated_site['city'].slug}/",
        "/membership/apply/",
    ]

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    entries = {}
    # The sitemap is our own response.
    root = ElementTree.fromstring(response.content)  # noqa: S314
    for url in root.findall("sitemap:url", SITEMAP):
        location = url.find("sitemap:loc", SITEMAP).text
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP)
        }
        assert location not in entries, f"{location} is listed twice"
        entries[location] = alternates
    for path in wanted:
        for code, prefix in PREFIXES.items():
            address = f"http://testserver{prefix}{path.lstrip('/')}"
            assert address in entries, address
            alternates = entries[address]
            assert set(alternates) == {*LANGUAGES, "x-default"}, address
            assert alternates[code] == address
            assert alternates["x-default"] == f"http://testserver{path}"
            # Reciprocal: each alternate lists the same set.
            assert all(entries[other] == alternates for other in alternates.values())
    for address in entries:
        assert client.get(internal_path(address)).status_code == 200, address
