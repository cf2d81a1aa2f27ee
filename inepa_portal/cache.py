"""Django's Redis cache, with one redis-py client per connection pool instead of one per call.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every cache operation,
and building one registers its ~170 response callbacks: on a page served from the page cache
that cost more than the Redis round trip itself (profiled for issue #12). A `redis.Redis` is
only a handle on its connection pool and may be shared (redis-py's clients are thread-safe;
Django keeps a cache backend per thread anyway), so one is kept per pool. Everything else is
Django's backend as it is: same settings, same serialisation, same keys.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _ReusedClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClient
