"""Values the header's account links need on every page."""

from urllib.parse import urlencode

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest
from django.urls import reverse


def _return_path(request: HttpRequest) -> str | None:
    """The page to come back to after signing in, up or out: the one a person is on, unless it
    is an account page (signing in again from the sign-in page, or out to one's own profile)."""
    match = request.resolver_match
    if match is None:
        return request.get_full_path()
    if (match.url_name or "").startswith("account_") or match.namespace == "accounts":
        return None
    return request.get_full_path()


def account_links(request: HttpRequest) -> dict:
    """Sign-in and sign-up addresses that bring a person back to the page they are on, and the
    page signing out returns to (empty: the home page)."""
    login_url, signup_url = reverse("account_login"), reverse("account_signup")
    here = _return_path(request)
    if here is None:
        return {"sign_in_url": login_url, "sign_up_url": signup_url, "sign_out_next": ""}
    query = urlencode({REDIRECT_FIELD_NAME: here})
    return {
        "sign_in_url": f"{login_url}?{query}",
        "sign_up_url": f"{signup_url}?{query}",
        "sign_out_next": here,
    }
