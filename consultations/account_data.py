"""What consultations adds to a person's account (accounts.contributions): the profile's
comments and votes, the export of everything the person did here, and what account deletion
does with it.

Two contributions: participation (comments, votes, supports) and moderation (the person's
reports of comments and requests for review), each with its own selectors, export and
deletion step, so that each can follow its models into an app of its own.
"""

from django.db.models import Case, QuerySet, Value, When

from accounts import contributions
from accounts.models import User
from inepa_portal.translation import current_language, other_languages

from . import selectors, services
from .models import Appeal, Flag, ModerationReason, Section

# The text an "other" report keeps once its reporter's account is deleted: the model asks such
# a report for an explanation, and this one says only that there was one ("—" is what the
# admin shows for a thing it has not got).
ERASED_REPORT_TEXT = "—"


def _heading(section: Section | None) -> str | None:
    """A section's heading in the active language, else in the other one."""
    if section is None:
        return None
    language = current_language()
    for code in [language, *other_languages(language)]:
        if heading := getattr(section, f"heading_{code}"):
            return heading
    return ""


# Participation: comments, votes, supports.


def participation_profile(user: User) -> dict:
    return {
        "comments": selectors.comments_by_author(user),
        "votes": selectors.votes_by_user(user),
    }


def comments_export(user: User) -> list[dict]:
    return [
        {
            "id": comment.pk,
            "consultation": comment.consultation.localized().title,
            "section": _heading(comment.section),
            "reply_to": comment.parent_id,
            "status": comment.status,
            "language": comment.language,
            "text": comment.body,
            "written_at": comment.created_at.isoformat(),
        }
        for comment in selectors.comments_by_author(user)
    ]


def votes_export(user: User) -> list[dict]:
    return [
        {
            "consultation": vote.consultation.localized().title,
            "section": _heading(vote.section),
            "choice": vote.choice,
            "cast_at": vote.created_at.isoformat(),
            "changed_at": vote.updated_at.isoformat(),
        }
        for vote in selectors.votes_by_user(user)
    ]


def supports_export(user: User) -> list[int]:
    return [support.comment_id for support in selectors.supports_by_user(user)]


def participation_delete(user: User, *, keep_comments: bool) -> None:
    """Effects: the person's comments are kept under "deleted user" or have their text removed
    (their choice), linked to nobody either way; their votes stay in the tallies, linked to
    nobody; their supports go with the account (on_delete=CASCADE)."""
    services.comments_of_author_release(author=user, remove=not keep_comments)
    services.votes_of_user_anonymise(user=user)


def register_participation() -> None:
    contributions.register(
        contributions.Contribution(
            name="participation",
            profile=contributions.ProfilePart(
                template_name="consultations/profile_participation.html",
                context=participation_profile,
            ),
            exports=(
                contributions.ExportPart("comments", comments_export),
                contributions.ExportPart("votes", votes_export),
                contributions.ExportPart("supported_comments", supports_export),
            ),
            delete=participation_delete,
        )
    )


# Moderation: the person's reports of comments, and their requests for review.


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
            "consultation": flag.comment.consultation.localized().title,
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
            "consultation": appeal.comment.consultation.localized().title,
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

    Runs before participation's step (accounts.contributions.deletion_steps), while the
    person's comments still name them."""
    if not keep_comments:
        Appeal.objects.filter(comment__author=user).delete()
    Flag.objects.filter(user=user).update(
        user=None,
        text=Case(
            When(reason=ModerationReason.OTHER, then=Value(ERASED_REPORT_TEXT)), default=Value("")
        ),
    )


def register_moderation() -> None:
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
