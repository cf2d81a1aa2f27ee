"""Emails about moderation: the moderators' digest, and the words of what a comment's author
is told (author_message; the notifications app sends it with the author's settings, after
commit through Django's tasks framework, when moderation's author_event signal fires).

A failing mail server never undoes a moderation action: the action is committed first, and a
failed email is logged and its task is kept as failed by the task backend (django-tasks-db
keeps the row with its traceback; it does not retry by itself).
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from consultations.models import Comment
from inepa_portal.links import site_url

from .models import ModerationAction
from .selectors import awaiting_review_count

logger = logging.getLogger(__name__)


def _send(*, to: str, template: str, context: dict, language: str) -> None:
    with translation.override(language):
        subject = render_to_string(f"moderation/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"moderation/email/{template}.txt", context)
    try:
        send_mail(subject, body, None, [to])
    except Exception:
        logger.exception("Could not send the %s email to %s", template, to)
        raise


@dataclass(frozen=True)
class AuthorMessage:
    subject: str
    body: str
    language: str


def author_message(comment: Comment, event: str) -> AuthorMessage | None:
    """What a comment's author is told, in the language they wrote in, of what happened to it
    (notifications sends it, with the author's settings and an unsubscribe link).

    `event` is "hidden" (told as automatic when flags hid it), "rejected", "restored",
    "appeal_upheld", "appeal_refused" or "official_response".
    """
    if comment.author is None or not comment.author.is_active:
        return None
    template, flag_count = f"author_{event}", None
    if event == "hidden":
        # Hidden by flags, not by a person: the log's latest entry says so, and how many.
        latest = comment.moderation_actions.order_by("-created_at", "-id").first()
        if latest is not None and latest.action == ModerationAction.Action.AUTO_HIDE:
            template = "author_auto_hidden"
            flag_count = latest.flag_count if latest.flag_count is not None else comment.flag_count
    # Everything worded for the author (labels included) in their language, whatever
    # language the moderator or the flagger who caused the email was working in.
    with translation.override(comment.language):
        context = {
            "comment": comment,
            "reason": comment.get_moderation_reason_display(),
            "flag_count": flag_count,
            "consultation_title": comment.consultation.localized(comment.language).title,
            "page_url": site_url(f"{comment.consultation.get_absolute_url()}#{comment.anchor}"),
            "profile_url": site_url(reverse("accounts:profile")),
        }
        subject = render_to_string(f"moderation/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"moderation/email/{template}.txt", context)
    return AuthorMessage(subject=subject, body=body, language=comment.language)


def moderators():
    """Active people who may moderate: staff with the moderation permission, or superusers."""
    user_model = get_user_model()
    return (
        user_model.objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="moderate_comment")
            | Q(user_permissions__codename="moderate_comment")
        )
        .distinct()
    )


@task()
def notify_moderators() -> None:
    """A digest, not a flood: each moderator gets at most one email per digest period."""
    waiting = awaiting_review_count()
    if not waiting:
        return
    period = settings.MODERATION_DIGEST_MINUTES * 60
    queue_url = site_url(reverse("admin:consultations_comment_changelist"))
    for moderator in moderators():
        if not cache.add(f"moderation-digest:{moderator.pk}", 1, timeout=period):
            continue  # already told within this period; the queue keeps the rest
        _send(
            to=moderator.email,
            template="moderators_digest",
            context={"waiting": waiting, "queue_url": queue_url, "name": moderator.display_name},
            language=settings.LANGUAGE_CODE,
        )
