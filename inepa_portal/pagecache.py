"""Whole pages for visitors without a session, kept in the shared cache until content changes.

A page is cached under the current version of every scope it shows ("articles",
"consultation:12"…); a change to that content bumps the scope's version, so the next visitor
gets a fresh page at once, on every app server sharing the cache. People with a session
(signed in, or with a message waiting) always get a page made for them. CSRF tokens in cached
pages are replaced by a fresh one for each visitor.
"""

import hashlib
import re
import uuid
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers

from .translation import current_language

TOKEN_PATTERN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
TOKEN_MARKER = b'name="csrfmiddlewaretoken" value="\x00csrf\x00"'


def _key(kind: str, name: str) -> str:
    """A cache key for a scope or a page. Names come from the address a visitor asked for, of
    any length and with any characters: hashed, so that the key stays short and plain (a
    cache warns, or memcached fails, on a key over 250 characters or with control ones)."""
    return f"pagecache:{kind}:{hashlib.sha256(name.encode()).hexdigest()}"


def bump(*scopes: str) -> None:
    """Content of these scopes changed: pages showing them are made anew (after commit, so no
    visitor can cache the old content again in between)."""

    def replace_versions() -> None:
        cache.set_many({_key("version", scope): uuid.uuid4().hex for scope in scopes}, timeout=None)

    transaction.on_commit(replace_versions)


def _version_keys(scopes: Iterable[str]) -> list[str]:
    return [_key("version", scope) for scope in scopes]


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def cache_for_visitors(scopes: Callable[..., Iterable[str]], *, seconds: int | None = None):
    """Cache a view's 200 responses for visitors; `scopes(request, **kwargs)` names its content."""

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            version_keys = _version_keys(scopes(request, **kwargs))
            page = f"{current_language()}:{request.get_host()}{request.get_full_path()}"
            page_key = _key("page", page)
            # One round trip: the scopes' current versions and the page with the versions it
            # was made under.
            found = cache.get_many([*version_keys, page_key])
            versions = tuple(found.get(key) for key in version_keys)
            cached = found.get(page_key)
            if cached is not None and None not in versions and cached[0] == versions:
                _stored_versions, content, content_type = cached
                response = HttpResponse(
                    content.replace(TOKEN_MARKER, _token_attribute(request)),
                    content_type=content_type,
                )
            else:
                if None in versions:
                    missing = {
                        key: uuid.uuid4().hex
                        for key, version in zip(version_keys, versions, strict=True)
                        if version is None
                    }
                    cache.set_many(missing, timeout=None)
                    versions = tuple(found.get(key) or missing[key] for key in version_keys)
                response = view(request, *args, **kwargs)
                if response.status_code == 200 and not response.streaming:
                    if hasattr(response, "render"):
                        response.render()
                    cache.set(
                        page_key,
                        (
                            versions,
                            TOKEN_PATTERN.sub(TOKEN_MARKER, response.content),
                            response["Content-Type"],
                        ),
                        timeout=seconds or settings.PAGE_CACHE_SECONDS,
                    )
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(response, private=True, no_cache=True)
            return response

        return wrapper

    return decorator


def _token_attribute(request: HttpRequest) -> bytes:
    return b'name="csrfmiddlewaretoken" value="' + get_token(request).encode() + b'"'
