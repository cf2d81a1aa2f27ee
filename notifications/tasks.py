"""Notification emails, sent by the task queue after the change that caused them commits.

Never twice for one event: a task first claims its notification (pending → sending) in one
UPDATE, and only the worker that claimed it sends. A failed send gives the claim back and
fails the task, so a retry (a worker running it again) sends it, once.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from consultations.models import Comment
from consultations.moderation import notices
from inepa_portal.links import site_url

from . import selectors
from .models import DigestDay, Kind, Notification, Subscription, SubscriptionEmail

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
SUBSCRIPTION_SALT = "notifications.subscription"
# Moderation's events as the author is told of them, by kind.
AUTHOR_EVENTS = {"official_response": Kind.RESPONSE}


def unsubscribe_token(*, user_id: int | None = None, kind: str = "", email: str = "") -> str:
    """A signed token that turns one kind off for a person (or ends a visitor's subscription)."""
    if email:
        return signing.dumps({"e": email}, salt=UNSUBSCRIBE_SALT, compress=True)
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(token: str, language: str) -> str:
    with translation.override(language):
        return site_url(reverse("notifications:unsubscribe", kwargs={"token": token}))


def _message(*, to: str, subject: str, body: str, language: str, token: str):
    """An email with its unsubscribe link in the text and in the RFC 8058 headers."""
    url = unsubscribe_url(token, language)
    with translation.override(language):
        footer = render_to_string("notifications/email/footer.txt", {"unsubscribe_url": url})
    return EmailMultiAlternatives(
        subject,
        f"{body.rstrip()}\n\n{footer}",
        settings.DEFAULT_FROM_EMAIL,
        [to],
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _context(notification: Notification, language: str) -> dict:
    consultation = notification.consultation
    comment = notification.comment
    # Only a public comment's words go into an email.
    public = (
        Comment.objects.visible().filter(pk=comment.pk).first() if comment is not None else None
    )
    anchor = f"#{public.anchor}" if public is not None else ""
    with translation.override(language):
        return {
            "notification": notification,
            "consultation_title": consultation.localized(language).title,
            "comment": public,
            "page_url": site_url(f"{consultation.get_absolute_url()}{anchor}"),
            "notifications_url": site_url(reverse("notifications:list")),
        }


def notification_render(notification: Notification) -> tuple[str, str, str]:
    """(subject, body, language) of one notification's email."""
    comment = notification.comment
    if notification.kind == Kind.MODERATION or (
        notification.kind == Kind.RESPONSE and notification.event == "official_response"
    ):
        told = notices.author_message(comment, notification.event)
        if told is not None:
            return told.subject, told.body, told.language
    language = selectors.language_of(notification.recipient)
    context = _context(notification, language)
    with translation.override(language):
        name = f"notifications/email/{notification.kind}"
        subject = render_to_string(f"{name}_subject.txt", context).strip()
        body = render_to_string(f"{name}.txt", context)
    return subject, body, language


@task()
def notification_send(notification_id: int) -> str:
    """Email one notification at once, unless it was sent already or its kind is now off."""
    claimed = Notification.objects.filter(
        pk=notification_id, email=Notification.Email.PENDING
    ).update(email=Notification.Email.SENDING)
    if not claimed:
        return "already handled"
    notification = Notification.objects.select_related(
        "recipient", "consultation", "comment__author", "comment__consultation"
    ).get(pk=notification_id)
    recipient = notification.recipient
    delivery = selectors.delivery_for(recipient, notification.kind)
    if recipient.is_active and delivery == "digest":  # chosen since: the digest takes it
        Notification.objects.filter(pk=notification_id).update(email=Notification.Email.PENDING)
        return "left for the digest"
    if not recipient.is_active or delivery != "at_once":
        Notification.objects.filter(pk=notification_id).update(email=Notification.Email.NOT_SENT)
        return "not sent"
    try:
        subject, body, language = notification_render(notification)
        token = unsubscribe_token(user_id=recipient.pk, kind=notification.kind)
        _message(
            to=recipient.email, subject=subject, body=body, language=language, token=token
        ).send()
    except Exception:
        logger.exception("Could not send notification %s", notification_id)
        Notification.objects.filter(pk=notification_id).update(email=Notification.Email.PENDING)
        raise
    Notification.objects.filter(pk=notification_id).update(
        email=Notification.Email.SENT, emailed_at=timezone.now()
    )
    return "sent"


@task()
def digest_send(user_id: int, day: str) -> str:
    """One person's daily digest: every notification waiting for it, in one email, at most
    one a day (the DigestDay row is the claim)."""
    pending = list(
        Notification.objects.filter(
            recipient_id=user_id, email=Notification.Email.PENDING
        ).select_related("recipient", "consultation", "comment")
    )
    choices = selectors.delivery_settings(pending[0].recipient) if pending else {}
    items = [n for n in pending if choices[n.kind] == "digest"]
    switched_off = [n.pk for n in pending if choices[n.kind] == "off"]
    Notification.objects.filter(pk__in=switched_off).update(email=Notification.Email.NOT_SENT)
    if not items or not items[0].recipient.is_active:
        return "nothing"
    recipient = items[0].recipient
    try:
        with transaction.atomic():
            claim = DigestDay.objects.create(user_id=user_id, day=day)
    except IntegrityError:
        return "already sent today"
    language = selectors.language_of(recipient)
    try:
        with translation.override(language):
            entries = [
                {"subject": notification_render(n)[0], "context": _context(n, language)}
                for n in items
            ]
            context = {
                "entries": entries,
                "name": recipient.display_name,
                "notifications_url": site_url(reverse("notifications:list")),
                "settings_url": site_url(reverse("notifications:settings")),
            }
            subject = render_to_string("notifications/email/digest_subject.txt", context).strip()
            body = render_to_string("notifications/email/digest.txt", context)
        _message(
            to=recipient.email,
            subject=subject,
            body=body,
            language=language,
            token=unsubscribe_token(user_id=user_id, kind="digest"),
        ).send()
    except Exception:
        logger.exception("Could not send the digest of %s", user_id)
        claim.delete()
        raise
    Notification.objects.filter(pk__in=[n.pk for n in items]).update(
        email=Notification.Email.DIGESTED, emailed_at=timezone.now()
    )
    return "sent"


def confirmation_token(email: str) -> str:
    return signing.dumps({"e": email}, salt=SUBSCRIPTION_SALT, compress=True)


@task()
def subscription_confirm_send(email: str, language: str) -> None:
    """The double opt-in: a link that confirms the address."""
    with translation.override(language):
        url = site_url(
            reverse("notifications:subscribe_confirm", kwargs={"token": confirmation_token(email)})
        )
        subject = render_to_string("notifications/email/confirm_subject.txt").strip()
        body = render_to_string("notifications/email/confirm.txt", {"confirm_url": url})
    EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [email]).send()


@task()
def announcement_send(announcement_id: int) -> str:
    """A new consultation, to one confirmed subscriber, once."""
    claimed = SubscriptionEmail.objects.filter(pk=announcement_id, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return "already sent"
    row = SubscriptionEmail.objects.select_related("subscription", "consultation").get(
        pk=announcement_id
    )
    subscription: Subscription = row.subscription
    language = subscription.language
    try:
        with translation.override(language):
            context = {
                "consultation_title": row.consultation.localized(language).title,
                "page_url": site_url(row.consultation.get_absolute_url()),
            }
            subject = render_to_string("notifications/email/new_subject.txt", context).strip()
            body = render_to_string("notifications/email/new.txt", context)
        _message(
            to=subscription.email,
            subject=subject,
            body=body,
            language=language,
            token=unsubscribe_token(email=subscription.email),
        ).send()
    except Exception:
        SubscriptionEmail.objects.filter(pk=announcement_id).update(sent_at=None)
        raise
    return "sent"
