"""Writes to accounts that allauth's own flows do not cover."""

from allauth.account.models import EmailAddress
from django.db import transaction

from . import contributions
from .models import User


@transaction.atomic
def staff_account_create(*, email: str, display_name: str, password: str) -> User:
    """A superuser who can sign in at once.

    Effects: creates the user, and its address as allauth's verified, primary EmailAddress
    (allauth lets nobody sign in with an unverified address).
    """
    user = User(
        email=User.objects.normalize_email(email),
        display_name=display_name,
        is_staff=True,
        is_superuser=True,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


@transaction.atomic
def account_delete(*, user: User, keep_comments: bool) -> None:
    """Delete a citizen's account at their request.

    Effects: each app's registered deletion step runs first (accounts.contributions; what
    consultations does with comments, votes, supports, reports and appeals is in
    consultations.account_data); then email addresses and the account go, and every session
    of the account ends, since it points to a user that no longer exists.
    """
    for step in contributions.deletion_steps():
        step(user, keep_comments=keep_comments)
    user.delete()
