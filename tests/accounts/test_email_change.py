import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.factories import CitizenFactory

from .pages import headings, input_value

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password


@pytest.fixture
def citizen_client(client):
    client.force_login(CitizenFactory(email="ana@example.org", display_name="Ana N."))
    return client


def _change_to(client, email):
    return client.post("/en/accounts/email/", {"email": email, "action_add": ""})


def test_email_page_shows_the_current_address_and_a_form_for_a_new_one(citizen_client):
    response = citizen_client.get("/en/accounts/email/")

    assert headings(response) == ["Email Address"]
    html = response.content.decode()
    assert "<dt>Current email</dt>\n      <dd>ana@example.org</dd>" in html
    assert '<label for="id_email">New email address</label>' in html


def test_changing_the_email_asks_for_the_password_first(citizen_client):
    response = _change_to(citizen_client, "ana.novak@example.org")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    assert headings(citizen_client.get(response["Location"])) == ["Confirm Access"]
    assert list(EmailAddress.objects.values_list("email", flat=True)) == ["ana@example.org"]
    assert mail.outbox == []


def test_after_the_password_the_new_address_is_sent_a_verification(citizen_client):
    asked = _change_to(citizen_client, "ana.novak@example.org")

    confirmed = citizen_client.post(asked["Location"], {"password": PASSWORD}, follow=True)

    assert headings(confirmed) == ["Email Address"]
    pending = EmailAddress.objects.get(email="ana.novak@example.org")
    assert (pending.verified, pending.primary) == (False, False)
    assert EmailAddress.objects.get(email="ana@example.org").primary is True
    assert [message.to for message in mail.outbox] == [["ana.novak@example.org"]]


def test_a_wrong_password_changes_nothing(citizen_client):
    asked = _change_to(citizen_client, "ana.novak@example.org")

    response = citizen_client.post(asked["Location"], {"password": "a guess"})

    assert response.status_code == 200
    assert headings(response) == ["Confirm Access"]
    assert not EmailAddress.objects.filter(email="ana.novak@example.org").exists()


def test_an_invalid_new_address_is_refused_and_kept_in_the_form(citizen_client):
    response = _change_to(citizen_client, "not-an-address")

    assert response.status_code == 200
    assert input_value(response, "email") == "not-an-address"
    assert "Enter a valid email address." in response.content.decode()


def _change_after_password(client, email):
    asked = _change_to(client, email)
    return client.post(asked["Location"], {"password": PASSWORD}, follow=True)


def test_changing_to_an_address_of_another_account_reveals_nothing(client):
    CitizenFactory(email="taken@example.org", display_name="Taken")
    ana = CitizenFactory(email="ana@example.org", display_name="Ana N.")
    client.force_login(ana)

    to_taken = _change_after_password(client, "taken@example.org")
    taken_mail = [(message.to, message.subject) for message in mail.outbox]
    mail.outbox.clear()
    EmailAddress.objects.filter(user=ana).exclude(email="ana@example.org").delete()
    to_free = _change_after_password(client, "free@example.org")
    free_mail = [(message.to, message.subject) for message in mail.outbox]

    def shown(response) -> str:
        return (
            response.content.decode()
            .replace("taken@example.org", "X")
            .replace("free@example.org", "X")
        )

    assert (to_taken.status_code, to_taken.redirect_chain) == (
        to_free.status_code,
        to_free.redirect_chain,
    )
    assert headings(to_taken) == headings(to_free)
    assert "already" not in shown(to_taken)
    subject = "[INePA] Please Confirm Your Email Address"
    assert (taken_mail, free_mail) == (
        [(["taken@example.org"], subject)],
        [(["free@example.org"], subject)],
    )
    assert EmailAddress.objects.get(email="taken@example.org").user.display_name == "Taken"


def test_changing_to_a_look_alike_of_another_accounts_address_is_answered_as_taken(client):
    CitizenFactory(email="taken@example.org", display_name="Taken")
    ana = CitizenFactory(email="ana@example.org", display_name="Ana N.")
    client.force_login(ana)

    to_look_alike = _change_after_password(client, "taken@ｅxample.org")

    assert headings(to_look_alike) == ["Email Address"]
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["taken@example.org"], "[INePA] Please Confirm Your Email Address")
    ]
    assert list(EmailAddress.objects.filter(user=ana).values_list("email", flat=True)) in (
        ["ana@example.org"],
        ["ana@example.org", "taken@example.org"],
    )
    assert not EmailAddress.objects.filter(email="taken@ｅxample.org").exists()
    assert EmailAddress.objects.get(email="taken@example.org", user__display_name="Taken")
