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
from .models import Comment, Consultation


def load_consultation(request: HttpRequest, slug: str) -> Consultation:
    consultation = selectors.consultation_for_slug(slug, user=request.user)
    if consultation is None:
        raise Http404
    return consultation


def page_url(consultation: Consultation, anchor: str = "") -> str:
    return consultation.get_absolute_url() + (f"#{anchor}" if anchor else "")


def comment_url(consultation: Consultation, comment: Comment, anchor: str = "") -> str:
    """The address of the page that shows `comment` (the consultation's page for the first
    threads of each target, else the page of its whole discussion), at `anchor` (the comment's
    own by default)."""
    anchor = anchor or comment.anchor
    position = selectors.thread_position(comment)
    if position < selectors.COMMENTS_PER_TARGET:
        return page_url(consultation, anchor)
    target = comment.section_id or "draft"
    url = reverse(
        "consultations:discussion",
        kwargs={"slug": consultation.localized().slug, "target": target},
    )
    page = position // selectors.COMMENTS_PER_PAGE + 1
    return f"{url}{f'?page={page}' if page > 1 else ''}#{anchor}"


# Feedback where the person is: a message carries the anchor of the place acted on (a comment,
# a target's votes, its comment form), and the page that shows that place shows it there.
FEEDBACK_TAG = "at:"


def tell(request: HttpRequest, level: int, text: str, *, at: str) -> None:
    """A message shown next to the place with the id `at` (or at the top of a page without it)."""
    messages.add_message(request, level, text, extra_tags=f"{FEEDBACK_TAG}{at}")


def place_feedback(request: HttpRequest) -> tuple[dict[str, list], list]:
    """The request's messages by the anchor they belong to, and those that belong nowhere."""
    placed: dict[str, list] = {}
    unplaced = []
    for message in messages.get_messages(request):
        tags = message.extra_tags or ""
        if tags.startswith(FEEDBACK_TAG):
            placed.setdefault(tags.removeprefix(FEEDBACK_TAG), []).append(message)
        else:
            unplaced.append(message)
    return placed, unplaced


def login_url(next_url: str) -> str:
    return f"{reverse('account_login')}?{urlencode({'next': next_url})}"


def refuse_unless_citizen(request: HttpRequest, consultation: Consultation, anchor: str):
    """Send visitors to sign in (and back), unverified people to verify; None for citizens."""
    if not request.user.is_authenticated:
        return redirect(login_url(page_url(consultation, anchor)))
    if not permissions.is_verified_citizen(request.user):
        verify = _("Verify your email address before you take part.")
        tell(request, messages.ERROR, verify, at=anchor)
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
