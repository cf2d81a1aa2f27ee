"""Who may do what in moderation: one home for views, templates and the admin."""

from consultations.models import Comment


def can_appeal(user, comment: Comment) -> bool:
    """Authors of a hidden or rejected comment may ask once for a review."""
    return bool(
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.status in {Comment.Status.HIDDEN, Comment.Status.REJECTED}
        and not hasattr(comment, "appeal")
    )


def can_moderate(user) -> bool:
    """Moderators and superusers: the moderation permission, in the admin."""
    return bool(
        user.is_authenticated and user.is_active and user.has_perm("consultations.moderate_comment")
    )


def decisions_allowed(comment: Comment) -> list[str]:
    """The decisions that make sense for a comment in its state, in the order offered.

    Pending: publish or reject. Published: hide. Hidden: restore; hiding again only confirms an
    automatic hiding after reports or refuses an open appeal. Rejected: restore. Removed: none.
    """
    appeal = getattr(comment, "appeal", None)
    appeal_open = appeal is not None and appeal.decided_at is None
    Status = Comment.Status
    if comment.status == Status.PENDING:
        return ["publish", "reject"]
    if comment.status == Status.PUBLISHED:
        return ["hide"]
    if comment.status == Status.HIDDEN:
        auto_hidden = comment.moderated_at is None
        return ["restore", "hide"] if auto_hidden or appeal_open else ["restore"]
    if comment.status == Status.REJECTED:
        return ["restore"]
    return []


def is_auto_hidden(comment: Comment) -> bool:
    """Hidden by the reports threshold, and no moderator has looked at it since."""
    return comment.status == Comment.Status.HIDDEN and comment.moderated_at is None
