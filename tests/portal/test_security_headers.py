"""Under production settings every public URL sends strict security headers and cookies."""

import importlib
import re

import pytest
from django.test import Client

from tests.consultations.factories import ConsultationFactory, SectionFactory
from tests.factories import ArticleFactory, CitizenFactory

pytestmark = pytest.mark.django_db

PRODUCTION_ONLY = [
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY",
]  # fmt: skip


@pytest.fixture
def production(settings, monkeypatch):
    """The security settings of inepa_portal.settings.production, over the test settings."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "k" * 60)
    importlib.reload(importlib.import_module("inepa_portal.settings.base"))
    module = importlib.reload(importlib.import_module("inepa_portal.settings.production"))
    for name in PRODUCTION_ONLY:
        setattr(settings, name, getattr(module, name))
    return Client(raise_request_exception=False)


def _public_urls() -> list[str]:
    article = ArticleFactory(title_en="Report", title_sl="Poročilo")
    consultation = ConsultationFactory(title_en="Draft", title_sl="Osnutek")
    section = SectionFactory(consultation=consultation)
    urls = ["/", "/healthz", "/sitemap.xml", "/admin/login/", "/nowhere/"]
    for language in ("sl", "en"):
        urls += [
            f"/{language}/",
            f"/{language}/about/",
            f"/{language}/articles/",
            f"/{language}/articles/{getattr(article, f'slug_{language}')}/",
            f"/{language}/articles/feed/",
            f"/{language}/consultations/",
            f"/{language}/consultations/feed/",
            f"/{language}/consultations/{getattr(consultation, f'slug_{language}')}/",
            f"/{language}/consultations/{consultation.slug_en}/discussion/{section.pk}/",
            f"/{language}/accounts/login/",
            f"/{language}/accounts/signup/",
            f"/{language}/accounts/password/reset/",
            f"/{language}/no-such-page/",
        ]
    return urls


def test_every_public_url_sends_the_security_headers(production):
    for url in _public_urls():
        response = production.get(url, secure=True, headers={"x-forwarded-proto": "https"})

        assert response.status_code in {200, 301, 302, 404}, url
        assert "Content-Security-Policy" in response, url
        policy = response["Content-Security-Policy"]
        for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'",
                          "frame-ancestors 'none'"):  # fmt: skip
            assert directive in policy, (url, directive)
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy
        max_age = int(re.search(r"max-age=(\d+)", response["Strict-Transport-Security"])[1])
        assert max_age >= 365 * 24 * 3600, url
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert "Server" not in response, url


def test_plain_http_is_sent_to_https(production):
    response = production.get("/en/articles/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/articles/"


def test_the_https_redirect_carries_the_same_security_headers_as_pages(production):
    """Pen test #17.14: the 301 to HTTPS is a response like any other."""
    redirect = production.get("/en/articles/")
    page = production.get("/en/articles/", secure=True, headers={"x-forwarded-proto": "https"})

    assert redirect.status_code == 301
    for header in ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy",
                   "X-Content-Type-Options", "Referrer-Policy"):  # fmt: skip
        assert redirect.get(header) == page[header], header


def test_cookies_are_secure_httponly_and_samesite(production):
    CitizenFactory(email="maja@example.org")
    https = {"secure": True, "headers": {"x-forwarded-proto": "https"}}

    login = production.post(
        "/en/accounts/login/",
        {"login": "maja@example.org", "password": "correct horse battery staple"},
        **https,
    )
    language = production.post("/i18n/setlang/", {"language": "en", "next": "/en/"}, **https)

    cookies = {**login.cookies, **language.cookies}
    for name in ("sessionid", "csrftoken", "django_language"):
        cookie = cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


def test_signing_in_rotates_the_session(client):
    CitizenFactory(email="maja@example.org")
    client.get("/en/accounts/login/")
    client.session.save()
    before = client.session.session_key

    client.post(
        "/en/accounts/login/",
        {"login": "maja@example.org", "password": "correct horse battery staple"},
    )

    assert client.session.session_key != before
    assert client.session.get("_auth_user_id")
