import pytest
from django.core import mail
from pytest_django.asserts import assertContains

from tests.factories import CitizenFactory, StaffFactory

from .pages import form_errors

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password


def test_admin_sends_a_visitor_to_the_sites_sign_in_and_back(client):
    StaffFactory(email="urednik@example.org")

    to_admin_login = client.get("/admin/")
    to_sign_in = client.get(to_admin_login["Location"])
    signed_in = client.post(
        to_sign_in["Location"], {"login": "urednik@example.org", "password": PASSWORD}
    )

    assert to_admin_login["Location"] == "/admin/login/?next=/admin/"
    assert to_sign_in["Location"] == "/sl/accounts/login/?next=/admin/"
    assert signed_in["Location"] == "/admin/"
    assertContains(
        client.get("/admin/", headers={"accept-language": "en"}), "Moderation and content"
    )


def test_admin_password_guessing_meets_the_sign_in_rate_limit(client):
    StaffFactory(email="urednik@example.org")
    for number in range(5):
        client.post(
            "/en/accounts/login/", {"login": "urednik@example.org", "password": f"guess {number}"}
        )

    response = client.post(
        "/en/accounts/login/?next=/admin/", {"login": "urednik@example.org", "password": PASSWORD}
    )

    assert form_errors(response) == ["Too many failed login attempts. Try again later."]
    assert client.get("/admin/").status_code == 302


def test_the_admins_own_password_form_signs_nobody_in(client):
    StaffFactory(email="urednik@example.org")

    response = client.post(
        "/admin/login/?next=/admin/", {"username": "urednik@example.org", "password": PASSWORD}
    )

    assert response["Location"] == "/sl/accounts/login/?next=/admin/"
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"


def test_a_signed_in_citizen_gets_the_admins_refusal(client):
    client.force_login(CitizenFactory(email="ana@example.org"))

    to_admin_login = client.get("/admin/", headers={"accept-language": "en"})
    refusal = client.get(to_admin_login["Location"], headers={"accept-language": "en"})
    guess = client.post(
        to_admin_login["Location"],
        {"username": "urednik@example.org", "password": PASSWORD},
        headers={"accept-language": "en"},
    )

    assert to_admin_login["Location"] == "/admin/login/?next=/admin/"
    assertContains(
        refusal,
        "You are authenticated as ana@example.org, but are not authorized to access this page.",
    )
    assert guess.status_code == 302
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    assert mail.outbox == []
