"""Journeys keep their place: signing up (through the emailed confirmation link), in and out
from a page all end on that page, through allauth's real views."""

import re
from html import unescape
from urllib.parse import unquote

import pytest
from django.core import mail
from pytest_django.asserts import assertContains

from accounts.models import User
from tests.consultations.factories import ConsultationFactory
from tests.factories import CitizenFactory

from .pages import link_in

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"


def _href(response, text: str) -> str:
    """The address of the one link on the page whose text is `text`."""
    html = response.content.decode()
    found = re.findall(rf'<a\b[^>]*href="([^"]+)"[^>]*>\s*{re.escape(text)}\s*</a>', html)
    assert len(found) == 1, found
    return unescape(found[0])


def _sign_up_form(**overrides) -> dict:
    return {
        "email": "ana@example.org",
        "display_name": "Ana N.",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_rules": "on",
    } | overrides


@pytest.mark.parametrize("language", ["en", "sl"])
def test_signing_up_from_a_consultation_ends_back_on_the_consultation(client, language):
    consultation = ConsultationFactory()
    page_url = f"/{language}/consultations/{getattr(consultation, f'slug_{language}')}/"
    label = {"en": "Create an account", "sl": "Ustvarite račun"}[language]
    page = client.get(page_url)
    signup_urls = [
        unquote(unescape(href))
        for href in re.findall(r'href="([^"]*signup[^"]*)"', page.content.decode())
    ]
    # The header's link and the consultation's invitation both carry the page.
    expected = f"/{language}/accounts/signup/?next={page_url}"
    assert signup_urls == [expected, expected]
    assert label in page.content.decode()

    form_page = client.get(expected)
    assertContains(form_page, f'<input type="hidden" name="next" value="{page_url}">', html=True)
    signed_up = client.post(expected, _sign_up_form(next=page_url))
    assert signed_up.status_code == 302

    # The emailed link leads, once confirmed, to signing in and back to the consultation.
    link = link_in(mail.outbox[-1], "/confirm-email/")
    assert link.endswith(page_url.replace("/", "%252F"))  # no full stop glued to the link
    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    confirmed = client.post(link, {"next": confirm_page.context["redirect_field_value"]})
    sign_in_url = confirmed["Location"]
    assert sign_in_url == f"/{language}/accounts/login/?next={page_url.replace('/', '%2F')}"
    assert User.objects.get().emailaddress_set.get().verified

    signed_in = client.post(sign_in_url, {"login": "ana@example.org", "password": PASSWORD})
    assert signed_in["Location"] == page_url
    back = client.get(page_url)
    assert back.wsgi_request.user.email == "ana@example.org"


def test_the_confirmation_link_of_a_sign_up_without_a_page_signs_in_as_before(client):
    client.post("/en/accounts/signup/", _sign_up_form())
    link = link_in(mail.outbox[-1], "/confirm-email/")

    assert "next" not in link


def test_a_sign_up_next_that_leaves_the_site_is_not_carried_into_the_email(client):
    client.post("/en/accounts/signup/", _sign_up_form(next="https://evil.example/"))
    link = link_in(mail.outbox[-1], "/confirm-email/")

    assert "evil" not in link


def test_the_header_sign_up_link_brings_a_visitor_back_to_the_page(client):
    page = client.get("/en/about/")

    assert _href(page, "Create an account") == "/en/accounts/signup/?next=%2Fen%2Fabout%2F"
    assert _href(page, "Sign in") == "/en/accounts/login/?next=%2Fen%2Fabout%2F"


def test_account_pages_do_not_send_a_person_back_to_themselves(client):
    page = client.get("/en/accounts/login/")

    assert _href(page, "Create an account") == "/en/accounts/signup/"


def test_signing_out_from_a_consultation_stays_on_the_consultation(client):
    consultation = ConsultationFactory()
    page_url = consultation.get_absolute_url()
    client.force_login(CitizenFactory())

    page = client.get(page_url)
    assertContains(page, f'<input type="hidden" name="next" value="{page_url}">', html=True)
    signed_out = client.post("/en/accounts/logout/", {"next": page_url})

    assert signed_out["Location"] == page_url
    assert client.get(page_url).wsgi_request.user.is_anonymous


def test_signing_out_from_the_profile_goes_home(client):
    client.force_login(CitizenFactory())

    page = client.get("/en/accounts/profile/")

    logout_form = re.search(
        r'<form action="/en/accounts/logout/".*?</form>', page.content.decode(), flags=re.S
    )
    assert 'name="next"' not in logout_form.group(0)
    assert client.post("/en/accounts/logout/")["Location"] == "/en/"
