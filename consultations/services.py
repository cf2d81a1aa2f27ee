"""Every write of a consultation's participation: comments, supports, votes."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inepa_portal.markup import render_markdown
from inepa_portal.slugs import fill_translated_slugs
from inepa_portal.translation import LANGUAGE_CODES

from . import counters
from .caching import consultation_pages_expire
from .models import Comment, CommentSupport, Consultation, ModerationMode, Section, Vote
from .signals import comment_published, took_part


class ConsultationNotOpen(ValidationError):
    """Raised when someone tries to take part before a consultation opens or after it closes."""


def ensure_open(consultation: Consultation, now: datetime) -> None:
    """Refuse (ConsultationNotOpen, with a translated message) unless it is open at `now`."""
    state = consultation.state(now=now)
    if state == Consultation.State.UPCOMING:
        raise ConsultationNotOpen(
            _("This consultation opens on %(date)s; nothing can be recorded before then.")
            % {"date": date_format(timezone.localtime(consultation.opens_at), "DATETIME_FORMAT")},
            code="upcoming",
        )
    if state == Consultation.State.CLOSED:
        raise ConsultationNotOpen(
            _("This consultation closed on %(date)s; nothing more can be recorded.")
            % {"date": date_format(timezone.localtime(consultation.closes_at), "DATETIME_FORMAT")},
            code="closed",
        )


@transaction.atomic
def consultation_save(*, consultation: Consultation) -> Consultation:
    """Save a consultation written by staff.

    Effects: every titled language gets a unique slug; the outcome summary ("what we did with
    your input") is rendered to sanitised HTML.
    """
    for code in LANGUAGE_CODES:
        setattr(
            consultation,
            f"outcome_html_{code}",
            render_markdown(getattr(consultation, f"outcome_{code}"), language=code),
        )
    fill_translated_slugs(consultation, languages=LANGUAGE_CODES)
    consultation.full_clean()
    consultation.save()
    consultation_pages_expire(consultation.pk)
    return consultation


@transaction.atomic
def consultation_delete(*, consultation: Consultation) -> None:
    """Delete a consultation with everything written in it.

    Effects: its pages expire at every address they had; its sections, comments, supports, votes
    and results rows go in a fixed number of queries whatever its size (no model signals).
    """
    consultation_pages_expire(consultation.pk)
    consultation.delete()


@transaction.atomic
def section_save(*, section: Section) -> Section:
    """Save a section. Effects: each language's Markdown is rendered to sanitised HTML."""
    for code in LANGUAGE_CODES:
        setattr(
            section,
            f"body_html_{code}",
            render_markdown(getattr(section, f"body_{code}"), language=code),
        )
    section.full_clean()
    section.save()
    consultation_pages_expire(section.consultation_id)
    return section


@transaction.atomic
def section_delete(*, section: Section) -> None:
    """Delete a section with the comments and votes on it. Effects: the pages expire."""
    consultation_pages_expire(section.consultation_id)
    section.delete()


@transaction.atomic
def comment_submit(
    *,
    consultation: Consultation,
    author,
    body: str,
    language: str,
    section: Section | None = None,
    parent: Comment | None = None,
    now: datetime | None = None,
) -> Comment:
    """Record a comment, or a reply when `parent` is given.

    Effects: refuses outside the consultation window; a reply joins its parent's section and
    may not itself be replied to; the Markdown is rendered once, here; under pre-moderation
    the comment waits for a moderator, otherwise it is published at once.
    """
    now = now or timezone.now()
    ensure_open(consultation, now)
    if parent is not None:
        if parent.consultation_id != consultation.pk or parent.parent_id is not None:
            raise ValidationError(_("You can only reply to a comment of this consultation."))
        if parent.status != Comment.Status.PUBLISHED:
            raise ValidationError(_("This comment can no longer be replied to."))
        section = parent.section
    if section is not None and section.consultation_id != consultation.pk:
        raise ValidationError(_("This section belongs to another consultation."))
    body = body.strip()
    comment = Comment(
        consultation=consultation,
        section=section,
        parent=parent,
        author=author,
        body=body,
        body_html=render_markdown(body, language=language),
        language=language,
        created_at=now,
        status=(
            Comment.Status.PENDING
            if consultation.moderation_mode == ModerationMode.PRE
            else Comment.Status.PUBLISHED
        ),
    )
    comment.full_clean()
    comment.save()
    counters.comment_status_counted(comment, previous=None)
    consultation_pages_expire(consultation.pk)
    took_part.send(sender=Comment, user=author, consultation=consultation, language=language)
    if comment.status == Comment.Status.PUBLISHED:
        comment_published.send(sender=Comment, comment=comment, now=now)
    return comment


@transaction.atomic
def comment_remove(*, comment: Comment, author, now: datetime | None = None) -> Comment:
    """The author removes their published comment.

    Effects: refuses anyone but the author and a comment that is not published (pending,
    hidden, rejected or removed ones are the moderators' or already gone); its text is erased
    and its supports go; replies stay in place.
    """
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if author is None or comment.author_id != author.pk:
        raise ValidationError(_("Only the author can remove a comment."), code="not_author")
    if comment.status != Comment.Status.PUBLISHED:
        raise ValidationError(_("This comment can no longer be removed."), code="state")
    return _comment_erase(comment, now=now or timezone.now())


def _comment_erase(comment: Comment, *, now: datetime) -> Comment:
    previous = comment.status
    comment.status = Comment.Status.REMOVED
    comment.body = ""
    comment.body_html = ""
    comment.removed_at = now
    comment.support_count = 0
    comment.save(update_fields=["status", "body", "body_html", "removed_at", "support_count"])
    comment.supports.all().delete()
    counters.comment_status_counted(comment, previous=previous)
    consultation_pages_expire(comment.consultation_id)
    return comment


def comment_support(*, comment: Comment, user, now: datetime | None = None) -> None:
    """Add a citizen's +1 to a comment; a second +1 by the same citizen changes nothing."""
    ensure_open(comment.consultation, now or timezone.now())
    if comment.status != Comment.Status.PUBLISHED:
        raise ValidationError(_("This comment can no longer be supported."))
    if comment.author_id == user.pk:
        raise ValidationError(_("You cannot support your own comment."))
    try:
        with transaction.atomic():
            CommentSupport.objects.create(comment=comment, user=user)
            counters.supports_counted(comment.pk, 1)
    except IntegrityError:
        return  # already supported: the unique constraint kept it single
    consultation_pages_expire(comment.consultation_id)


def comment_unsupport(*, comment: Comment, user, now: datetime | None = None) -> None:
    """Take a citizen's +1 back."""
    ensure_open(comment.consultation, now or timezone.now())
    with transaction.atomic():
        withdrawn = CommentSupport.objects.filter(comment=comment, user=user).delete()[0]
        counters.supports_counted(comment.pk, -withdrawn)
    if withdrawn:
        consultation_pages_expire(comment.consultation_id)


def vote_cast(
    *,
    consultation: Consultation,
    user,
    choice: str,
    section: Section | None = None,
    now: datetime | None = None,
) -> None:
    """Record or change a citizen's vote on the draft or on one section.

    Effects: refuses outside the consultation window; concurrent submissions by the same
    citizen (two tabs, a double click) leave exactly one vote, holding one of their choices;
    the target's tally counts it (a changed vote moves from one choice to the other).
    """
    now = now or timezone.now()
    ensure_open(consultation, now)
    if section is not None and section.consultation_id != consultation.pk:
        raise ValidationError(_("This section belongs to another consultation."))
    if choice not in Vote.Choice.values:
        raise ValidationError(_("Choose agree, disagree or abstain."))
    target = {"consultation": consultation, "section": section, "user": user}
    counted = {"consultation_id": consultation.pk, "section_id": section.pk if section else None}
    took_part.send(sender=Vote, user=user, consultation=consultation, language=None)
    with transaction.atomic():
        consultation_pages_expire(consultation.pk)  # a changed vote changes the tallies shown
        # The choice it replaces (locked: a second request of this citizen waits for ours).
        previous = Vote.objects.select_for_update().filter(**target).values_list("choice").first()
        if previous is not None:
            Vote.objects.filter(**target).update(choice=choice, updated_at=now)
            counters.vote_counted(**counted, choice=choice, previous=previous[0])
            return
        try:
            with transaction.atomic():
                Vote.objects.create(**target, choice=choice)
        except IntegrityError:
            # Another request of this citizen inserted the vote first; ours changes it.
            (previous,) = Vote.objects.select_for_update().filter(**target).values_list("choice")
            Vote.objects.filter(**target).update(choice=choice, updated_at=now)
            counters.vote_counted(**counted, choice=choice, previous=previous[0])
            return
        counters.vote_counted(**counted, choice=choice)


@transaction.atomic
def comments_of_author_release(*, author, remove: bool, now: datetime | None = None) -> int:
    """Before an account is deleted: remove its comments, or keep them without a name.

    Effects: with `remove`, every comment's text is erased as if its author had removed it;
    either way the comments no longer point to the person. Returns how many comments it touched.
    """
    comments = list(Comment.objects.filter(author=author))
    for consultation_id in {comment.consultation_id for comment in comments}:
        consultation_pages_expire(consultation_id)  # the author's name changes on those pages
    if remove:
        for comment in comments:
            if comment.status != Comment.Status.REMOVED:
                _comment_erase(comment, now=now or timezone.now())
    return Comment.objects.filter(author=author).update(author=None)


@transaction.atomic
def supports_of_user_withdraw(*, user) -> int:
    """Before an account is deleted: its supports go, and the comments count them no more."""
    consultation_ids = set(
        CommentSupport.objects.filter(user=user).values_list("comment__consultation_id", flat=True)
    )
    for consultation_id in consultation_ids:
        consultation_pages_expire(consultation_id)
    counters.supports_of_user_uncounted(user)
    return CommentSupport.objects.filter(user=user).delete()[0]


@transaction.atomic
def votes_of_user_anonymise(*, user) -> int:
    """Before an account is deleted: its votes stay in the tallies, linked to nobody."""
    return Vote.objects.filter(user=user).update(user=None)
