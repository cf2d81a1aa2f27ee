"""Account forms: allauth's signup with a display name, and the admin's user forms."""

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import names
from .models import User


class SignupForm(allauth_forms.SignupForm):
    """allauth's signup (email, password twice) plus the public display name."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=User._meta.get_field("display_name").max_length,
        help_text=User._meta.get_field("display_name").help_text,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    accept_rules = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("To take part, please accept the participation and moderation rules.")
        },
    )

    field_order = ["email", "display_name", "password1", "password2", "accept_rules"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Built here, in the page's language, with links to the pages they name.
        links = {"rules": reverse("pages:rules"), "privacy": reverse("pages:privacy")}
        self.fields["accept_rules"].label = format_html(
            gettext(
                'I accept the <a href="{rules}">participation and moderation rules</a> and have '
                'read the <a href="{privacy}">privacy notice</a>.'
            ),
            **links,
        )
        self.fields["email"].help_text = format_html(
            gettext(
                "We use it to confirm your account, to sign you in and to write to you about your "
                "comments; it is never shown to others. The "
                '<a href="{privacy}">privacy notice</a> says what we keep and for how long.'
            ),
            **links,
        )

    def clean_display_name(self) -> str:
        """The rules of the model's display name (accounts.names), and no look-alike of
        another account's name."""
        name = names.display_name_clean(self.cleaned_data["display_name"])
        if User.objects.display_name_in_use(name):
            raise ValidationError(names.LOOK_ALIKE_MESSAGE, code="display_name_look_alike")
        return name

    def try_save(self, request: HttpRequest):
        """allauth's signup; for an address that has an account (nothing is created), the
        password is hashed all the same, so that the answer takes as long as for a new one."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        label=_("New display name"),
        max_length=User._meta.get_field("display_name").max_length,
        help_text=User._meta.get_field("display_name").help_text,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_display_name(self) -> str:
        """The rules of sign-up (accounts.names); the look-alike check runs in the service."""
        return names.display_name_clean(self.cleaned_data["display_name"])


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name"]


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class AccountDeleteForm(forms.Form):
    comments = forms.ChoiceField(
        label=_("What should happen to your comments?"),
        choices=[
            ("keep", _("Keep them, signed “deleted user” instead of my name")),
            ("remove", _("Remove their text from the portal")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what should happen to your comments.")},
    )
