"""Values every page's layout needs."""

from django.conf import settings
from django.http import HttpRequest

from .alternates import language_alternates


def site(request: HttpRequest) -> dict:
    """Site name and the page's language alternates (a view may pass its own `alternates`)."""
    return {
        "site_name": settings.SITE_NAME,
        "alternates": language_alternates(request),
    }
