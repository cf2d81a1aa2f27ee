"""Values the header's account links need on every page."""

from urllib.parse import urlencode

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest
from django.urls import reverse


def account_links(request: HttpRequest) -> dict:
    """The sign-in address, bringing a person back to the page they are on (not an account page)."""
    login_url = reverse("account_login")
    match = request.resolver_match
    if match is not None and (match.url_name or "").startswith("account_"):
        return {"sign_in_url": login_url}
    return {
        "sign_in_url": f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}"
    }
