"""Response headers Django does not set by itself."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

# Powerful browser features the portal never uses, switched off for every page.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
)  # fmt: skip


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PrivateForSignedInMiddleware:
    """A response to someone signed in (or with a session of their own) may show who they
    are: their address, their votes, their drafts. Neither a shared cache nor the browser's
    disk may keep it: `Cache-Control: private, no-store`. Visitors without a session get
    what the view or the page cache chose. A response its view marked `public` (a closed
    consultation's results file, the same for everyone) keeps that."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        personal = (user is not None and user.is_authenticated) or (
            settings.SESSION_COOKIE_NAME in request.COOKIES
        )
        if personal and "public" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True)
        return response


class RejectNulBytesMiddleware:
    """A NUL byte in a query parameter is never meant; PostgreSQL refuses it in text, which
    would surface as a server error deep in a query. Answer 400 (our page) at the door."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                raise SuspiciousOperation("NUL byte in a query parameter")
        return self.get_response(request)
