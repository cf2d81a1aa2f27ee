"""What notifications add to a person's account (accounts.contributions): a link on the
profile, their follows, settings and notifications in the export; deletion follows the user
row (every row here is deleted with it, on_delete=CASCADE)."""

from accounts import contributions
from accounts.models import User
from inepa_portal.translation import translated

from . import selectors
from .models import Notification, Subscription


def profile(user: User) -> dict:
    return {"follows": selectors.follows_of(user)}


def follows_export(user: User) -> list[dict]:
    return [
        {
            "consultation": translated(follow.consultation, "title"),
            "since": follow.created_at.isoformat(),
        }
        for follow in selectors.follows_of(user)
    ]


def settings_export(user: User) -> dict:
    subscription = Subscription.objects.filter(email__iexact=user.email).first()
    return {
        "language": selectors.language_of(user),
        "delivery": selectors.delivery_settings(user),
        # News of new consultations to the account's address, if it subscribed as a visitor.
        "new_consultations_subscription": {
            "since": subscription.created_at.isoformat(),
            "confirmed_at": (
                subscription.confirmed_at.isoformat() if subscription.confirmed_at else None
            ),
        }
        if subscription
        else None,
    }


def notifications_export(user: User) -> list[dict]:
    return [
        {
            "kind": row.kind,
            "event": row.event,
            "consultation": translated(row.consultation, "title"),
            "comment": row.comment_id,
            "at": row.created_at.isoformat(),
            "read_at": row.read_at.isoformat() if row.read_at else None,
            "email": row.email,
        }
        for row in Notification.objects.filter(recipient=user).select_related("consultation")
    ]


def register() -> None:
    contributions.register(
        contributions.Contribution(
            name="notifications",
            profile=contributions.ProfilePart(
                template_name="notifications/profile_part.html", context=profile
            ),
            exports=(
                contributions.ExportPart("follows", follows_export),
                contributions.ExportPart("notification_settings", settings_export),
                contributions.ExportPart("notifications", notifications_export),
            ),
        )
    )
