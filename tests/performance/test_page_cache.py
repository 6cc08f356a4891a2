"""Anonymous visitors get whole pages from the cache, and publishing, unpublishing,
moving or deleting a page drops exactly the stored pages that show it."""

import pytest
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import Client

from portal import page_cache as page_cache_module
from portal.page_cache import ANY_CONTENT, AnonymousPageCacheMiddleware, tag_response
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

    # As in the settings: the session answers after the page cache.
    serve = SessionMiddleware(AnonymousPageCacheMiddleware(view))
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
