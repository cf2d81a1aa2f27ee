"""People with an account: citizens who take part, and staff who run the portal."""

import unicodedata

import idna
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import names


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """The address as one mailbox has it, whatever look-alike was typed.

        NFKC folds compatibility forms (fullwidth "ｔ", long "ſ") into the letters mail is
        delivered to; the domain then takes its IDNA form (UTS #46: case, "xn--" labels and
        Unicode labels alike), kept readable as Unicode; the whole address in lower case, as
        allauth stores and looks it up. An address that IDNA refuses stays as typed, for the
        email validator to judge.
        """
        address = unicodedata.normalize("NFKC", email or "").strip().lower()
        local, at, domain = address.rpartition("@")
        if not at or not domain:
            return address
        try:
            domain = idna.decode(idna.encode(domain, uts46=True))
        except idna.IDNAError:
            return address
        return f"{local}@{domain}"

    def display_name_in_use(self, name: str, *, exclude_pk: int | None = None) -> bool:
        """Whether another account's display name looks like `name` (the same skeleton)."""
        return (
            self.filter(display_name_key=names.display_name_key(name))
            .exclude(pk=exclude_pk)
            .exists()
        )

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        """An active account signing in with `email`; no password means it cannot sign in."""
        if not email:
            raise ValueError("An account needs an email address.")
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        """A staff account with every permission."""
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        if extra["is_staff"] is not True or extra["is_superuser"] is not True:
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """An account that signs in with its email address and appears under its display name."""

    email = models.EmailField(
        _("email address"),
        unique=True,
        error_messages={"unique": _("An account with this email address already exists.")},
    )
    display_name = models.CharField(
        _("display name"),
        max_length=names.MAX_LENGTH,
        validators=[names.display_name_validate],
        help_text=_("Shown publicly beside what you write, instead of your email address."),
    )
    # The display name's look-alike key (accounts.names.display_name_key), so that a new name
    # is compared with every other in one indexed query.
    display_name_key = models.TextField(editable=False, db_index=True, default="")
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_(
            "Designates whether this user should be treated as active. "
            "Unselect this instead of deleting accounts."
        ),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into this admin site."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    rules_accepted_at = models.DateTimeField(
        _("accepted the participation rules at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the person ticked “I accept the rules” at sign-up."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["display_name", "email"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(display_name=""),
                name="user_has_a_display_name",
                violation_error_message=_("Give the account a display name."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)
        try:
            self.display_name = names.display_name_clean(self.display_name)
        except ValidationError as error:
            # The field's validators have reported the rest; only a name that NFKC made
            # longer than the field is news here.
            if error.code == "max_length" and len(self.display_name) <= names.MAX_LENGTH:
                raise ValidationError({"display_name": error}) from None
            return
        if self.display_name and type(self).objects.display_name_in_use(
            self.display_name, exclude_pk=self.pk
        ):
            raise ValidationError({"display_name": names.LOOK_ALIKE_MESSAGE})

    def save(self, *args, **kwargs) -> None:
        """Saved with its look-alike key: a derived column, kept beside its source on every
        way an account is written (allauth, the admin, services, factories), not a rule."""
        self.display_name_key = names.display_name_key(self.display_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "display_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "display_name_key"}
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class DisplayNameChange(models.Model):
    """A change of a person's public name, kept as a log (and to limit changes a month)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="display_name_changes")
    old_name = models.CharField(max_length=names.MAX_LENGTH)
    new_name = models.CharField(max_length=names.MAX_LENGTH)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("display name change")
        verbose_name_plural = _("display name changes")
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.old_name} → {self.new_name}"
