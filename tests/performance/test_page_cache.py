"""Anonymous visitors get whole pages from the cache, and publishing, unpublishing,
moving or deleting a page drops exactly the stored pages that show it."""

import gzip
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import Client
from django.utils.cache import patch_vary_headers

from portal import page_cache as page_cache_module
from portal.page_cache import ANY_CONTENT, StoredPageMiddleware, tag_response
from practices.models import PracticeIndexPage

pytestmark = pytest.mark.django_db


def visit(url, client=None):
    response = (client or Client()).get(url)
    return response, response.content.decode()


@pytest.fixture
def pages(home, cities, walk):
    """The pages that show the practice, and one that does not."""
    library = PracticeIndexPage.objects.child_of(home).get()
    return {
        "practice": walk.url,
        "its city": cities["stockholm"].url,
        "library": library.url,
        "library search": library.url + "?q=walks",
        "home": home.url,
    }


def warm(urls):
    for url in urls:
        first, _ = visit(url)
        assert first.status_code == 200
        assert first["X-Page-Cache"] == "miss"
        again, _ = visit(url)
        assert again["X-Page-Cache"] == "hit"


def test_an_anonymous_visitor_gets_the_stored_page_without_a_query(
    page_cache, walk, django_assert_num_queries
):
    first, html = visit(walk.url)
    with django_assert_num_queries(0):
        again, cached_html = visit(walk.url)

    assert first["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert cached_html == html


def test_publishing_a_practice_leaves_no_stale_page_that_shows_it(
    page_cache, pages, cities, walk, django_capture_on_commit_callbacks
):
    unrelated = cities["oslo"].url
    warm([*pages.values(), unrelated])

    walk.title = "Night walks at the station"
    with django_capture_on_commit_callbacks(execute=True):
        walk.save_revision().publish()

    for name, url in pages.items():
        response, html = visit(url)
        assert response["X-Page-Cache"] == "miss", name
        assert "Night walks at the station" in html, name
        assert "Safety walks at the station" not in html, name
    # A page that does not show the practice stays in the cache.
    assert visit(unrelated)[0]["X-Page-Cache"] == "hit"


def test_unpublishing_a_practice_removes_it_from_every_stored_page(
    page_cache, pages, cities, walk, django_capture_on_commit_callbacks
):
    warm(pages.values())

    with django_capture_on_commit_callbacks(execute=True):
        walk.unpublish()

    assert Client().get(pages["practice"]).status_code == 404
    for name in ("its city", "library", "library search", "home"):
        _response, html = visit(pages[name])
        assert "Safety walks at the station" not in html, name


def test_moving_a_practice_refreshes_both_cities(
    page_cache, cities, walk, django_capture_on_commit_callbacks
):
    stockholm, oslo = cities["stockholm"], cities["oslo"]
    warm([stockholm.url, oslo.url])

    with django_capture_on_commit_callbacks(execute=True):
        walk.move(oslo, pos="last-child")

    assert "Safety walks at the station" not in visit(stockholm.url)[1]
    assert "Safety walks at the station" in visit(oslo.url)[1]


def test_deleting_a_practice_refreshes_the_pages_that_listed_it(
    page_cache, pages, walk, django_capture_on_commit_callbacks
):
    warm([pages["its city"], pages["library"]])

    with django_capture_on_commit_callbacks(execute=True):
        walk.delete()

    assert "Safety walks at the station" not in visit(pages["its city"])[1]
    assert "Safety walks at the station" not in visit(pages["library"])[1]


def test_a_visitor_with_a_session_is_never_served_a_stored_page(page_cache, walk):
    warm([walk.url])
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "someone"

    response, _html = visit(walk.url, client)

    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("writes_to_session", [False, True])
def test_a_response_whose_view_wrote_to_the_session_is_not_stored(
    page_cache, rf, writes_to_session
):
    calls = []

    def view(request):
        calls.append(request)
        if writes_to_session:
            request.session["seen_the_tour"] = True
        tag_response(request, ANY_CONTENT)
        return HttpResponse("Welcome back" if writes_to_session else "Welcome")

    # As in the settings: the page cache sees what the session middleware answers.
    serve = StoredPageMiddleware(SessionMiddleware(view))
    first = serve(rf.get("/a-view/"))
    second = serve(rf.get("/a-view/"))

    if writes_to_session:
        assert settings.SESSION_COOKIE_NAME in first.cookies
        assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
        assert len(calls) == 2
    else:
        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
        assert len(calls) == 1


def test_nothing_is_stored_when_the_cache_is_off(settings, walk):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0

    assert "X-Page-Cache" not in Client().get(walk.url)


class CountingReads:
    """The page cache, counting its round trips for reading."""

    def __init__(self, cache):
        self.cache = cache
        self.reads = []

    def __getattr__(self, name):
        if name in ("get", "get_many"):
            self.reads.append(name)
        return getattr(self.cache, name)


def test_a_stored_page_is_read_with_its_tags_in_one_round_trip(page_cache, walk, monkeypatch):
    visit(walk.url)
    counting = CountingReads(page_cache_module.store())
    monkeypatch.setattr(page_cache_module, "store", lambda: counting)

    again, _ = visit(walk.url)

    assert again["X-Page-Cache"] == "hit"
    assert counting.reads == ["get_many"]


def test_a_page_stored_by_another_process_is_served_after_reading_its_tags(
    page_cache, walk, monkeypatch
):
    _first, html = visit(walk.url)
    # This process has not seen the page's tags: another one stored it.
    monkeypatch.setattr(page_cache_module, "stored_tags", {})
    counting = CountingReads(page_cache_module.store())
    monkeypatch.setattr(page_cache_module, "store", lambda: counting)

    again, cached_html = visit(walk.url)

    assert again["X-Page-Cache"] == "hit"
    assert cached_html == html
    assert counting.reads == ["get_many", "get_many"]


def without_cache_marker(response):
    return {name: value for name, value in response.items() if name != "X-Page-Cache"}


def test_a_stored_page_is_answered_with_every_header_of_the_first_answer(page_cache, walk):
    first = Client().get(walk.url)
    again = Client().get(walk.url)

    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert without_cache_marker(again) == without_cache_marker(first)
    # What the middleware below the cache adds: the policy, the language, the length.
    assert "script-src 'self'" in again["Content-Security-Policy"]
    assert again["Content-Language"] == "en"
    assert int(again["Content-Length"]) == len(again.content)


def test_a_stored_page_is_answered_before_the_middleware_it_does_not_need(page_cache, walk):
    visit(walk.url)
    failing = RuntimeError("a stored page must not reach this")
    with (
        mock.patch(
            "django.middleware.locale.LocaleMiddleware.process_request", side_effect=failing
        ),
        mock.patch("portal.routing.SiteMiddleware.__call__", side_effect=failing),
        mock.patch("portal.security.PortalCSPMiddleware.process_response", side_effect=failing),
    ):
        again = Client(raise_request_exception=False).get(walk.url)

    assert again.status_code == 200
    assert again["X-Page-Cache"] == "hit"
    assert "Safety walks at the station" in again.content.decode()


def test_a_page_is_compressed_once_for_the_browsers_that_accept_gzip(page_cache, walk):
    browser = Client(headers={"Accept-Encoding": "gzip, deflate, br"})
    compressed = browser.get(walk.url)
    plain = Client().get(walk.url)
    compressed_again = browser.get(walk.url)

    assert compressed["X-Page-Cache"] == "miss"
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert plain["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in plain
    assert gzip.decompress(compressed.content) == plain.content
    assert "Safety walks at the station" in plain.content.decode()
    # The very bytes compressed when the page was stored, not compressed again.
    assert compressed_again["X-Page-Cache"] == "hit"
    assert compressed_again.content == compressed.content
    assert int(compressed_again["Content-Length"]) == len(compressed.content)


@pytest.mark.parametrize(
    ("path", "accept_language", "language"),
    [
        # Without a prefix the page is English, whatever the browser prefers.
        ("/", "fi", "en"),
        ("/", "", "en"),
        ("/fi/", "", "fi"),
        ("/fi/", "sv", "fi"),
        ("/da/", "fi", "da"),
    ],
)
def test_a_stored_page_is_served_in_the_language_of_its_address(
    page_cache, home, path, accept_language, language
):
    # Every other language's visitor has been first, and stored the page in theirs.
    for other in ("/", "/fi/", "/da/", "/sv/"):
        for browser_language in ("", "fi", "sv"):
            Client(headers={"Accept-Language": browser_language}).get(other)

    response = Client(headers={"Accept-Language": accept_language}).get(path)

    assert response["X-Page-Cache"] == "hit"
    assert response["Content-Language"] == language
    assert f'<html lang="{language}">' in response.content.decode()


def test_a_page_that_varies_by_another_cookie_is_not_stored(page_cache, rf):
    def view(request):
        tag_response(request, ANY_CONTENT)
        response = HttpResponse(f"Banner dismissed: {'banner' in request.COOKIES}")
        patch_vary_headers(response, ["Cookie"])
        return response

    serve = StoredPageMiddleware(SessionMiddleware(view))
    first = serve(rf.get("/a-view/"))

    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in serve(rf.get("/a-view/"))
