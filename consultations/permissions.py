"""Who may do what with consultations: one home for views, templates and exports alike."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from allauth.account.models import EmailAddress
from django.utils import timezone

from .editing import EDIT_WINDOW
from .models import Comment, Consultation


def can_view(user, consultation: Consultation) -> bool:
    """Published consultations are public; unpublished ones are for staff who may change them
    (a moderator, who may only view consultations in the admin, sees no unpublished draft)."""
    return consultation.is_published or bool(
        user.is_staff and user.has_perm(Consultation.PREVIEW_PERMISSION)
    )


def is_verified_citizen(user) -> bool:
    """Signed in, active and with a verified email address: the precondition to take part."""
    if not (user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_is_verified_citizen", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._is_verified_citizen = cached
    return cached


class Barrier(StrEnum):
    """Why a person may not take part in a consultation, as the page tells them."""

    UPCOMING = "upcoming"
    CLOSED = "closed"
    SIGN_IN = "sign_in"
    VERIFY = "verify"
    UNPUBLISHED = "unpublished"


def participation_barrier(
    user, consultation: Consultation, *, now: datetime | None = None
) -> Barrier | None:
    """The first reason `user` may not take part in `consultation` now, or None when they may
    (`can_take_part`): the window before the person, who can do something about the rest."""
    state = consultation.state(now=now)
    if state != Consultation.State.OPEN:
        return Barrier(state)
    if not user.is_authenticated:
        return Barrier.SIGN_IN
    if not is_verified_citizen(user):
        return Barrier.VERIFY
    if not consultation.is_published:
        return Barrier.UNPUBLISHED
    return None


def can_take_part(user, consultation: Consultation, *, now: datetime | None = None) -> bool:
    """Comment, reply, support and vote: verified citizens, while the consultation is open."""
    return participation_barrier(user, consultation, now=now) is None


def can_remove(user, comment: Comment) -> bool:
    """Authors may remove their own published comments."""
    return bool(
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.status == Comment.Status.PUBLISHED
    )


def can_support(user, comment: Comment, *, taking_part: bool) -> bool:
    """Support another person's published comment (or withdraw that support) while taking part
    (`can_take_part` of its consultation)."""
    return (
        taking_part and comment.status == Comment.Status.PUBLISHED and comment.author_id != user.pk
    )


def can_reply(user, comment: Comment, *, taking_part: bool) -> bool:
    """Reply to a published comment that is not itself a reply, while taking part."""
    return taking_part and comment.parent_id is None and comment.status == Comment.Status.PUBLISHED


def can_report(user, comment: Comment, *, taking_part: bool) -> bool:
    """Report another person's published comment to the moderators while taking part (the
    moderation app records the report), once: not one they reported already (`reported_by_me`,
    marked by the selectors that show comments)."""
    return can_support(user, comment, taking_part=taking_part) and not getattr(
        comment, "reported_by_me", False
    )


@dataclass(frozen=True)
class CommentPermissions:
    """The ids of the comments shown on a page that the reader may support, reply to, remove
    or report: answered once by the view, read by the templates."""

    support: frozenset[int] = frozenset()
    reply: frozenset[int] = frozenset()
    remove: frozenset[int] = frozenset()
    report: frozenset[int] = frozenset()
    edit: frozenset[int] = frozenset()


def comment_permissions(
    user, comments: Iterable[Comment], *, taking_part: bool
) -> CommentPermissions:
    """What `user` may do with each of `comments` and their shown replies; `taking_part` is
    `can_take_part` of their consultation."""
    shown = [every for comment in comments for every in (comment, *comment.shown_replies)]

    def allowed(rule) -> frozenset[int]:
        return frozenset(comment.pk for comment in shown if rule(comment))

    return CommentPermissions(
        support=allowed(lambda comment: can_support(user, comment, taking_part=taking_part)),
        reply=allowed(lambda comment: can_reply(user, comment, taking_part=taking_part)),
        remove=allowed(lambda comment: can_remove(user, comment)),
        report=allowed(lambda comment: can_report(user, comment, taking_part=taking_part)),
        edit=allowed(
            lambda comment: taking_part and can_offer_edit(user, comment, now=timezone.now())
        ),
    )


def can_offer_edit(user, comment: Comment, *, now: datetime) -> bool:
    """Offer the author an edit while editing.edit_refusal would allow it, judged from what the
    page shows (its replies, flags and responses); the edit view asks the database again."""
    return bool(
        can_remove(user, comment)
        and now - comment.created_at <= EDIT_WINDOW
        and not comment.flag_count
        and not getattr(comment, "shown_replies", ())
        and not getattr(comment, "responses", ())
    )
