"""Follow buttons, the notifications page and its settings, unsubscribing without signing in,
and visitors' subscriptions to new consultations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from consultations.access import load_consultation
from inepa_portal import ratelimit

from . import selectors, services
from .forms import DeliverySettingsForm, SubscribeForm


@require_POST
@login_required
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    """POST `action=follow` or `action=unfollow` from a consultation's page."""
    consultation = load_consultation(request, slug)
    if request.POST.get("action") == "unfollow":
        services.unfollow(user=request.user, consultation=consultation)
        messages.success(request, _("You no longer follow this consultation."))
    else:
        services.follow(user=request.user, consultation=consultation)
        messages.success(
            request, _("You follow this consultation: you will hear when it closes and more.")
        )
    return redirect(consultation.get_absolute_url() + "#follow")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The latest events, unread first; POST marks one (`id`) or all of them read."""
    if request.method == "POST":
        ids = None
        if request.POST.get("id", "").isdigit():
            ids = [int(request.POST["id"])]
        services.notifications_mark_read(user=request.user, ids=ids)
        return redirect("notifications:list")
    return render(
        request,
        "notifications/list.html",
        {
            "notifications": selectors.notifications_of(request.user),
            "section": "notifications",
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def delivery_settings(request: HttpRequest) -> HttpResponse:
    form = DeliverySettingsForm(
        request.POST if request.method == "POST" else None,
        initial_choices=selectors.delivery_settings(request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.delivery_settings_save(user=request.user, choices=form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form, "section": "profile"})


@csrf_exempt  # the signed token is the authority; mail providers post without a session
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (a link prefetched by a mail scanner changes nothing); POST turns the kind off,
    also as RFC 8058's one-click request (`List-Unsubscribe=One-Click`)."""
    if request.method == "POST":
        try:
            kind = services.unsubscribe(token=token)
        except ValidationError as error:
            return render(
                request, "notifications/unsubscribe.html", {"error": error.messages[0]}, status=400
            )
        return render(request, "notifications/unsubscribe.html", {"done": True, "kind": kind})
    return render(request, "notifications/unsubscribe.html", {"token": token})


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """A visitor leaves an address for news of new consultations (confirmed by a link)."""
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        address = form.cleaned_data["email"].strip().lower()
        turn = ratelimit.consume(scope="subscribe", who=address)
        # The same answer either way: whether an address was asked for before stays unsaid.
        if isinstance(turn, ratelimit.Permit):
            services.subscription_request(email=address, language=translation.get_language())
        return render(request, "notifications/subscribe.html", {"sent": True})
    return render(request, "notifications/subscribe.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; POST confirms the address (the double opt-in's second step)."""
    if request.method == "POST":
        try:
            services.subscription_confirm(token=token)
        except ValidationError as error:
            return render(
                request, "notifications/subscribe.html", {"error": error.messages[0]}, status=400
            )
        return render(request, "notifications/subscribe.html", {"confirmed": True})
    return render(request, "notifications/subscribe.html", {"confirm_token": token})
