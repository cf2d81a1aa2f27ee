"""A citizen's own pages (profile, data, account deletion), and the admin's way to sign in."""

import json
from collections.abc import Callable
from functools import wraps

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from . import contributions, exports, services
from .forms import AccountDeleteForm, DisplayNameForm


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


@require_safe
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/profile.html",
        {"parts": contributions.profile_parts(request.user), "section": "profile"},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def display_name(request: HttpRequest) -> HttpResponse:
    """Change one's public name (the rules of sign-up; a few times a month)."""
    form = DisplayNameForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.display_name_change(user=request.user, name=form.cleaned_data["display_name"])
        except ValidationError as error:
            form.add_error("display_name", error)
        else:
            messages.success(request, _("Your display name is changed."))
            return redirect("accounts:profile")
    return render(request, "accounts/display_name.html", {"form": form, "section": "profile"})


@require_safe
@login_required
def data_download(request: HttpRequest) -> HttpResponse:
    """Everything stored about the signed-in person, as a JSON file."""
    body = json.dumps(exports.personal_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"inepa-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@reauthentication_required
def account_delete(request: HttpRequest) -> HttpResponse:
    """After a fresh password check: GET explains and asks, POST deletes the account."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user, keep_comments=form.cleaned_data["comments"] == "keep")
        messages.success(request, _("Your account is deleted. Thank you for taking part."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form, "section": "profile"})
