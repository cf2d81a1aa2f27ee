"""A citizen's own data, as they can download it."""

from django.utils import timezone

from . import contributions
from .models import User


def personal_data(user: User) -> dict:
    """Everything the portal stores about `user`, in a plain JSON-ready structure: the account
    itself, then each app's registered export parts (accounts.contributions)."""
    return {
        "generated_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "rules_accepted_at": (
                user.rules_accepted_at.isoformat() if user.rules_accepted_at else None
            ),
            "display_name_changes": [
                {"from": c.old_name, "to": c.new_name, "at": c.changed_at.isoformat()}
                for c in user.display_name_changes.all()
            ],
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.order_by("id")
        ],
        **contributions.export_data(user),
    }
