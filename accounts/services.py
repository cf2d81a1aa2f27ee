"""Writes to accounts that allauth's own flows do not cover."""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import contributions, names
from .models import DisplayNameChange, User
from .signals import display_name_changed

# A public name changes at most this often within DISPLAY_NAME_PERIOD: enough to fix a typo,
# too few to hide behind a new name every day.
DISPLAY_NAME_CHANGES = 3
DISPLAY_NAME_PERIOD = timedelta(days=30)


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


@transaction.atomic
def display_name_change(*, user: User, name: str, now: datetime | None = None) -> User:
    """A person changes their public name.

    Effects: the rules of sign-up apply (accounts.names, no look-alike of another's name); at
    most DISPLAY_NAME_CHANGES in DISPLAY_NAME_PERIOD; the change is logged; the pages that
    show the name follow (display_name_changed).
    """
    now = now or timezone.now()
    user = User.objects.select_for_update().get(pk=user.pk)
    recent = list(
        DisplayNameChange.objects.filter(
            user=user, changed_at__gt=now - DISPLAY_NAME_PERIOD
        ).values_list("changed_at", flat=True)
    )
    if len(recent) >= DISPLAY_NAME_CHANGES:
        again = min(recent) + DISPLAY_NAME_PERIOD
        raise ValidationError(
            ngettext(
                "You can change your name %(count)d time in %(days)d days. You can change it "
                "again on %(date)s.",
                "You can change your name %(count)d times in %(days)d days. You can change it "
                "again on %(date)s.",
                DISPLAY_NAME_CHANGES,
            )
            % {
                "count": DISPLAY_NAME_CHANGES,
                "days": DISPLAY_NAME_PERIOD.days,
                "date": date_format(timezone.localtime(again), "DATE_FORMAT"),
            },
            code="too_often",
        )
    name = names.display_name_clean(name)
    if name == user.display_name:
        raise ValidationError(_("This is already your name."), code="unchanged")
    if User.objects.display_name_in_use(name, exclude_pk=user.pk):
        raise ValidationError(names.LOOK_ALIKE_MESSAGE, code="display_name_look_alike")
    old_name = user.display_name
    user.display_name = name
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name"])
    DisplayNameChange.objects.create(user=user, old_name=old_name, new_name=name, changed_at=now)
    display_name_changed.send(sender=User, user=user)
    return user
