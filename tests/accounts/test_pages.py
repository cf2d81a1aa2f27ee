import re

import pytest

from tests.factories import CitizenFactory

from .pages import headings

pytestmark = pytest.mark.django_db

VISITOR_PAGES = [
    "/en/accounts/login/",
    "/sl/accounts/signup/",
    "/en/accounts/password/reset/",
    "/sl/accounts/password/reset/done/",
    "/en/accounts/confirm-email/",
    "/en/accounts/confirm-email/not-a-key/",
]
CITIZEN_PAGES = [
    "/en/accounts/email/",
    "/sl/accounts/password/change/",
    "/en/accounts/logout/",
    "/en/accounts/reauthenticate/",
]


def _assert_site_page(html: str) -> None:
    assert '<header class="site-header">' in html
    assert '<nav class="language-switcher"' in html
    assert "<script" not in html
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("url", VISITOR_PAGES)
def test_account_pages_for_visitors_use_the_site_layout_with_one_heading(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert len(headings(response)) == 1
    _assert_site_page(response.content.decode())


@pytest.mark.parametrize("url", CITIZEN_PAGES)
def test_account_pages_for_citizens_use_the_site_layout_with_one_heading(client, url):
    client.force_login(CitizenFactory())

    response = client.get(url)

    assert response.status_code == 200
    assert len(headings(response)) == 1
    _assert_site_page(response.content.decode())


def test_too_many_requests_page_uses_the_site_layout(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/m/ip"}
    client.post("/en/accounts/signup/", {"email": "a@example.org"})

    response = client.post("/en/accounts/signup/", {"email": "b@example.org"})

    assert response.status_code == 429
    assert headings(response) == ["Too many attempts"]
    _assert_site_page(response.content.decode())
