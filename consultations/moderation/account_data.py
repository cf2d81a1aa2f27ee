"""What moderation adds to a person's account (accounts.contributions): their reports of
comments (with the text they wrote) and their requests for review, in the data export, and
what account deletion does with them."""

from django.db.models import QuerySet

from accounts import contributions
from accounts.models import User
from inepa_portal.translation import translated

from . import services
from .models import Appeal, Flag


def reports_by_user(user: User) -> QuerySet[Flag]:
    """The comments a person reported, newest first."""
    return (
        Flag.objects.filter(user=user)
        .select_related("comment__consultation")
        .order_by("-created_at", "-id")
    )


def appeals_by_author(user: User) -> QuerySet[Appeal]:
    """A person's requests to review their own comments, newest first."""
    return (
        Appeal.objects.filter(comment__author=user)
        .select_related("comment__consultation")
        .order_by("-created_at", "-id")
    )


def reports_export(user: User) -> list[dict]:
    # Only the reported comment's number: its text is another person's, and may be hidden.
    return [
        {
            "comment": flag.comment_id,
            "consultation": translated(flag.comment.consultation, "title"),
            "reason": flag.reason,
            "text": flag.text,
            "reported_at": flag.created_at.isoformat(),
        }
        for flag in reports_by_user(user)
    ]


def appeals_export(user: User) -> list[dict]:
    return [
        {
            "comment": appeal.comment_id,
            "consultation": translated(appeal.comment.consultation, "title"),
            "message": appeal.message,
            "asked_at": appeal.created_at.isoformat(),
            "decided_at": appeal.decided_at.isoformat() if appeal.decided_at else None,
            "comment_restored": appeal.upheld,
        }
        for appeal in appeals_by_author(user)
    ]


def moderation_delete(user: User, *, keep_comments: bool) -> None:
    """Runs before participation's step (the moderation app registers after it, and deletion
    steps run last registered first), while the person's comments still name them."""
    services.reports_and_appeals_of_user_release(user=user, remove_appeals=not keep_comments)


def register() -> None:
    contributions.register(
        contributions.Contribution(
            name="moderation",
            profile=contributions.ProfilePart(
                template_name="moderation/profile_reports.html",
                context=lambda user: {"reports": reports_by_user(user)},
            ),
            exports=(
                contributions.ExportPart("reports", reports_export),
                contributions.ExportPart("appeals", appeals_export),
            ),
            delete=moderation_delete,
        )
    )
