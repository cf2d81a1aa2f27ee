"""A citizen's request on a consultation: the consultation they may see, whether they may take
part yet, where to send them back to, and their turn to post under the rate limits. Shared by
the views of participation and of moderation (reporting, appealing)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inepa_portal import ratelimit

from . import permissions, selectors
from .models import Consultation


def load_consultation(request: HttpRequest, slug: str) -> Consultation:
    consultation = selectors.consultation_for_slug(slug, user=request.user)
    if consultation is None:
        raise Http404
    return consultation


def page_url(consultation: Consultation, anchor: str = "") -> str:
    return consultation.get_absolute_url() + (f"#{anchor}" if anchor else "")


def login_url(next_url: str) -> str:
    return f"{reverse('account_login')}?{urlencode({'next': next_url})}"


def refuse_unless_citizen(request: HttpRequest, consultation: Consultation, anchor: str):
    """Send visitors to sign in (and back), unverified people to verify; None for citizens."""
    if not request.user.is_authenticated:
        return redirect(login_url(page_url(consultation, anchor)))
    if not permissions.is_verified_citizen(request.user):
        messages.error(request, _("Verify your email address before you take part."))
        return redirect(page_url(consultation, anchor))
    return None


def take_turn(request: HttpRequest, scope: str) -> ratelimit.Permit | str:
    """A permit to post (give it back if the post is refused after all), or a translated
    refusal when the person has posted too often."""
    turn = ratelimit.consume(scope=scope, who=str(request.user.pk))
    if isinstance(turn, ratelimit.Permit):
        return turn
    minutes = max(1, round(turn.retry_after / 60))
    return ngettext(
        "You have posted a lot in a short time. Please wait %(minutes)d minute and try again.",
        "You have posted a lot in a short time. Please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}
