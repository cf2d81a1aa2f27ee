"""Writes to accounts that allauth's own flows do not cover."""

from allauth.account.models import EmailAddress
from django.db import transaction

from consultations import services as consultation_services

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

    Effects: their comments are kept under "deleted user" or removed (their choice); their
    votes stay in the tallies, linked to nobody; supports, email addresses and the account go;
    every session of the account ends, since it points to a user that no longer exists.
    """
    consultation_services.comments_of_author_release(author=user, remove=not keep_comments)
    consultation_services.votes_of_user_anonymise(user=user)
    user.delete()
