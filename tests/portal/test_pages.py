import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error
from pytest_django.asserts import assertContains

from tests.factories import ArticleFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("sl,en;q=0.5", "/sl/"), ("de-DE,de;q=0.9", "/sl/"), ("", "/sl/")],
)
def test_root_redirects_by_the_browsers_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert (response.status_code, response["Location"]) == (302, expected)


@pytest.mark.django_db
def test_home_lists_latest_articles_and_the_about_text(client):
    ArticleFactory(title_en="Report from Manama")

    response = client.get("/en/")

    assertContains(response, "Latest articles")
    assertContains(response, "Report from Manama")
    assertContains(response, "the first professional non-governmental organisation in Slovenia")
    for label, url in [("Articles", "/en/articles/"), ("About us", "/en/about/")]:
        assertContains(response, f'<a href="{url}">{label}</a>', html=True)


@pytest.mark.django_db
def test_home_in_slovenian(client):
    response = client.get("/sl/")

    assertContains(response, '<html lang="sl">')
    assertContains(response, "Najnovejši članki")
    assertContains(response, "prva strokovna nevladna organizacija v Sloveniji")


@pytest.mark.django_db
def test_about_page_in_both_languages(client):
    assertContains(client.get("/en/about/"), "<h1>About us</h1>", html=True)
    assertContains(client.get("/sl/about/"), "<h1>O nas</h1>", html=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/en/no-such-page/", "Page not found"),
        ("/sl/no-such-page/", "Strani ni mogoče najti"),
        ("/en/articles/no-such-article/", "Page not found"),
    ],
)
def test_missing_pages_answer_404_in_the_pages_language(client, url, text):
    response = client.get(url)

    assert response.status_code == 404
    assertContains(response, text, status_code=404)


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Something went wrong"), ("sl", "Prišlo je do napake")],
)
def test_server_error_page_speaks_the_pages_language(language, text):
    request = RequestFactory().get(f"/{language}/")

    with translation.override(language):
        response = server_error(request)

    assert response.status_code == 500
    assert text in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")

    assert (response.status_code, response.content) == (200, b"ok\n")


def test_healthz_answers_503_when_the_database_is_down(client, django_db_blocker):
    with django_db_blocker.unblock():
        original_port = connection.settings_dict["PORT"]
        original_engine_name = connection.settings_dict["NAME"]
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent/folder/db.sqlite3"
        else:
            connection.settings_dict["PORT"] = "1"  # nothing listens there
        try:
            response = client.get("/healthz")
        finally:
            connection.close()
            connection.settings_dict["PORT"] = original_port
            connection.settings_dict["NAME"] = original_engine_name

    assert (response.status_code, response.content) == (503, b"database unavailable\n")


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/en/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/sl/", "/en/", "/en/articles/", "/sl/about/", "/en/nowhere/"])
def test_pages_have_no_inline_scripts_styles_or_foreign_hosts(client, url):
    ArticleFactory()

    html = client.get(url).content.decode()

    assert "<script" not in html
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r'(src|href)="(https?:)?//(?!testserver)', html)


@pytest.mark.django_db
def test_sitemap_lists_every_public_page_in_both_languages(client):
    ArticleFactory(title_sl="Poročilo", title_en="Report")

    xml = client.get("/sitemap.xml").content.decode()

    for path in [
        "/sl/", "/en/", "/sl/articles/", "/en/articles/", "/sl/about/", "/en/about/",
        "/sl/articles/porocilo/", "/en/articles/report/",
    ]:  # fmt: skip
        assert f"<loc>http://testserver{path}</loc>" in xml
