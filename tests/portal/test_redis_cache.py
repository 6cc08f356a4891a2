"""The Redis cache backend keeps one client per connection pool (portal.redis_cache)."""

import pytest

from portal.redis_cache import RedisCache
from tests.performance.conftest import TEST_REDIS_URL, redis_reachable


@pytest.fixture
def redis_cache():
    if reason := redis_reachable():
        pytest.skip(reason)
    backend = RedisCache(TEST_REDIS_URL, {"KEY_PREFIX": "redis-cache-test"})
    yield backend
    backend.clear()


def test_every_call_shares_one_client(redis_cache):
    client = redis_cache._cache.get_client()

    assert redis_cache._cache.get_client("a key") is client
    assert redis_cache._cache.get_client(write=True) is client


def test_values_round_trip_through_the_shared_client(redis_cache):
    redis_cache.set("practice", {"title": "Safety walks"})
    redis_cache.set_many({"goal": 1, "theme": 2})

    assert redis_cache.get("practice") == {"title": "Safety walks"}
    assert redis_cache.get_many(["goal", "theme", "missing"]) == {"goal": 1, "theme": 2}
    assert redis_cache.add("goal", 3) is False
    assert redis_cache.delete("goal") is True
    assert redis_cache.get("goal") is None
