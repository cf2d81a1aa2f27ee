"""What moderation adds to a person's account (accounts.contributions): their reports of
comments (with the text they wrote) and their requests for review, in the data export, and
what account deletion does with them."""

from django.db.models import Case, QuerySet, Value, When

from accounts import contributions
from accounts.models import User
from consultations.models import ModerationReason
from inepa_portal.translation import translated

from .models import Appeal, Flag

# The text an "other" report keeps once its reporter's account is deleted: the model asks such
# a report for an explanation, and this one says only that there was one ("—" is what the
# admin shows for a thing it has not got).
ERASED_REPORT_TEXT = "—"


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
    """Effects: the person's reports stay, with their reason and time, and keep counting
    toward their comment's flag threshold, but are linked to nobody and lose their free text
    (an "other" report keeps ERASED_REPORT_TEXT in its place); when the person removes their
    comments, the requests to review them go too (there is nothing left to restore), and when
    they keep them, those requests stay with them for moderators to decide. The moderation log
    keeps its entries as written (it is append-only).

    Runs before participation's step (the moderation app registers after it, and deletion
    steps run last registered first), while the person's comments still name them."""
    if not keep_comments:
        Appeal.objects.filter(comment__author=user).delete()
    Flag.objects.filter(user=user).update(
        user=None,
        text=Case(
            When(reason=ModerationReason.OTHER, then=Value(ERASED_REPORT_TEXT)), default=Value("")
        ),
    )


def register() -> None:
    contributions.register(
        contributions.Contribution(
            name="moderation",
            exports=(
                contributions.ExportPart("reports", reports_export),
                contributions.ExportPart("appeals", appeals_export),
            ),
            delete=moderation_delete,
        )
    )
