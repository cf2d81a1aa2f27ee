"""What participation adds to a person's account (accounts.contributions): the profile's
comments and votes, the export of their comments, votes and supports, and what account
deletion does with them. Moderation adds its own part (consultations.moderation.account_data).
"""

from accounts import contributions
from accounts.models import User
from accounts.signals import display_name_changed
from inepa_portal.translation import translated

from . import selectors, services
from .caching import consultation_pages_expire
from .models import Comment, CommentVersion

# Participation: comments, votes, supports.


def participation_profile(user: User) -> dict:
    return {
        "comments": selectors.comments_by_author(user),
        "votes": selectors.votes_by_user(user),
        "supports": selectors.supports_by_user(user).select_related("comment__consultation"),
    }


def comments_export(user: User) -> list[dict]:
    return [
        {
            "id": comment.pk,
            "consultation": translated(comment.consultation, "title"),
            "section": translated(comment.section, "heading") if comment.section else None,
            "reply_to": comment.parent_id,
            "status": comment.status,
            "language": comment.language,
            "text": comment.body,
            "written_at": comment.created_at.isoformat(),
            "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
        }
        for comment in selectors.comments_by_author(user)
    ]


def votes_export(user: User) -> list[dict]:
    return [
        {
            "consultation": translated(vote.consultation, "title"),
            "section": translated(vote.section, "heading") if vote.section else None,
            "choice": vote.choice,
            "cast_at": vote.created_at.isoformat(),
            "changed_at": vote.updated_at.isoformat(),
        }
        for vote in selectors.votes_by_user(user)
    ]


def comment_versions_export(user: User) -> list[dict]:
    """The texts the person's comments had before they edited them."""
    return [
        {
            "comment": version.comment_id,
            "text": version.body,
            "written_at": version.written_at.isoformat(),
            "replaced_at": version.replaced_at.isoformat(),
        }
        for version in CommentVersion.objects.filter(comment__author=user).order_by("id")
    ]


def supports_export(user: User) -> list[int]:
    return [support.comment_id for support in selectors.supports_by_user(user)]


def participation_delete(user: User, *, keep_comments: bool) -> None:
    """Effects: the person's comments are kept under "deleted user" or have their text removed
    (their choice), linked to nobody either way; their votes stay in the tallies, linked to
    nobody; their supports go, and the comments they supported count one less."""
    services.comments_of_author_release(author=user, remove=not keep_comments)
    services.votes_of_user_anonymise(user=user)
    services.supports_of_user_withdraw(user=user)


def pages_with_name_expire(sender, *, user: User, **kwargs) -> None:
    """A person's new name shows on every consultation page they wrote on."""
    consultations = Comment.objects.filter(author=user).values_list("consultation_id", flat=True)
    for consultation_id in set(consultations):
        consultation_pages_expire(consultation_id)


def register() -> None:
    display_name_changed.connect(
        pages_with_name_expire, sender=User, dispatch_uid="consultations-display-name"
    )
    contributions.register(
        contributions.Contribution(
            name="participation",
            profile=contributions.ProfilePart(
                template_name="consultations/profile_participation.html",
                context=participation_profile,
            ),
            exports=(
                contributions.ExportPart("comments", comments_export),
                contributions.ExportPart("comment_edits", comment_versions_export),
                contributions.ExportPart("votes", votes_export),
                contributions.ExportPart("supported_comments", supports_export),
            ),
            delete=participation_delete,
        )
    )
