"""Whole pages for visitors without a session, kept in the shared cache until content changes.

A page depends on scopes of content: ones named before the view runs ("articles", "about") and
ones the view names once it knows what it shows (`depends_on(request, "consultation:12")`, keyed
by the object, never by an address). A change to the content bumps each scope it touches, so
the next visitor gets a fresh page at once, on every app server sharing the cache, whatever
address the page had: an old slug, the other language, a discussion page.

Three rules keep a stored page from ever being wrong:
- it is stored only when no scope it depends on was bumped since the request began (a change
  committed while the view read the database would otherwise be stored under the new version);
- it lives no longer than the next scheduled change it depends on (`until`: an article's
  publication time, a consultation's opening or closing);
- a hit returns the response as the view made it, status and headers included; only the CSRF
  token is replaced by a fresh one for each visitor. Responses setting cookies are not stored.

People with a session (signed in, or with a message waiting) always get a page made for them.
"""

import hashlib
import math
import re
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from .translation import current_language

TOKEN_PATTERN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
TOKEN_MARKER = b'name="csrfmiddlewaretoken" value="\x00csrf\x00"'
# App servers' clocks agree within this (NTP): a bump stamped later than this before a
# request began may have committed after the request read the database.
CLOCK_SKEW_SECONDS = 1.0

Until = datetime | None | Callable[[], datetime | None]
# In every key: entries and versions written in an earlier format (a tuple for a page, a bare
# token for a version) are never read as this one's.
FORMAT = 2


def _key(kind: str, name: str) -> str:
    """A cache key for a scope or a page. Names come from the address a visitor asked for, of
    any length and with any characters: hashed, so that the key stays short and plain (a
    cache warns, or memcached fails, on a key over 250 characters or with control ones)."""
    return f"pagecache:{FORMAT}:{kind}:{hashlib.sha256(name.encode()).hexdigest()}"


def bump(*scopes: str) -> None:
    """Content of these scopes changed: pages showing them are made anew (after commit, so no
    visitor can cache the old content again in between). A version is (when it was bumped,
    a token)."""

    def replace_versions() -> None:
        stamp = time.time()
        cache.set_many(
            {_key("version", scope): (stamp, uuid.uuid4().hex) for scope in scopes}, timeout=None
        )

    transaction.on_commit(replace_versions)


def depends_on(request: HttpRequest, *scopes: str, until: Until = None) -> None:
    """The page being made shows these scopes' content, which changes on its own at `until`
    (a moment, or a function giving it, called only if the page is stored)."""
    dependencies = getattr(request, "_pagecache", None)
    if dependencies is None:
        return  # not a page the cache stores (someone with a session)
    dependencies["scopes"].extend(scopes)
    if until is not None:
        dependencies["until"].append(until)


def next_moment(moments: Iterable[datetime | None], *, now: datetime | None = None):
    """The earliest of `moments` still to come, or None."""
    now = now or timezone.now()
    return min((moment for moment in moments if moment is not None and moment > now), default=None)


# The scopes each page was last stored under, as this process saw them: asked for in the same
# round trip as the page (a hint only: a hit always checks every scope its entry names).
_LAST_SCOPES: dict[str, tuple[str, ...]] = {}
_LAST_SCOPES_LIMIT = 10_000


def _remember_scopes(page_key: str, keys) -> None:
    if len(_LAST_SCOPES) >= _LAST_SCOPES_LIMIT:
        _LAST_SCOPES.clear()
    _LAST_SCOPES[page_key] = tuple(keys)


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _current_versions(keys: list[str], found: dict) -> dict:
    """The versions of `keys` (from `found`, else the cache); a missing one is made, stamped
    0 (not a change: no page was stored under it), unless a bump got there first."""
    versions = {key: found[key] for key in keys if key in found}
    missing = [key for key in keys if key not in versions]
    if missing:
        versions.update(cache.get_many(missing))
    for key in keys:
        if versions.get(key) is None:
            fresh = (0.0, uuid.uuid4().hex)
            versions[key] = fresh if cache.add(key, fresh, timeout=None) else cache.get(key)
    return versions


def _timeout(seconds: int, untils: list[Until]) -> int:
    now = timezone.now()
    moments = [until() if callable(until) else until for until in untils]
    soonest = next_moment(moments, now=now)
    if any(moment is not None and moment <= now for moment in moments):
        return 0  # a change is due now: a page made just before it would outlive it
    if soonest is None:
        return seconds
    return min(seconds, math.floor((soonest - now).total_seconds()))


def _replay(request: HttpRequest, stored: dict) -> HttpResponse:
    content = stored["content"]
    if TOKEN_MARKER in content:
        content = content.replace(TOKEN_MARKER, _token_attribute(request))
    response = HttpResponse(content, status=stored["status"])
    for header, value in stored["headers"]:
        response[header] = value
    return response


def _store(request, response, page_key, began, seconds) -> None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    dependencies = request._pagecache
    keys = [_key("version", scope) for scope in dict.fromkeys(dependencies["scopes"])]
    versions = _current_versions(keys, {})
    if any(version[0] > began - CLOCK_SKEW_SECONDS for version in versions.values()):
        return  # bumped while (or just before) the view read the database
    timeout = _timeout(seconds, dependencies["until"])
    if timeout <= 0:
        return
    _remember_scopes(page_key, versions)
    cache.set(
        page_key,
        {
            "versions": versions,
            "status": response.status_code,
            "headers": list(response.items()),
            "content": TOKEN_PATTERN.sub(TOKEN_MARKER, response.content),
        },
        timeout=timeout,
    )


def cache_for_visitors(
    scopes: Callable[..., Iterable[str]], *, seconds: int | None = None, until: Until = None
):
    """Cache a view's 200 responses for visitors; `scopes(request, **kwargs)` names content it
    shows whatever the address, `until` its next scheduled change; the view adds the rest
    with `depends_on`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            began = time.time()
            known = [_key("version", scope) for scope in scopes(request, **kwargs)]
            page = f"{current_language()}:{request.get_host()}{request.get_full_path()}"
            page_key = _key("page", page)
            # One round trip for most pages: the page and the versions it depends on (those
            # named before the view, and those it was last stored under here).
            found = cache.get_many([page_key, *known, *_LAST_SCOPES.get(page_key, ())])
            stored = found.pop(page_key, None)
            if stored is not None:
                versions = stored["versions"]
                _remember_scopes(page_key, versions)
                current = {key: found[key] for key in versions if key in found}
                unknown = [key for key in versions if key not in current]
                if unknown:
                    current.update(cache.get_many(unknown))
                if all(current.get(key) == version for key, version in versions.items()):
                    response = _replay(request, stored)
                    _private(response)
                    return response
            request._pagecache = {
                "scopes": list(scopes(request, **kwargs)),
                "until": [until] if until is not None else [],
            }
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            _store(request, response, page_key, began, seconds or settings.PAGE_CACHE_SECONDS)
            _private(response)
            return response

        return wrapper

    return decorator


def _private(response: HttpResponse) -> None:
    patch_vary_headers(response, ["Cookie"])
    patch_cache_control(response, private=True, no_cache=True)


def _token_attribute(request: HttpRequest) -> bytes:
    return b'name="csrfmiddlewaretoken" value="' + get_token(request).encode() + b'"'
