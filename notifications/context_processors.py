"""The header's unread count (and the follow button's state) for someone signed in: one query,
made only when a page shows them."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from . import selectors


def notification_state(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = request.resolver_match
    slug = None
    if match is not None and match.view_name == "consultations:detail":
        slug = match.kwargs.get("slug")
    return {
        "notification_state": SimpleLazyObject(
            lambda: selectors.header_state(user, consultation_slug=slug)
        )
    }
