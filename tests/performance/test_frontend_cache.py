"""A CDN or caching proxy in front (``FRONTEND_CACHE_PURGE_URL``) is purged for the pages
a publish, unpublish, move or deletion changes, through Wagtail's front-end cache
invalidation: a proxy here, a real HTTP server, records the PURGE requests it gets."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from wagtail.contrib.frontend_cache import signal_handlers
from wagtail.models import Site, get_page_models
from wagtail.signals import page_published, page_unpublished

from practices.models import PracticeIndexPage

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.add(self.path)
        self.server.hosts.add(self.headers["Host"])
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
    server.hosts = set()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    signal_handlers.register_signal_handlers()
    yield server
    for model in get_page_models():
        page_published.disconnect(signal_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler, sender=model)
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

    assert {walk.url, cities["stockholm"].url, library.url, home.url} <= proxy.purged
    # The goals' and themes' pages list practices too (PracticeIndexPage.get_cached_paths).
    assert f"{library.url}goals/safe-urban-spaces/" in proxy.purged
    # Each purge names the site the page is served on.
    assert proxy.hosts == {Site.objects.get(is_default_site=True).hostname}
    # A city that does not show the practice stays in the CDN's cache.
    assert cities["oslo"].url not in proxy.purged


def test_a_new_slug_purges_the_old_address(proxy, walk, django_capture_on_commit_callbacks):
    old_address = walk.url
    walk.slug = "night-walks"
    with django_capture_on_commit_callbacks(execute=True):
        walk.save_revision().publish()

    assert {old_address, "/cities/stockholm/night-walks/"} <= proxy.purged


@pytest.mark.parametrize("remove", ["unpublish", "delete"])
def test_unpublishing_or_deleting_a_practice_purges_its_address_and_its_city(
    proxy, cities, walk, remove, django_capture_on_commit_callbacks
):
    address = walk.url
    with django_capture_on_commit_callbacks(execute=True):
        getattr(walk, remove)()

    assert {address, cities["stockholm"].url} <= proxy.purged


def test_moving_a_practice_purges_its_old_address_and_both_cities(
    proxy, cities, walk, django_capture_on_commit_callbacks
):
    old_address = walk.url
    with django_capture_on_commit_callbacks(execute=True):
        walk.move(cities["oslo"], pos="last-child")

    assert old_address == "/cities/stockholm/walks/"
    assert {old_address, cities["stockholm"].url, cities["oslo"].url} <= proxy.purged


def test_moving_a_city_purges_the_old_addresses_of_its_practices(
    proxy, home, cities, walk, django_capture_on_commit_callbacks
):
    # Not a move an editor could make (cities live in the directory), but the simplest
    # one that changes the addresses of a page and the pages below it.
    with django_capture_on_commit_callbacks(execute=True):
        cities["stockholm"].move(home, pos="last-child")

    assert {"/cities/stockholm/", "/cities/stockholm/walks/"} <= proxy.purged


def test_the_cdn_may_keep_a_stored_page_as_long_as_we_do_but_not_a_search(
    proxy, page_cache, library, walk
):
    for expected in ("miss", "hit"):
        response = Client().get(walk.url)
        assert response["X-Page-Cache"] == expected
        assert {"public", "s-maxage=600"} <= set(response["Cache-Control"].split(", "))
    goal_page = Client().get(f"{library.url}goals/safe-urban-spaces/")
    assert "s-maxage=600" in goal_page["Cache-Control"].split(", ")
    # A purge names addresses without their query strings, and no view that is not a
    # page: the CDN keeps none of these, and Redis serves them.
    for address in (library.url + "?q=walks", "/search/?q=walks"):
        response = Client().get(address)
        assert response["X-Page-Cache"] == "miss"
        assert "s-maxage=0" in response["Cache-Control"].split(", "), address
    missing = Client().get(walk.url + "nothing-here/")
    assert missing.status_code == 404
    assert "s-maxage" not in missing.get("Cache-Control", "")


def test_without_a_cdn_no_shared_cache_is_asked_to_keep_a_page(page_cache, walk):
    for _visit in range(2):
        response = Client().get(walk.url)
        assert "s-maxage" not in response.get("Cache-Control", "")
