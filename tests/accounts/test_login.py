import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from pytest_django.asserts import assertContains

from tests.factories import CitizenFactory, UserFactory

from .pages import form_errors, headings, input_value, link_in

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password


def _login(client, email, password=PASSWORD, *, language="en", next_url=None):
    query = f"?next={next_url}" if next_url else ""
    return client.post(
        f"/{language}/accounts/login/{query}", {"login": email, "password": password}
    )


@pytest.mark.parametrize(
    ("language", "heading", "sign_up"),
    [("en", "Sign In", "sign up"), ("sl", "Prijava", "tukaj")],
)
def test_login_page_speaks_the_language_of_its_address(client, language, heading, sign_up):
    response = client.get(f"/{language}/accounts/login/")

    assert f'<html lang="{language}">' in response.content.decode()
    assert headings(response) == [heading]
    assertContains(response, f'<a href="/{language}/accounts/signup/">{sign_up}</a>', html=True)


def test_signing_in_by_email_returns_to_the_page_in_next(client):
    user = CitizenFactory(email="ana@example.org", display_name="Ana N.")

    response = _login(client, "ANA@example.org", next_url="/en/about/")

    assert (response.status_code, response["Location"]) == (302, "/en/about/")
    page = client.get("/en/about/")
    assert page.wsgi_request.user == user
    assertContains(page, '<a href="/en/accounts/profile/">Ana N.</a>', html=True)


def test_the_header_sign_in_link_brings_a_visitor_back_to_the_page(client):
    page = client.get("/en/about/")

    assertContains(
        page, '<a href="/en/accounts/login/?next=%2Fen%2Fabout%2F">Sign in</a>', html=True
    )
    assertContains(
        page,
        '<a href="/en/accounts/signup/?next=%2Fen%2Fabout%2F">Create an account</a>',
        html=True,
    )


def test_an_unverified_account_cannot_sign_in_and_is_sent_the_verification_again(client):
    user = UserFactory(email="new@example.org")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)

    response = _login(client, "new@example.org")

    assert response["Location"] == "/en/accounts/confirm-email/"
    assert headings(client.get("/en/")) == ["Institute for Electronic Participation"]
    assert client.get("/en/").wsgi_request.user.is_authenticated is False
    assert [message.to for message in mail.outbox] == [["new@example.org"]]
    link = link_in(mail.outbox[0], "/confirm-email/")

    client.post(link)
    signed_in = _login(client, "new@example.org", next_url="/en/about/")

    assert signed_in["Location"] == "/en/about/"
    assert client.get("/en/").wsgi_request.user == user


def test_a_wrong_password_is_refused_and_the_typed_email_kept(client):
    CitizenFactory(email="ana@example.org")

    response = _login(client, "ana@example.org", "not the password")

    assert response.status_code == 200
    assert form_errors(response) == [
        "The email address and/or password you specified are not correct."
    ]
    assert input_value(response, "login") == "ana@example.org"
    assert input_value(response, "password") is None


def test_an_unknown_address_gets_the_same_refusal_as_a_wrong_password(client):
    CitizenFactory(email="ana@example.org")

    unknown = _login(client, "nobody@example.org")
    wrong = _login(client, "ana@example.org", "not the password")

    assert form_errors(unknown) == form_errors(wrong)
    assert unknown.status_code == wrong.status_code == 200


def test_after_five_failures_sign_in_is_refused_even_with_the_right_password(client):
    CitizenFactory(email="ana@example.org")
    failures = [_login(client, "ana@example.org", f"guess {n}", language="sl") for n in range(5)]

    response = _login(client, "ana@example.org", language="sl")

    assert [form_errors(failure) for failure in failures] == [
        ["E-poštni naslov in/ali geslo nista pravilna."]
    ] * 5
    assert response.status_code == 200
    assert form_errors(response) == ["Preveliko število neuspelih prijav. Poskusite znova kasneje."]
    assert client.get("/sl/").wsgi_request.user.is_authenticated is False


def test_signing_out_takes_a_post_and_the_header_offers_it(client):
    user = CitizenFactory(display_name="Ana N.")
    client.force_login(user)

    page = client.get("/en/about/")
    asked = client.get("/en/accounts/logout/")
    signed_out = client.post("/en/accounts/logout/")

    assertContains(
        page,
        '<form action="/en/accounts/logout/" method="post">',
    )
    assert headings(asked) == ["Sign Out"]
    assert signed_out["Location"] == "/en/"
    assert client.get("/en/").wsgi_request.user.is_authenticated is False
