import pytest
from django.test import Client, TestCase

from tests.factories import CitizenFactory

SITE_URL = "https://portal.inepa.example"


class CommittingClient(Client):
    """A test client whose every request runs its after-commit work, as a real request does
    when its transaction commits (a test's own transaction never commits)."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture(autouse=True)
def _site_url(settings):
    """Links in emails point to the portal's public address, never to the request's host."""
    settings.SITE_URL = SITE_URL


@pytest.fixture
def maja(client):
    """Signed in through allauth's real login."""
    person = CitizenFactory(display_name="Maja K.", email="maja@example.org")
    response = client.post(
        "/en/accounts/login/",
        {"login": "maja@example.org", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    return person


@pytest.fixture
def maja_rechecked(client, maja):
    """Maja has just typed her password again, as deleting an account asks."""
    response = client.post(
        "/en/accounts/reauthenticate/",
        {"password": "correct horse battery staple", "next": "/en/accounts/profile/delete/"},
    )
    assert response["Location"] == "/en/accounts/profile/delete/"
    return maja
