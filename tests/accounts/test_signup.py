import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User
from tests.factories import CitizenFactory

from .hashers import CountingPasswordHasher
from .pages import form_errors, headings, input_value, link_in

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"


def _signup(client, **overrides):
    data = {
        "email": "ana@example.org",
        "display_name": "Ana N.",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_rules": "on",
    } | overrides
    return client.post("/en/accounts/signup/", data)


def test_signup_form_asks_for_email_display_name_and_password_twice(client):
    response = client.get("/en/accounts/signup/")

    assert headings(response) == ["Sign Up"]
    html = response.content.decode()
    labels = [
        '<label for="id_email">Email</label>',
        '<label for="id_display_name">Display name</label>',
        '<label for="id_password1">Password</label>',
        '<label for="id_password2">Password (again)</label>',
    ]
    positions = [html.index(label) for label in labels]
    assert positions == sorted(positions)
    assert 'aria-describedby="id_display_name_helptext"' in html


def test_signup_creates_an_unverified_account_and_emails_a_verification_link(client):
    response = _signup(client)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get()
    assert (user.email, user.display_name) == ("ana@example.org", "Ana N.")
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.primary, address.verified) == ("ana@example.org", True, False)
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert mail.outbox[0].subject == "[INePA] Please Confirm Your Email Address"
    assert mail.outbox[0].body.startswith("Hello from INePA!")
    assert link_in(mail.outbox[0], "/confirm-email/").startswith("/en/accounts/confirm-email/")
    assert headings(client.get(response["Location"])) == ["Verify Your Email Address"]


def test_the_verification_email_speaks_the_language_of_the_signup_page(client):
    client.post(
        "/sl/accounts/signup/",
        {
            "email": "ana@example.org",
            "display_name": "Ana N.",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_rules": "on",
        },
    )

    assert mail.outbox[0].subject == "[INePA] Prosimo, potrdite svoj e-poštni naslov."
    assert mail.outbox[0].body.startswith("Pozdravljeni iz INePA")
    assert link_in(mail.outbox[0], "/confirm-email/").startswith("/sl/accounts/confirm-email/")


def test_the_verification_link_asks_to_confirm_and_then_verifies_the_address(client):
    _signup(client)
    link = link_in(mail.outbox[0], "/confirm-email/")

    page = client.get(link)
    confirmed = client.post(link)

    assert headings(page) == ["Confirm Email Address"]
    assert "is an email address for user Ana N." in page.content.decode()
    assert EmailAddress.objects.get().verified is True
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/en/accounts/login/"


def test_opening_the_verification_link_alone_changes_nothing(client):
    _signup(client)

    client.get(link_in(mail.outbox[0], "/confirm-email/"))

    assert EmailAddress.objects.get().verified is False


def test_signup_with_a_taken_email_answers_like_a_new_one_and_tells_the_owner(client):
    CitizenFactory(email="taken@example.org", display_name="Owner")

    new = _signup(client, email="new@example.org")
    taken = _signup(client, email="taken@example.org", display_name="Intruder")

    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert headings(client.get(taken["Location"])) == headings(client.get(new["Location"]))
    assert User.objects.filter(email="taken@example.org").get().display_name == "Owner"
    assert not User.objects.filter(display_name="Intruder").exists()
    owner_mail = [message for message in mail.outbox if message.to == ["taken@example.org"]]
    assert [message.subject for message in owner_mail] == ["[INePA] Account Already Exists"]


def test_a_rejected_signup_keeps_what_was_typed_and_names_the_problem(client):
    response = _signup(client, password2="something else entirely")

    assert response.status_code == 200
    assert form_errors(response) == ["You must type the same password each time."]
    assert input_value(response, "email") == "ana@example.org"
    assert input_value(response, "display_name") == "Ana N."
    assert input_value(response, "password1") is None  # passwords are never sent back
    html = response.content.decode()
    assert '<div class="form-errors" role="alert">' in html
    assert 'aria-invalid="true" aria-describedby="id_password2_error"' in html
    assert User.objects.count() == 0


def test_signup_needs_a_display_name(client):
    response = _signup(client, display_name="   ")

    assert form_errors(response) == ["This field is required."]
    assert User.objects.count() == 0


def test_signup_hashes_the_password_whether_or_not_the_address_has_an_account(client, settings):
    CitizenFactory(email="taken@example.org", display_name="Owner")
    settings.PASSWORD_HASHERS = ["tests.accounts.hashers.CountingPasswordHasher"]

    CountingPasswordHasher.encoded = 0
    _signup(client, email="new@example.org")
    for_a_new_address = CountingPasswordHasher.encoded
    CountingPasswordHasher.encoded = 0
    _signup(client, email="taken@example.org", display_name="Intruder")
    for_a_taken_address = CountingPasswordHasher.encoded

    assert (for_a_new_address, for_a_taken_address) == (1, 1)


@pytest.mark.parametrize(
    "look_alike", ["alice@ｔest.example", "alice@teſt.example", "ALICE@Test.Example"]
)
def test_signup_with_a_look_alike_of_a_taken_address_answers_like_a_taken_one(client, look_alike):
    CitizenFactory(email="alice@test.example", display_name="Alice")

    new = _signup(client, email="new@example.org")
    mail.outbox.clear()
    taken = _signup(client, email=look_alike, display_name="Mallory")

    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert headings(client.get(taken["Location"])) == headings(client.get(new["Location"]))
    assert not User.objects.filter(display_name="Mallory").exists()
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["alice@test.example"], "[INePA] Account Already Exists")
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ana@ｅxample.org", "ana@example.org"),
        ("Ana@Pošta.SI", "ana@pošta.si"),
        ("ana@xn--pota-h6a.si", "ana@pošta.si"),
    ],
)
def test_signup_stores_the_address_normalised(client, typed, stored):
    _signup(client, email=typed)

    user = User.objects.get()
    assert (user.email, EmailAddress.objects.get().email) == (stored, stored)
    assert mail.outbox[0].to == [stored]
