"""Glue between allauth and the rest of the site."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse


def admin_login_through_allauth(admin_login: Callable[..., HttpResponse]) -> Callable:
    """Everyone signs in to the admin through allauth's login, with its rate limits.

    A visitor is sent to allauth's login and comes back to the admin page they asked for. A
    signed-in person who is not staff sees the admin's usual refusal; the password form on it
    is not accepted, as it would guess passwords past the rate limits.
    """

    @wraps(admin_login)
    def login(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if request.user.is_authenticated and request.method != "POST":
            return admin_login(request, extra_context)
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        return redirect_to_login(next_url)

    return login
