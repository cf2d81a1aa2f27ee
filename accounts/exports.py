"""A citizen's own data, as they can download it."""

from django.utils import timezone

from consultations import selectors as consultation_selectors
from inepa_portal.translation import translated


def personal_data(user) -> dict:
    """Everything the portal stores about `user`, in a plain JSON-ready structure."""
    return {
        "generated_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.order_by("id")
        ],
        "comments": [
            {
                "id": comment.pk,
                "consultation": translated(comment.consultation, "title"),
                "section": translated(comment.section, "heading") if comment.section else None,
                "reply_to": comment.parent_id,
                "status": comment.status,
                "language": comment.language,
                "text": comment.body,
                "written_at": comment.created_at.isoformat(),
            }
            for comment in consultation_selectors.comments_by_author(user)
        ],
        "votes": [
            {
                "consultation": translated(vote.consultation, "title"),
                "section": translated(vote.section, "heading") if vote.section else None,
                "choice": vote.choice,
                "cast_at": vote.created_at.isoformat(),
                "changed_at": vote.updated_at.isoformat(),
            }
            for vote in consultation_selectors.votes_by_user(user)
        ],
        "supported_comments": [
            support.comment_id for support in consultation_selectors.supports_by_user(user)
        ],
    }
