"""Django's Redis cache, with one client per connection pool and a one-round-trip window count.

Django's `RedisCache` builds a new `redis.Redis` object for every operation, and each one fills
a table of some two hundred response callbacks: on a logged-in request that does half a dozen
cache operations (session, rate limits, keys) it costs more than the round trips. A client is
thread-safe and only borrows connections from its pool, so one per pool serves every thread.
"""

from __future__ import annotations

from typing import Any, cast

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # The pool helpers are Django's own (private, so missing from its type stubs).
        index = self._get_connection_pool_index(write)  # type: ignore[attr-defined]
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(index)  # type: ignore[attr-defined]
            made = self._client(connection_pool=pool)  # type: ignore[attr-defined]
            client = self._clients.setdefault(index, made)
        return client

    def count_in_window(self, current: str, previous: str, timeout: int) -> tuple[int, int]:
        """Add one to the counter `current` (kept `timeout` seconds from its first use) and
        read `previous`, in one round trip; returns both counts."""
        pipe = self.get_client(current, write=True).pipeline(transaction=False)
        # SET … NX EX creates the counter with its expiry only if it is new (INCR keeps the
        # expiry); unlike EXPIRE … NX it works on Redis older than 7.
        pipe.set(current, 0, ex=timeout, nx=True)
        pipe.incr(current)
        pipe.get(previous)
        _created, used, before = pipe.execute()
        return int(used), int(before) if before is not None else 0


class RedisCache(django_redis.RedisCache):
    """Use as the BACKEND of a cache in settings, in place of Django's RedisCache."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient

    def count_in_window(self, current: str, previous: str, timeout: int) -> tuple[int, int]:
        """See RedisCacheClient.count_in_window; keys are made like every other key here."""
        client = cast("RedisCacheClient", self._cache)
        return client.count_in_window(
            self.make_and_validate_key(current), self.make_and_validate_key(previous), timeout
        )
