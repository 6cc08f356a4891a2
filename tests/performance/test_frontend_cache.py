"""A CDN or caching proxy in front (``FRONTEND_CACHE_PURGE_URL``) is purged for the pages
a publish, unpublish, move or deletion changes, through Wagtail's front-end cache
invalidation: a proxy here, a real HTTP server, records the PURGE requests it gets."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from wagtail.contrib.frontend_cache import signal_handlers
from wagtail.signals import page_published, page_unpublished

from practices.models import PracticeIndexPage

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.add(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    """The paths the proxy was asked to purge. Production installs Wagtail's front-end
    cache app with the setting, and the app purges a published or unpublished page
    itself; its signal handlers are connected here as the app would connect them."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = set()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    signal_handlers.register_signal_handlers()
    yield server.purged
    page_published.disconnect(signal_handlers.page_published_signal_handler)
    page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler)
    server.shutdown()
    server.server_close()


@pytest.fixture
def library(home):
    return PracticeIndexPage.objects.child_of(home).get()


def test_publishing_a_practice_purges_it_and_the_pages_that_show_it(
    proxy, home, library, cities, walk, django_capture_on_commit_callbacks
):
    walk.title = "Night walks at the station"
    with django_capture_on_commit_callbacks(execute=True):
        walk.save_revision().publish()

    assert {walk.url, cities["stockholm"].url, library.url, home.url} <= proxy
    # A city that does not show the practice stays in the CDN's cache.
    assert cities["oslo"].url not in proxy


@pytest.mark.parametrize("remove", ["unpublish", "delete"])
def test_unpublishing_or_deleting_a_practice_purges_its_address_and_its_city(
    proxy, cities, walk, remove, django_capture_on_commit_callbacks
):
    address = walk.url
    with django_capture_on_commit_callbacks(execute=True):
        getattr(walk, remove)()

    assert {address, cities["stockholm"].url} <= proxy


def test_moving_a_practice_purges_its_old_address_and_both_cities(
    proxy, cities, walk, django_capture_on_commit_callbacks
):
    old_address = walk.url
    with django_capture_on_commit_callbacks(execute=True):
        walk.move(cities["oslo"], pos="last-child")

    assert old_address == "/cities/stockholm/walks/"
    assert {old_address, cities["stockholm"].url, cities["oslo"].url} <= proxy


def test_moving_a_city_purges_the_old_addresses_of_its_practices(
    proxy, home, cities, walk, django_capture_on_commit_callbacks
):
    # Not a move an editor could make (cities live in the directory), but the simplest
    # one that changes the addresses of a page and the pages below it.
    with django_capture_on_commit_callbacks(execute=True):
        cities["stockholm"].move(home, pos="last-child")

    assert {"/cities/stockholm/", "/cities/stockholm/walks/"} <= proxy


def test_the_cdn_may_keep_a_stored_page_as_long_as_we_do_but_not_a_search(
    proxy, page_cache, library, walk
):
    for expected in ("miss", "hit"):
        response = Client().get(walk.url)
        assert response["X-Page-Cache"] == expected
        assert {"public", "s-maxage=600"} <= set(response["Cache-Control"].split(", "))
    # A purge names the library's address, never its searches: the CDN keeps none.
    search = Client().get(library.url + "?q=walks")
    assert "s-maxage=0" in search["Cache-Control"].split(", ")


def test_without_a_cdn_no_shared_cache_is_asked_to_keep_a_page(page_cache, walk):
    for _visit in range(2):
        response = Client().get(walk.url)
        assert "s-maxage" not in response.get("Cache-Control", "")
