import importlib.util
import os

import pytest
from django.core.cache import caches

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from practices.factories import PracticePageFactory

# A Redis database and key prefix of the tests' own, never the benchmark's or a server's.
# Clearing a Redis cache empties its whole database, so each parallel test worker
# (pytest-xdist's gw0, gw1, ...) has a database of its own: 15, 14, ...
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
TEST_REDIS_URL = os.environ.get(
    "TEST_REDIS_URL", f"redis://127.0.0.1:6379/{15 - int(_WORKER.removeprefix('gw') or 0) % 8}"
)


def redis_reachable():
    if importlib.util.find_spec("redis") is None:
        return "the redis client library is not installed"
    import redis

    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        return f"no Redis at {TEST_REDIS_URL}: {error}"
    return ""


@pytest.fixture(params=["memory", "redis"])
def page_cache(request, settings):
    """The anonymous page cache switched on, in memory and (when it can be reached) in
    Redis, as on several application servers."""
    if request.param == "redis":
        if reason := redis_reachable():
            pytest.skip(reason)
        backend = {
            "BACKEND": settings.REDIS_CACHE_BACKEND,
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": "perftest",
        }
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = {**settings.CACHES, "default": backend}
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture
def cities(home):
    directory = CityIndexPage.objects.child_of(home).get()
    return {
        "stockholm": CityPageFactory(parent=directory, title="Stockholm", slug="stockholm"),
        "oslo": CityPageFactory(
            parent=directory, title="Oslo", slug="oslo", country=Country.NORWAY
        ),
    }


@pytest.fixture
def walk(cities):
    return PracticePageFactory(
        parent=cities["stockholm"], title="Safety walks at the station", slug="walks"
    )
