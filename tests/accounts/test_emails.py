"""allauth's emails: links from settings.SITE_URL, sent by a task after commit."""

import pytest
from django.core import mail
from django.tasks import TaskResultStatus
from django.tasks.signals import task_finished

from accounts.models import User
from tests.factories import CitizenFactory

from .conftest import SITE_URL, CommittingClient
from .pages import headings, links_in

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"
FACTORY_PASSWORD = "correct horse battery staple"
MAIL_SERVER_DOWN = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},  # discard: nothing listens
    }
}


@pytest.fixture
def finished_tasks():
    """The results of the tasks that ran during the test, in order."""
    results = []

    def keep(sender, task_result, **kwargs):
        results.append(task_result)

    task_finished.connect(keep)
    yield results
    task_finished.disconnect(keep)


def _signup(client, email="ana@example.org", display_name="Ana N.", language="en"):
    data = {"email": email, "display_name": display_name, "password1": PASSWORD,
            "password2": PASSWORD, "accept_rules": "on"}  # fmt: skip
    return client.post(f"/{language}/accounts/signup/", data)


def test_every_link_in_every_account_email_comes_from_site_url_not_the_host_header():
    CitizenFactory(email="owner@example.org", display_name="Owner")
    browser = CommittingClient(headers={"host": "127.0.0.1:1"})

    _signup(browser)  # a verification email
    _signup(browser, email="owner@example.org", display_name="Intruder")  # "already exists"
    browser.post("/en/accounts/password/reset/", {"email": "owner@example.org"})  # a reset link
    browser.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})  # "unknown"
    browser.login(email="owner@example.org", password=FACTORY_PASSWORD)
    browser.post(
        "/en/accounts/password/change/",
        {"oldpassword": FACTORY_PASSWORD, "password1": PASSWORD, "password2": PASSWORD},
    )  # "your password was changed"

    kinds = sorted(message.subject for message in mail.outbox)
    assert kinds == [
        "[INePA] Account Already Exists",
        "[INePA] Password Changed",
        "[INePA] Password Reset Email",
        "[INePA] Please Confirm Your Email Address",
        "[INePA] Unknown Account",
    ]
    links = [link for message in mail.outbox for link in links_in(message)]
    assert len(links) >= 4
    assert [link for link in links if not link.startswith(f"{SITE_URL}/en/accounts/")] == []
    assert [message.subject for message in mail.outbox if "127.0.0.1:1" in message.body] == []


def test_verification_email_is_sent_by_a_task_with_its_link_from_site_url(client, finished_tasks):
    _signup(client)

    assert [(result.task.name, result.status) for result in finished_tasks] == [
        ("email_send", TaskResultStatus.SUCCESSFUL)
    ]
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert links_in(mail.outbox[0])[0].startswith(f"{SITE_URL}/en/accounts/confirm-email/")


def test_the_email_is_rendered_in_the_language_of_the_page_before_it_is_queued(
    client, finished_tasks
):
    _signup(client, language="sl")

    assert finished_tasks[0].kwargs["subject"] == "[INePA] Prosimo, potrdite svoj e-poštni naslov."
    assert finished_tasks[0].kwargs["body"].startswith("Pozdravljeni iz INePA")


def test_signup_with_the_mail_server_down_answers_as_usual_and_the_task_keeps_the_failure(
    client, settings, finished_tasks
):
    settings.MAILERS = MAIL_SERVER_DOWN

    response = _signup(client)

    assert response["Location"] == "/en/accounts/confirm-email/"
    assert headings(client.get(response["Location"])) == ["Verify Your Email Address"]
    assert User.objects.filter(email="ana@example.org").exists()
    assert [(result.task.name, result.status) for result in finished_tasks] == [
        ("email_send", TaskResultStatus.FAILED)
    ]
    assert finished_tasks[0].errors[0].exception_class_path == "builtins.ConnectionRefusedError"
    assert finished_tasks[0].kwargs["to"] == ["ana@example.org"]  # kept for a retry
    assert mail.outbox == []


def test_password_reset_with_the_mail_server_down_answers_as_usual(
    client, settings, finished_tasks
):
    CitizenFactory(email="ana@example.org")
    settings.MAILERS = MAIL_SERVER_DOWN

    response = client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})

    assert response["Location"] == "/en/accounts/password/reset/done/"
    assert headings(client.get(response["Location"])) == ["Password Reset"]
    assert [result.status for result in finished_tasks] == [TaskResultStatus.FAILED]
