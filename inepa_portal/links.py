"""Absolute links to the portal, for emails and anything else read outside a request."""

from django.conf import settings


def site_url(path: str) -> str:
    """An absolute link to `path` on the portal's public address (settings.SITE_URL), never
    the Host header of whatever request caused it."""
    return settings.SITE_URL.rstrip("/") + path
