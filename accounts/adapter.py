"""How allauth fits this portal: accounts carry a display name; emails speak as INePA, link to
settings.SITE_URL and are sent by a task after commit."""

from dataclasses import dataclass
from functools import partial
from urllib.parse import quote, urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from allauth.core import context as allauth_context
from django.conf import settings
from django.db import transaction
from django.forms import BaseForm
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from inepa_portal.links import site_url

from . import tasks
from .models import User


@dataclass(frozen=True)
class PortalSite:
    """What allauth's email templates call `current_site`: the portal's name and public host,
    never the Host header of the request that caused the email."""

    name: str
    domain: str


def _on_site(url: str) -> str:
    """`url` moved onto the portal's public address when allauth built it from the request."""
    parts = urlsplit(url)
    if not (parts.scheme and parts.netloc):
        return url
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return site_url(path + (f"#{parts.fragment}" if parts.fragment else ""))


class AccountAdapter(DefaultAccountAdapter):
    def save_user(
        self, request: HttpRequest, user: User, form: BaseForm, commit: bool = True
    ) -> User:
        """allauth's new account, with the display name given at signup and the time the
        rules were accepted."""
        user.display_name = form.cleaned_data["display_name"]
        if form.cleaned_data.get("accept_rules"):
            user.rules_accepted_at = timezone.now()  # the consent, with its time
        return super().save_user(request, user, form, commit=commit)

    def clean_email(self, email: str) -> str:
        """Every address typed at signup, email change and password reset, normalised before
        allauth looks for an account with it (a look-alike is the address it delivers to)."""
        return super().clean_email(User.objects.normalize_email(email))

    def get_email_confirmation_url(self, request: HttpRequest, emailconfirmation) -> str:
        """The link in the email, on SITE_URL; it leads, once confirmed, to signing in and then
        back to the page the person signed up from (the sign-up's `next`), if any."""
        path = reverse("account_confirm_email", args=[emailconfirmation.key])
        page = get_next_redirect_url(request) if request is not None else None
        if page:
            sign_in = f"{reverse('account_login')}?{urlencode({'next': page})}"
            path = f"{path}?{urlencode({'next': sign_in})}"
        return site_url(path)

    def get_reset_password_from_key_url(self, key: str) -> str:
        # As allauth builds it (the key holds the user's id and the token), on SITE_URL.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return site_url(path.replace("UID-KEY", quote(key)))

    def send_account_already_exists_mail(self, email: str) -> None:
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "signup_url": site_url(reverse("account_signup")),
                "password_reset_url": site_url(reverse("account_reset_password")),
            },
        )

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render allauth's email now, in the page's language, and send it after commit.

        Links come from settings.SITE_URL (allauth builds some from the request, e.g. the
        sign-up link of "unknown account"); a mail outage fails the task, not the request.
        """
        links = {key: _on_site(value) for key, value in context.items() if key.endswith("_url")}
        context = {
            "request": allauth_context.request,
            "email": email,
            **context,
            **links,
            "current_site": PortalSite(
                name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc
            ),
        }
        message = self.render_mail(template_prefix, email, context)
        alternatives = getattr(message, "alternatives", [])
        html = [content for content, mimetype in alternatives if mimetype == "text/html"]
        transaction.on_commit(
            partial(
                tasks.email_send.enqueue,
                subject=message.subject,
                body=message.body,
                from_email=message.from_email,
                to=list(message.to),
                html=html[0] if html else None,
            )
        )
