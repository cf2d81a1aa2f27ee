"""Display names: one plain line, no links, no look-alikes; the same rules wherever set."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User
from accounts.names import display_name_key, skeleton
from tests.factories import CitizenFactory, StaffFactory

from .pages import form_errors, input_value

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"
EN = {"accept-language": "en"}
ATTACK = "INePA\r\n\r\nURGENT: verify at https://evil.example/login"
ONE_LINE = (
    "Write the display name on one line, without control characters or invisible "
    "formatting characters."
)
NO_LINKS = (
    "A display name cannot contain a web or email address, or anything that looks like one "
    "(such as a dot between two words: write “Dr. Who”, not “Dr.Who”)."
)
LOOK_ALIKE = "This display name is taken or looks too much like one in use. Choose another."


def _signup(client, display_name, email="ana@example.org"):
    data = {"email": email, "display_name": display_name, "password1": PASSWORD,
            "password2": PASSWORD, "accept_rules": "on"}  # fmt: skip
    return client.post("/en/accounts/signup/", data)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        (ATTACK, ONE_LINE),
        ("Ana\tN.", ONE_LINE),
        ("Ana\u2028N.", ONE_LINE),
        ("Ana \u202egnp.exe", ONE_LINE),
        ("Ana\u200bN.", ONE_LINE),
        ("https://evil.example", NO_LINKS),
        ("evil.example/login", NO_LINKS),
        ("see ｅｖｉｌ．ｅｘａｍｐｌｅ", NO_LINKS),
        ("www.x.y", NO_LINKS),
        ("x@y", NO_LINKS),
        ("Ana at 10.0.0.1", NO_LINKS),
    ],
)
def test_signup_refuses_a_display_name_that_is_not_one_plain_line(client, name, error):
    response = _signup(client, name)

    assert response.status_code == 200
    assert form_errors(response) == [error]
    assert input_value(response, "email") == "ana@example.org"
    assert User.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Ana N.", "Ana N."),
        ("J.R.R. Tolkien", "J.R.R. Tolkien"),
        ("Čebela  Žužek", "Čebela Žužek"),
        ("ＡＮＡ　Ｎｏｖａｋ", "ANA Novak"),
        ("Ana (INePA)", "Ana (INePA)"),
    ],
)
def test_signup_stores_the_display_name_normalised(client, typed, stored):
    response = _signup(client, typed)

    assert response["Location"] == "/en/accounts/confirm-email/"
    assert User.objects.get().display_name == stored


@pytest.mark.parametrize("look_alike", ["Ana N.", "ANA N.", "Аna N.", "Ana Ｎ.", "Аnа  N."])
def test_signup_refuses_a_look_alike_of_a_name_in_use(client, look_alike):
    CitizenFactory(display_name="Ana N.")

    response = _signup(client, look_alike, email="mallory@example.org")

    assert form_errors(response) == [LOOK_ALIKE]
    assert input_value(response, "display_name") == look_alike
    assert not User.objects.filter(email="mallory@example.org").exists()


def test_the_look_alike_key_follows_unicodes_skeleton():
    assert skeleton("paypa1") == skeleton("paypal")
    assert display_name_key("Iana") == display_name_key("lana")
    assert display_name_key("Čeh") != display_name_key("Ceh")
    assert display_name_key("Ana N.") != display_name_key("Ana M.")


def test_the_admin_applies_the_same_rules(client):
    client.force_login(StaffFactory(display_name="Admin"))
    CitizenFactory(display_name="Ana N.")
    luka = CitizenFactory(display_name="Luka P.", email="luka@example.org")
    url = f"/admin/accounts/user/{luka.pk}/change/"
    form = {"email": "luka@example.org", "is_active": "on", "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00"}  # fmt: skip

    refused = [
        form_errors(client.post(url, form | {"display_name": name}, headers=EN))
        for name in ["x@y", "Аna N.", "Luka\r\nP."]
    ]
    renamed = client.post(url, form | {"display_name": "Ｌｕｋａ"})

    assert refused == [[NO_LINKS], [LOOK_ALIKE], [ONE_LINE]]
    assert renamed.status_code == 302
    luka.refresh_from_db()
    assert luka.display_name == "Luka"


def test_an_added_address_is_told_the_name_on_one_line_even_for_an_old_account(client):
    # An account made before these rules (the factory writes past them) adds a victim's address.
    attacker = CitizenFactory(display_name=ATTACK, email="mallory@example.org")
    client.force_login(attacker)
    asked = client.post("/en/accounts/email/", {"email": "victim@example.org", "action_add": ""})
    client.post(asked["Location"], {"password": "correct horse battery staple"})

    [message] = mail.outbox
    assert message.to == ["victim@example.org"]
    lines = message.body.splitlines()
    assert [line for line in lines if "INePA URGENT" in line] == [
        "You're receiving this email because user INePA URGENT: verify at "
        "https://evil.example/login has given your email address to register an account on "
        "portal.inepa.example."
    ]
    assert not [line for line in lines if line.startswith("URGENT")]
    assert EmailAddress.objects.filter(email="victim@example.org", verified=False).exists()
