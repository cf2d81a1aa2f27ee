"""Reads of moderation: what waits for a moderator."""

from django.db.models import Count, Q, QuerySet

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


# The queues of the moderation overview; the queue's filter lists each one oldest first.
QUEUES = {
    "pending": Q(status=Comment.Status.PENDING),
    "flagged": Q(status=Comment.Status.PUBLISHED, flag_count__gt=0, moderated_at__isnull=True),
    "auto_hidden": Q(status=Comment.Status.HIDDEN, moderated_at__isnull=True),
    "appealed": Q(appeal__isnull=False, appeal__decided_at__isnull=True),
}


def queue_counts() -> dict[str, int]:
    """How many comments each queue of the overview holds, in one query."""
    return Comment.objects.aggregate(
        **{name: Count("pk", filter=condition) for name, condition in QUEUES.items()}
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
