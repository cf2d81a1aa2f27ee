"""With the database down, visitors get a friendly bilingual 503; it heals by itself."""

import pytest
from django.db import connection
from django.test import Client

from tests.factories import ArticleFactory


@pytest.fixture
def database_down(django_db_blocker):
    """The default connection points at a port where nothing listens, then is restored."""
    with django_db_blocker.unblock():
        original = dict(connection.settings_dict)
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent/folder/db.sqlite3"
        else:
            connection.settings_dict["PORT"] = "1"
        yield
        connection.close()
        connection.settings_dict.update(original)


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/en/", "We cannot reach our database right now"),
        ("/sl/", "Trenutno ne moremo dostopati do naše podatkovne zbirke"),
        ("/en/consultations/", "The portal is resting for a moment"),
        ("/sl/articles/", "Portal si za trenutek oddahne"),
    ],
)
def test_pages_answer_a_friendly_503_while_the_database_is_down(database_down, url, text):
    response = Client(raise_request_exception=False).get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_portal_recovers_without_a_restart(django_db_blocker):
    ArticleFactory(title_en="Still here")
    browser = Client(raise_request_exception=False)
    original_port = connection.settings_dict["PORT"]
    original_name = connection.settings_dict["NAME"]

    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent/folder/db.sqlite3"
    else:
        connection.settings_dict["PORT"] = "1"
    try:
        assert browser.get("/en/articles/").status_code == 503
        assert browser.get("/healthz").status_code == 503
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original_port
        connection.settings_dict["NAME"] = original_name

    response = browser.get("/en/articles/")
    assert response.status_code == 200
    assert "Still here" in response.content.decode()
    assert browser.get("/healthz").status_code == 200
