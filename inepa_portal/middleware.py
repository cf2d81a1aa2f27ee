"""Response headers Django does not set by itself."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import SuspiciousOperation, ValidationError
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
    """A response to someone signed in (or with a session or messages of their own) may show
    who they are: their address, their votes, their drafts. Neither a shared cache nor the
    browser's disk may keep it: `Cache-Control: private, no-store`. Visitors without a
    session get what the view or the page cache chose. A response its view marked `public`
    (a closed consultation's results file, the same for everyone) keeps that."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # Signed in, or a session or messages of their own (a message may name their address):
        # the people the page cache never serves either.
        personal = (user is not None and user.is_authenticated) or any(
            name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, "messages")
        )
        if personal and "public" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True)
        return response


class RejectNulBytesMiddleware:
    """Input no browser of ours sends answers 400 (our page) at the door, never a 500 deep in
    a query: a NUL byte (which PostgreSQL refuses in text) in a header, a cookie, a query
    parameter's name or value, a form field's name or an uploaded file's name; and admin
    action selections that are not keys of the list's model (Django's admin passes them to
    the database as they came, where they fail as a server error on any database).

    A NUL in a form field's value is left to the form, which refuses it with a translated
    error and keeps the rest of what the person typed (Django's form fields do, with
    ProhibitNullCharactersValidator); the hardening tests hold every text input to that.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for where, pairs in self._texts(request):
            if any(_has_nul(name) or _has_nul(value) for name, value in pairs):
                raise SuspiciousOperation(f"NUL byte in {where}")
        return self.get_response(request)

    @staticmethod
    def _texts(request: HttpRequest):
        """(where, [(name, value), …]) for everything a client wrote, lazily: a refusal
        stops before the body is read."""
        yield (
            "a header",
            [
                (key, value)
                for key, value in request.META.items()
                if key.startswith("HTTP_") or key in ("CONTENT_TYPE", "CONTENT_LENGTH")
            ],
        )
        yield "a cookie", request.COOKIES.items()
        yield "a query parameter", _flat(request.GET)
        if request.method == "POST":
            # Reading the form here, before the CSRF check, is what that check does too;
            # a body too large or malformed is already a 400 (SuspiciousOperation) here.
            yield "a form field's name", [(name, "") for name in request.POST]
            yield (
                "an uploaded file",
                [(name, upload.name or "") for name, upload in _flat(request.FILES)],
            )

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is None or request.method != "POST":
            return None
        primary_key = model_admin.model._meta.pk
        for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
            try:
                # A key of the model's type and within its range: SQLite cannot even take a
                # larger integer as a parameter.
                primary_key.run_validators(primary_key.to_python(value))
            except ValidationError:
                raise SuspiciousOperation(
                    "An admin action on something that is not a key"
                ) from None
        return None


def _has_nul(text) -> bool:
    return isinstance(text, str) and "\x00" in text


def _flat(query_dict) -> list[tuple[str, object]]:
    return [(name, value) for name, values in query_dict.lists() for value in values]
