"""Pages made for a signed-in person are never stored by a browser or a shared cache
(pen test #17.9); visitors' pages keep what the page cache gives them."""

import pytest
from django.utils.cache import get_max_age
from pytest_django.asserts import assertContains

from consultations import services
from tests.consultations.factories import ConsultationFactory
from tests.factories import ArticleFactory, CitizenFactory

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


def _directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_pages_about_the_signed_in_person_are_private_and_not_stored(client):
    consultation = ConsultationFactory(title_en="Draft rules")
    maja = CitizenFactory(email="maja@example.org", display_name="Maja K.")
    services.vote_cast(consultation=consultation, user=maja, choice="agree")
    client.force_login(maja)
    pages = {
        "/en/accounts/profile/": "maja@example.org",
        "/en/accounts/email/": "maja@example.org",
        "/en/accounts/password/change/": "Maja K.",
        f"/en/consultations/{consultation.slug_en}/": "You can change your vote",
    }

    for url, shown in pages.items():
        response = client.get(url, headers=EN)
        assertContains(response, shown)
        assert {"private", "no-store"} <= _directives(response), url
        assert "public" not in _directives(response), url


def test_visitors_pages_stay_as_the_page_cache_makes_them(client):
    consultation = ConsultationFactory(title_en="Draft rules")
    ArticleFactory(title_en="News")

    for url in ("/en/", "/en/articles/", f"/en/consultations/{consultation.slug_en}/"):
        first, second = client.get(url), client.get(url)  # made, then served from the cache

        assert first.status_code == second.status_code == 200
        assert _directives(second) == {"private", "no-cache"}, url
        assert get_max_age(second) is None


def test_a_page_showing_a_message_to_someone_not_signed_in_is_not_stored(client):
    """After signing up, the next page names the address in a message."""
    response = client.post(
        "/en/accounts/signup/",
        {"email": "new@example.org", "display_name": "New", "password1": "a long passphrase 42",
         "password2": "a long passphrase 42"},
        headers=EN,
        follow=True,
    )  # fmt: skip

    assertContains(response, "new@example.org")
    assert {"private", "no-store"} <= _directives(response)
