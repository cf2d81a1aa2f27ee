"""Who may download a consultation's results, and when."""

from datetime import datetime

from consultations.models import Consultation
from consultations.permissions import can_view


def can_see_interim_results(user) -> bool:
    """Staff who may change consultations (and so prepare interim files) may download a
    consultation's results while it is still open; moderators, who only view them, may not."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("consultations.change_consultation")
    )


def can_download_results(user, consultation: Consultation, *, now: datetime | None = None) -> bool:
    """Results files: for anyone once a consultation they may see has closed; staff at any time."""
    if not can_view(user, consultation):
        return False
    return consultation.state(now=now) == Consultation.State.CLOSED or can_see_interim_results(user)
