"""Writes of notifications: follows, events, delivery settings, reading, digests, visitors'
subscriptions. Emails leave after commit through the task queue (notifications.tasks)."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations.models import Comment, Consultation
from consultations.results.selectors import has_final_files

from . import selectors, tasks
from .models import (
    Delivery,
    DeliverySetting,
    Follow,
    Kind,
    Notification,
    Recipient,
    Subscription,
    SubscriptionEmail,
    Unfollow,
)

# Time-based events (a closing, published results, a new consultation) are looked for this
# far back by `notifications_send`, so that a missed run catches up.
LOOK_BACK = timedelta(days=7)


def recipient_language_set(*, user, language: str | None) -> None:
    """Remember the language `user` reads notifications in."""
    if language not in dict(settings.LANGUAGES):
        return
    Recipient.objects.update_or_create(user=user, defaults={"language": language})


@transaction.atomic
def follow(*, user, consultation: Consultation, language: str | None = None) -> Follow:
    """`user` follows `consultation`. Effects: a former unfollow is forgotten."""
    Unfollow.objects.filter(user=user, consultation=consultation).delete()
    found, _created = Follow.objects.get_or_create(user=user, consultation=consultation)
    recipient_language_set(user=user, language=language or translation.get_language())
    return found


@transaction.atomic
def unfollow(*, user, consultation: Consultation) -> None:
    """`user` stops following. Effects: taking part again does not follow again."""
    Follow.objects.filter(user=user, consultation=consultation).delete()
    Unfollow.objects.get_or_create(user=user, consultation=consultation)


def follow_on_taking_part(*, user, consultation: Consultation, language: str | None) -> None:
    """Following starts by itself when someone comments, replies or votes (unless they stopped
    following this consultation before)."""
    if user is None:
        return
    if language:
        recipient_language_set(user=user, language=language)
    if Unfollow.objects.filter(user=user, consultation=consultation).exists():
        return
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(user=user, consultation=consultation)
    except IntegrityError:
        pass  # a simultaneous request of theirs made it first


@transaction.atomic
def delivery_settings_save(*, user, choices: dict[str, str], language: str | None = None) -> None:
    """Save `user`'s delivery per kind ("at_once", "digest", "off")."""
    for kind, delivery in choices.items():
        if kind not in Kind.values or delivery not in Delivery.values:
            raise ValidationError(_("Choose how you want to hear of each kind of event."))
        DeliverySetting.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery, "updated_at": timezone.now()}
        )
    recipient_language_set(user=user, language=language or translation.get_language())


def unsubscribe(*, token: str) -> str:
    """Turn off what a signed link names: one kind (or the digest) for a person, or a visitor's
    subscription. Returns what was turned off; raises ValidationError for a bad link."""
    try:
        data = signing.loads(token, salt=tasks.UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise ValidationError(_("This link is not valid."), code="invalid") from None
    if "e" in data:
        Subscription.objects.filter(email=data["e"]).delete()
        return "new"
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if user is None:
        raise ValidationError(_("This link is not valid."), code="invalid")
    kind = data.get("k")
    if kind == "digest":
        kinds = [k for k, d in selectors.delivery_settings(user).items() if d == Delivery.DIGEST]
    elif kind in Kind.values:
        kinds = [kind]
    else:
        raise ValidationError(_("This link is not valid."), code="invalid")
    with transaction.atomic():
        for each in kinds:
            DeliverySetting.objects.update_or_create(
                user=user, kind=each, defaults={"delivery": Delivery.OFF}
            )
    return kind


def event_record(
    *,
    recipients: Iterable[int],
    kind: str,
    key: str,
    consultation_id: int,
    comment_id: int | None = None,
    event: str = "",
    now: datetime | None = None,
) -> list[Notification]:
    """Record one event for each recipient (by user id), once per recipient and `key`.

    Effects: each new notification shows on the person's notifications page; one whose kind
    they get at once is emailed after commit; one they switched off is never emailed.
    """
    now = now or timezone.now()
    created = []
    for user_id in dict.fromkeys(recipients):
        try:
            with transaction.atomic():
                row = Notification.objects.create(
                    recipient_id=user_id,
                    kind=kind,
                    key=key,
                    event=event,
                    consultation_id=consultation_id,
                    comment_id=comment_id,
                    created_at=now,
                )
        except IntegrityError:
            continue  # this event was recorded for this person already
        delivery = selectors.delivery_for(row.recipient, kind)
        if delivery == Delivery.AT_ONCE:
            transaction.on_commit(partial(tasks.notification_send.enqueue, row.pk))
        elif delivery == Delivery.OFF:
            Notification.objects.filter(pk=row.pk).update(email=Notification.Email.NOT_SENT)
        created.append(row)
    return created


def reply_published(*, comment: Comment, now: datetime) -> None:
    """A reply became public: the author of the comment it answers hears of it."""
    if comment.parent_id is None:
        return
    parent = Comment.objects.filter(pk=comment.parent_id).values("author_id").first()
    if not parent or parent["author_id"] in (None, comment.author_id):
        return
    event_record(
        recipients=[parent["author_id"]],
        kind=Kind.REPLY,
        key=f"reply:{comment.pk}",
        consultation_id=comment.consultation_id,
        comment_id=comment.pk,
        event="reply",
        now=now,
    )


def author_told(*, comment: Comment, event: str, now: datetime) -> None:
    """Moderation's news for a comment's author (a decision, an appeal's outcome, a response)."""
    if comment.author_id is None:
        return
    kind = Kind.RESPONSE if event == "official_response" else Kind.MODERATION
    event_record(
        recipients=[comment.author_id],
        kind=kind,
        key=f"author:{comment.pk}:{event}:{now.isoformat()}",
        consultation_id=comment.consultation_id,
        comment_id=comment.pk,
        event=event,
        now=now,
    )


def section_response_published(*, response, now: datetime) -> None:
    """An official response to a section: everyone who commented on that section hears of it."""
    if response.section_id is None:
        return
    authors = (
        Comment.objects.filter(section_id=response.section_id, author__isnull=False)
        .exclude(status=Comment.Status.REMOVED)
        .values_list("author_id", flat=True)
        .distinct()
    )
    event_record(
        recipients=list(authors),
        kind=Kind.RESPONSE,
        key=f"response:{response.pk}",
        consultation_id=response.consultation_id,
        event="section_response",
        now=now,
    )


def time_events_record(*, now: datetime | None = None) -> int:
    """Record what time brought: followed consultations that closed, their results files
    published, their "What we did with your input" published, new consultations opened for
    subscribers. Returns how many
    notifications and announcements were made."""
    now = now or timezone.now()
    since = now - LOOK_BACK
    made = 0
    published = Consultation.objects.published()
    just_closed = list(published.filter(closes_at__gt=since, closes_at__lte=now))
    for consultation in just_closed:
        made += len(
            event_record(
                recipients=list(selectors.followers_of(consultation)),
                kind=Kind.CLOSED,
                key=f"closed:{consultation.pk}",
                consultation_id=consultation.pk,
                event="closed",
                now=now,
            )
        )
    for consultation in just_closed:
        if not any(has_final_files(consultation, code) for code, _name in settings.LANGUAGES):
            continue
        made += len(
            event_record(
                recipients=list(selectors.followers_of(consultation)),
                kind=Kind.RESULTS,
                key=f"dossier:{consultation.pk}",
                consultation_id=consultation.pk,
                event="dossier",
                now=now,
            )
        )
    for consultation in published.filter(closes_at__lte=now).exclude(
        outcome_html_sl="", outcome_html_en=""
    ):
        made += len(
            event_record(
                recipients=list(selectors.followers_of(consultation)),
                kind=Kind.RESULTS,
                key=f"results:{consultation.pk}",
                consultation_id=consultation.pk,
                event="outcome",
                now=now,
            )
        )
    asked = (
        DeliverySetting.objects.filter(kind=Kind.NEW, user__is_active=True)
        .exclude(delivery=Delivery.OFF)
        .values_list("user_id", flat=True)
    )
    for consultation in published.filter(opens_at__gt=since, opens_at__lte=now):
        made += announcements_record(consultation=consultation)
        made += len(
            event_record(
                recipients=list(asked),
                kind=Kind.NEW,
                key=f"new:{consultation.pk}",
                consultation_id=consultation.pk,
                event="new",
                now=now,
            )
        )
    return made


def announcements_record(*, consultation: Consultation) -> int:
    """A new consultation: once to each confirmed visitor subscriber."""
    made = 0
    for subscription in Subscription.objects.filter(confirmed_at__isnull=False):
        row, created = SubscriptionEmail.objects.get_or_create(
            subscription=subscription, consultation=consultation
        )
        if created:
            transaction.on_commit(partial(tasks.announcement_send.enqueue, row.pk))
            made += 1
    return made


def digests_send(*, now: datetime | None = None) -> int:
    """Queue today's digest of everyone who has notifications waiting for one."""
    now = now or timezone.now()
    day = timezone.localdate(now).isoformat()
    waiting = (
        Notification.objects.filter(email=Notification.Email.PENDING)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    users = list(waiting)
    for user_id in users:
        tasks.digest_send.enqueue(user_id, day)
    return len(users)


@transaction.atomic
def notifications_mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark `user`'s notifications read: those named, or all."""
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    return rows.update(read_at=timezone.now())


def subscription_request(*, email: str, language: str) -> None:
    """A visitor asks for news of new consultations. Effects: a confirmation link is emailed
    (double opt-in); the same answer whether or not the address is already subscribed."""
    email = email.strip().lower()
    with transaction.atomic():
        Subscription.objects.get_or_create(email=email, defaults={"language": language})
    transaction.on_commit(partial(tasks.subscription_confirm_send.enqueue, email, language))


@transaction.atomic
def subscription_confirm(*, token: str, max_age: timedelta = timedelta(days=7)) -> Subscription:
    """The link from the confirmation email: the address starts getting the news."""
    try:
        data = signing.loads(token, salt=tasks.SUBSCRIPTION_SALT, max_age=max_age)
    except signing.BadSignature:
        raise ValidationError(_("This link is not valid or has expired."), code="invalid") from None
    subscription = Subscription.objects.filter(email=data["e"]).first()
    if subscription is None:
        raise ValidationError(_("This link is not valid or has expired."), code="invalid")
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription
