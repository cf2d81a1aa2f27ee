"""How allauth fits this portal: accounts carry a display name."""

from allauth.account.adapter import DefaultAccountAdapter
from django.forms import BaseForm
from django.http import HttpRequest

from .models import User


class AccountAdapter(DefaultAccountAdapter):
    def save_user(
        self, request: HttpRequest, user: User, form: BaseForm, commit: bool = True
    ) -> User:
        """allauth's new account, with the display name given at signup."""
        user.display_name = form.cleaned_data["display_name"]
        return super().save_user(request, user, form, commit=commit)
