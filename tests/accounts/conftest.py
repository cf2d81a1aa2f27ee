import pytest
from django.test import Client, TestCase

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
