"""Who may do what with consultations: one home for views, templates and exports alike."""

from datetime import datetime

from allauth.account.models import EmailAddress

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


def can_take_part(user, consultation: Consultation, *, now: datetime | None = None) -> bool:
    """Comment, reply, support and vote: verified citizens, while the consultation is open."""
    return consultation.is_published and consultation.is_open(now=now) and is_verified_citizen(user)


def can_remove(user, comment: Comment) -> bool:
    """Authors may remove their own published comments."""
    return bool(
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.status == Comment.Status.PUBLISHED
    )
