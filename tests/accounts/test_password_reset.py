import pytest
from django.core import mail

from tests.factories import CitizenFactory

from .pages import headings, link_in

pytestmark = pytest.mark.django_db


def _request_reset(client, email):
    return client.post("/en/accounts/password/reset/", {"email": email})


def test_password_reset_emails_a_link_to_a_known_address(client):
    CitizenFactory(email="ana@example.org")

    response = _request_reset(client, "ana@example.org")

    assert response["Location"] == "/en/accounts/password/reset/done/"
    assert headings(client.get(response["Location"])) == ["Password Reset"]
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["ana@example.org"], "[INePA] Password Reset Email")
    ]
    link = link_in(mail.outbox[0], "/password/reset/key/")
    form = client.get(link, follow=True)
    assert headings(form) == ["Change Password"]


def test_password_reset_answers_an_unknown_address_exactly_like_a_known_one(client):
    CitizenFactory(email="ana@example.org")

    known = _request_reset(client, "ana@example.org")
    unknown = _request_reset(client, "nobody@example.org")

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert unknown.content == known.content
    to_unknown = [message for message in mail.outbox if message.to == ["nobody@example.org"]]
    assert "/password/reset/key/" not in to_unknown[0].body  # only: no account uses this address
