"""Per-person limits on how often something may be done, kept in the shared cache.

Fixed windows (per minute, per hour…) counted in Django's cache, so the limits hold across
several app servers when the cache is Redis.

Counting is atomic: each attempt first increments the window's counter (`cache.add` of the
first one, then `cache.incr`: SET NX and INCR on Redis, under a lock in local memory) and only
then compares the number it got back with the limit, so simultaneous requests can never all
read the same "2 of 3" and all pass. An attempt that is refused, by the limit or afterwards by
the form or the service, gives its count back (`Permit.give_back`): only accepted posts spend
the limit.

Written here rather than taken from a library because the maintained ones do not fit:
django-ratelimit counts atomically the same way but cannot give a count back (a refused post
would still spend the limit) and tells no time to wait; `limits` keeps its counters in a
storage of its own instead of the CACHES the portal is configured with.
"""

import contextlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Refusal:
    retry_after: int  # seconds until the earliest window that refused ends


@dataclass(frozen=True)
class Permit:
    """One counted attempt; give it back when the post is refused after all."""

    keys: tuple[str, ...]

    def give_back(self) -> None:
        _give_back(self.keys)


def limits_for(scope: str) -> list[tuple[int, int]]:
    """(how many, per how many seconds) pairs for `scope`, from settings.PARTICIPATION_LIMITS."""
    return settings.PARTICIPATION_LIMITS.get(scope, [])


def _count(key: str, timeout: int) -> int:
    """Add one to `key` and return the new count, in one atomic step of the cache."""
    while True:
        if cache.add(key, 1, timeout=timeout):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # the window's key expired between add and incr: add it again
            continue


def _give_back(keys: tuple[str, ...]) -> None:
    for key in keys:
        with contextlib.suppress(ValueError):  # the window has ended, and its count with it
            cache.decr(key)


def consume(*, scope: str, who: str, now: float | None = None) -> Permit | Refusal:
    """Count one more `scope` action by `who`: a Permit, or a Refusal (counting nothing) when
    any window is already full."""
    now = time.time() if now is None else now
    taken: list[str] = []
    for allowed, seconds in limits_for(scope):
        key = f"limit:{scope}:{who}:{seconds}:{int(now // seconds)}"
        count = _count(key, timeout=seconds + 1)
        taken.append(key)
        if count > allowed:
            _give_back(tuple(taken))
            return Refusal(retry_after=max(1, int(seconds - now % seconds)))
    return Permit(keys=tuple(taken))
