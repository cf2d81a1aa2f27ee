"""Reads of moderation: what waits for a moderator."""

from django.db.models import Q, QuerySet

from consultations.models import Comment, Consultation

from .models import OfficialResponse


def comments_needing_attention() -> QuerySet[Comment]:
    """Pending comments, flagged ones still published, hidden ones awaiting an appeal."""
    return Comment.objects.filter(
        Q(status=Comment.Status.PENDING)
        | Q(flag_count__gt=0, moderated_at__isnull=True)
        & Q(status__in=[Comment.Status.PUBLISHED, Comment.Status.HIDDEN])
        | Q(appeal__isnull=False, appeal__decided_at__isnull=True)
    )


def awaiting_review_count() -> int:
    """How many comments wait for a moderator (the admin index shows it)."""
    return comments_needing_attention().count()


def official_responses(consultation: Consultation) -> QuerySet[OfficialResponse]:
    """The organisation's responses in a consultation, with what they answer."""
    return (
        OfficialResponse.objects.filter(consultation=consultation)
        .select_related("section", "comment")
        .order_by("created_at", "id")
    )
