"""The Redis cache backend (inepa_portal.cache): Django's, but with one redis-py client per
connection pool, made once and used for every operation after (issue #12). Against a real
Redis: database 11 is this file's own, emptied before and after."""

import threading

import pytest

from inepa_portal.cache import RedisCache

REDIS = "redis://127.0.0.1:6379/11"


@pytest.fixture
def redis_cache():
    backend = RedisCache(REDIS, {"KEY_PREFIX": "inepa-cache-test"})
    backend.clear()
    yield backend
    backend.clear()
    for pool in backend._cache._pools.values():
        pool.disconnect()


def test_every_operation_works_through_one_client(redis_cache):
    assert redis_cache.add("thread:1", "<article>one</article>", 60)
    assert not redis_cache.add("thread:1", "another", 60)
    redis_cache.set_many({"thread:2": "two", "counter": 1}, 60)
    assert redis_cache.get_many(["thread:1", "thread:2", "missing"]) == {
        "thread:1": "<article>one</article>",
        "thread:2": "two",
    }
    assert redis_cache.incr("counter", 2) == 3
    assert redis_cache.touch("thread:2", 120)
    redis_cache.delete_many(["thread:1", "thread:2"])
    assert redis_cache.get("thread:1") is None
    assert redis_cache.get("counter") == 3

    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    assert len(redis_cache._cache._pools) == 1


def test_threads_share_the_client_safely(redis_cache):
    """redis-py clients are thread-safe: many threads counting at once lose no increment."""
    redis_cache.set("hits", 0, 60)

    def count():
        for _ in range(50):
            redis_cache.incr("hits")

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert redis_cache.get("hits") == 400
