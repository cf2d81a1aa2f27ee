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
