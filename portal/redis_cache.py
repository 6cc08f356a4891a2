"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's ``RedisCacheClient.get_client()`` makes a new ``redis.Redis`` for every cache
call. Its constructor builds a table of some two hundred response callbacks, which costs
more than the round trip to Redis; a page that reads the site's root paths, the site's
structure and a few image renditions made a dozen of them. A redis-py client holds no
state of its own besides its pool and is safe to share between threads, and Django
leaves ``get_client()`` to be overridden for this kind of change.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
