"""How allauth fits this portal: accounts carry a display name; emails speak as INePA."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.requests import RequestSite
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

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails, signed with the portal's name rather than its host name."""
        request = allauth_context.request
        if request is not None:
            site = RequestSite(request)
            site.name = settings.SITE_NAME
            context = {"current_site": site, **context}
        super().send_mail(template_prefix, email, context)
