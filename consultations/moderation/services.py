"""Moderation services: flags, moderators' decisions, appeals, blocks and official responses.

Every decision is written to the append-only log in the same transaction; emails leave after
commit through the tasks framework, so a failing mail server never undoes a decision.
"""

from collections import Counter
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import counters
from consultations.caching import consultation_pages_expire
from consultations.models import Comment, Consultation, ModerationReason, Section
from consultations.services import ensure_open
from consultations.signals import comment_published, results_changed
from inepa_portal.markup import render_markdown

from . import notices
from .models import Appeal, Flag, ModerationAction, OfficialResponse
from .signals import author_event, official_response_published

AUTOMATIC = "automatic"
# The text an "other" report keeps once its reporter's account is deleted: the model asks such
# a report for an explanation, and this one says only that there was one ("—" is what the
# admin shows for a thing it has not got).
ERASED_REPORT_TEXT = "—"

# action: (the states it applies to, the state it leads to, whether it needs a reason)
TRANSITIONS: dict[str, tuple[set[str], str, bool]] = {
    ModerationAction.Action.PUBLISH: ({Comment.Status.PENDING}, Comment.Status.PUBLISHED, False),
    ModerationAction.Action.HIDE: (
        {Comment.Status.PUBLISHED, Comment.Status.HIDDEN},
        Comment.Status.HIDDEN,
        True,
    ),
    ModerationAction.Action.REJECT: ({Comment.Status.PENDING}, Comment.Status.REJECTED, True),
    ModerationAction.Action.RESTORE: (
        {Comment.Status.HIDDEN, Comment.Status.REJECTED},
        Comment.Status.PUBLISHED,
        False,
    ),
}
AUTHOR_EVENTS = {
    Comment.Status.HIDDEN: "hidden",
    Comment.Status.REJECTED: "rejected",
}


def _log(
    *,
    action: str,
    actor=None,
    comment: Comment | None = None,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    note: str = "",
    flag_count: int | None = None,
    target_user=None,
    now: datetime,
) -> ModerationAction:
    return ModerationAction.objects.create(
        comment=comment,
        actor=actor,
        actor_name=actor.display_name if actor else AUTOMATIC,
        target_user=target_user,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        note=note,
        flag_count=flag_count,
        created_at=now,
    )


def _after_commit(function, *args) -> None:
    transaction.on_commit(lambda: function.enqueue(*args))


def _tell_author(comment: Comment, event: str, now: datetime) -> None:
    """The author hears of it through notifications (their settings, the site and the email)."""
    author_event.send(sender=Comment, comment=comment, event=event, now=now)


@transaction.atomic
def comment_flag(
    *, comment: Comment, user, reason: str, text: str = "", now: datetime | None = None
) -> Flag:
    """A citizen flags a published comment of an open consultation, once.

    Effects: refused once the consultation has closed (its results are final: only a
    moderator's logged decision changes them); the flag is counted; at the consultation's
    threshold the comment is hidden automatically (logged, its author told) and waits first
    in the queue; moderators get a digest email.
    """
    now = now or timezone.now()
    ensure_open(comment.consultation, now)
    if comment.status != Comment.Status.PUBLISHED:
        raise ValidationError(_("This comment can no longer be flagged."))
    if comment.author_id == user.pk:
        raise ValidationError(_("You cannot flag your own comment."))
    if reason not in ModerationReason.values:
        raise ValidationError(_("Choose a reason."))
    if reason == ModerationReason.OTHER and not text.strip():
        raise ValidationError(_("Tell us what is wrong with this comment."))
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                comment=comment, user=user, reason=reason, text=text.strip(), created_at=now
            )
    except IntegrityError:
        raise ValidationError(_("You have already flagged this comment.")) from None
    comment = Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    comment.flag_count = F("flag_count") + 1
    comment.save(update_fields=["flag_count"])
    comment.refresh_from_db()
    if (
        comment.status == Comment.Status.PUBLISHED
        and comment.flag_count >= comment.consultation.flag_threshold
    ):
        reasons = Counter(comment.flags.values_list("reason", flat=True))
        comment.status = Comment.Status.HIDDEN
        comment.moderation_reason = reasons.most_common(1)[0][0]
        comment.moderated_at = None  # a person has yet to look at it: it stays in the queue
        comment.save(update_fields=["status", "moderation_reason", "moderated_at"])
        counters.comment_status_counted(comment, previous=Comment.Status.PUBLISHED)
        _log(
            action=ModerationAction.Action.AUTO_HIDE,
            comment=comment,
            from_status=Comment.Status.PUBLISHED,
            to_status=Comment.Status.HIDDEN,
            reason=comment.moderation_reason,
            flag_count=comment.flag_count,  # worded when shown, in the reader's language
            now=now,
        )
        _tell_author(comment, "hidden", now)
        consultation_pages_expire(comment.consultation_id)
        results_changed.send(sender=Comment, consultation=comment.consultation, now=now)
    _after_commit(notices.notify_moderators)
    return flag


@transaction.atomic
def comment_moderate(
    *,
    comment: Comment,
    moderator,
    action: str,
    reason: str = "",
    note: str = "",
    now: datetime | None = None,
) -> Comment:
    """A moderator publishes, hides, rejects or restores a comment.

    Effects: the state changes (hide and reject need a reason); the decision is logged; an
    open appeal is decided with it; the author is told of a hiding, a rejection or an appeal's
    outcome.
    """
    now = now or timezone.now()
    if action not in TRANSITIONS:
        raise ValidationError(_("Unknown moderation action."))
    allowed_from, to_status, needs_reason = TRANSITIONS[action]
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status not in allowed_from:
        raise ValidationError(
            _("A comment that is %(state)s cannot be %(action)s.")
            % {
                "state": comment.get_status_display(),
                "action": ModerationAction.Action(action).label,
            }
        )
    if needs_reason and reason not in ModerationReason.values:
        raise ValidationError(_("Choose a reason for hiding or rejecting the comment."))
    from_status = comment.status
    comment.status = to_status
    comment.moderated_at = now
    if to_status == Comment.Status.PUBLISHED:
        comment.moderation_reason, comment.moderation_note = "", ""
    else:
        comment.moderation_reason, comment.moderation_note = reason, note.strip()
    comment.save(update_fields=["status", "moderated_at", "moderation_reason", "moderation_note"])
    counters.comment_status_counted(comment, previous=from_status)
    _log(
        action=action,
        actor=moderator,
        comment=comment,
        from_status=from_status,
        to_status=to_status,
        reason=reason if needs_reason else "",
        note=note.strip(),
        now=now,
    )
    appeal = Appeal.objects.filter(comment=comment, decided_at__isnull=True).first()
    if appeal is not None:
        appeal.decided_at = now
        appeal.upheld = to_status == Comment.Status.PUBLISHED
        appeal.save(update_fields=["decided_at", "upheld"])
        _log(
            action=ModerationAction.Action.APPEAL_DECIDED,
            actor=moderator,
            comment=comment,
            from_status=from_status,
            to_status=to_status,
            note=note.strip(),
            now=now,
        )
        event = "appeal_upheld" if appeal.upheld else "appeal_refused"
        _tell_author(comment, event, now)
    elif to_status in AUTHOR_EVENTS and from_status != to_status:
        _tell_author(comment, AUTHOR_EVENTS[to_status], now)
    elif action == ModerationAction.Action.RESTORE:
        _tell_author(comment, "restored", now)
    if to_status == Comment.Status.PUBLISHED and from_status in {
        Comment.Status.PENDING,
        Comment.Status.REJECTED,
    }:  # public for the first time: the comment it replies to has an answer
        comment_published.send(sender=Comment, comment=comment, now=now)
    # What a results dossier shows has changed: a closed consultation's files follow.
    consultation_pages_expire(comment.consultation_id)
    results_changed.send(sender=Comment, consultation=comment.consultation, now=now)
    return comment


@transaction.atomic
def appeal_submit(*, comment: Comment, author, message: str, now: datetime | None = None) -> Appeal:
    """The author asks, once, for a hidden or rejected comment to be reviewed.

    Effects: the comment returns to the moderation queue marked as an appeal; logged.
    """
    now = now or timezone.now()
    if comment.author_id != author.pk:
        raise ValidationError(_("Only the author can ask for a review."))
    if comment.status not in {Comment.Status.HIDDEN, Comment.Status.REJECTED}:
        raise ValidationError(_("Only a hidden or rejected comment can be reviewed."))
    message = message.strip()
    if not message:
        raise ValidationError(_("Tell the moderators why the comment should be restored."))
    try:
        with transaction.atomic():
            appeal = Appeal.objects.create(comment=comment, message=message, created_at=now)
    except IntegrityError:
        raise ValidationError(_("You have already asked for a review of this comment.")) from None
    _log(
        action=ModerationAction.Action.APPEAL,
        actor=author,
        comment=comment,
        from_status=comment.status,
        to_status=comment.status,
        note=message,
        now=now,
    )
    _after_commit(notices.notify_moderators)
    return appeal


@transaction.atomic
def user_block(
    *, user, moderator, hide_comments: bool, reason: str, note: str = "",
    now: datetime | None = None,
) -> int:  # fmt: skip
    """Block a citizen. Effects: they can no longer sign in or take part (their sessions end at
    their next request); with `hide_comments`, each published comment of theirs is hidden and
    logged. Returns how many comments were hidden."""
    now = now or timezone.now()
    if user.is_staff:
        raise ValidationError(_("Staff accounts cannot be blocked here."))
    if reason not in ModerationReason.values:
        raise ValidationError(_("Choose a reason for blocking the account."))
    user_model = get_user_model()
    user_model.objects.filter(pk=user.pk).update(is_active=False)
    _log(
        action=ModerationAction.Action.BLOCK_USER,
        actor=moderator,
        target_user=user,
        reason=reason,
        note=note.strip(),
        now=now,
    )
    hidden = 0
    if hide_comments:
        for comment in Comment.objects.filter(author=user, status=Comment.Status.PUBLISHED):
            comment_moderate(
                comment=comment,
                moderator=moderator,
                action=ModerationAction.Action.HIDE,
                reason=reason,
                note=note,
                now=now,
            )
            hidden += 1
    return hidden


def official_response_targets_check(
    *, consultation: Consultation, comment: Comment | None, section: Section | None
) -> None:
    """Refuse (ValidationError by field) a comment or section of another consultation."""
    errors = {}
    if comment is not None and comment.consultation_id != consultation.pk:
        errors["comment"] = _("This belongs to another consultation.")
    if section is not None and section.consultation_id != consultation.pk:
        errors["section"] = _("This belongs to another consultation.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def official_response_create(
    *,
    consultation: Consultation,
    author,
    body_sl: str,
    body_en: str,
    comment: Comment | None = None,
    section: Section | None = None,
    now: datetime | None = None,
) -> OfficialResponse:
    """Staff answer a comment or a section of `consultation`.

    Effects: refuses a comment or section of another consultation; rendered once; the
    comment's author is told; the consultation's results files follow.
    """
    official_response_targets_check(consultation=consultation, comment=comment, section=section)
    response = OfficialResponse(
        consultation=consultation,
        comment=comment,
        section=section if comment is None else None,
        author=author,
        body_sl=body_sl,
        body_en=body_en,
        body_html_sl=render_markdown(body_sl, language="sl"),
        body_html_en=render_markdown(body_en, language="en"),
        created_at=now or timezone.now(),
    )
    response.full_clean()
    response.save()
    if comment is not None:
        _tell_author(comment, "official_response", response.created_at)
    official_response_published.send(
        sender=OfficialResponse, response=response, now=response.created_at
    )
    consultation_pages_expire(consultation.pk)
    results_changed.send(
        sender=OfficialResponse, consultation=consultation, now=response.created_at
    )
    return response


@transaction.atomic
def official_response_delete(*, response: OfficialResponse) -> None:
    """Staff withdraw a response. Effects: the pages and results files follow."""
    consultation = response.consultation
    response.delete()
    consultation_pages_expire(consultation.pk)
    results_changed.send(sender=OfficialResponse, consultation=consultation, now=timezone.now())


@transaction.atomic
def reports_and_appeals_of_user_release(*, user, remove_appeals: bool) -> None:
    """Before an account is deleted: what becomes of the person's reports and appeals.

    Effects: the person's reports stay, with their reason and time, and keep counting
    toward their comment's flag threshold, but are linked to nobody and lose their free text
    (an "other" report keeps ERASED_REPORT_TEXT in its place); when the person removes their
    comments, the requests to review them go too (there is nothing left to restore), and when
    they keep them, those requests stay with them for moderators to decide. The moderation log
    keeps its entries as written (it is append-only).
    """
    if remove_appeals:
        Appeal.objects.filter(comment__author=user).delete()
    Flag.objects.filter(user=user).update(
        user=None,
        text=Case(
            When(reason=ModerationReason.OTHER, then=Value(ERASED_REPORT_TEXT)), default=Value("")
        ),
    )
