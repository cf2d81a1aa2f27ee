"""Per-person limits on how often something may be done, kept in the shared cache.

Fixed windows (per minute, per hour…) counted in Django's cache, so the limits hold across
several app servers when the cache is Redis.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Refusal:
    retry_after: int  # seconds until the earliest window that refused ends


def limits_for(scope: str) -> list[tuple[int, int]]:
    """(how many, per how many seconds) pairs for `scope`, from settings.PARTICIPATION_LIMITS."""
    return settings.PARTICIPATION_LIMITS.get(scope, [])


def consume(*, scope: str, who: str, now: float | None = None) -> Refusal | None:
    """Count one more `scope` action by `who`; a Refusal when any window is already full."""
    now = time.time() if now is None else now
    keys = []
    for allowed, seconds in limits_for(scope):
        window = int(now // seconds)
        key = f"limit:{scope}:{who}:{seconds}:{window}"
        count = cache.get(key, 0)
        if count >= allowed:
            return Refusal(retry_after=max(1, int(seconds - now % seconds)))
        keys.append((key, seconds))
    for key, seconds in keys:
        if not cache.add(key, 1, timeout=seconds + 1):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=seconds + 1)
    return None
