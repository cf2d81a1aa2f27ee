"""Every page template, in both languages and its main states, passes axe (WCAG 2.2 A/AA)."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from playwright.sync_api import expect

from consultations.models import Comment, Consultation
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"
OPEN = "draft-guidelines-for-involving-ngos-in-e-government-services"
CLOSED = "draft-model-open-data-charter-for-municipalities"
TRY_AGAIN = "Please look at the following and try again."


def _sign_in(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("button", name="Sign out")).to_be_visible()


def _scan(page, assert_accessible, url: str, expected_status: int = 200) -> None:
    response = page.goto(url)
    assert response.status == expected_status, url
    assert_accessible(page)


def test_public_pages_in_both_languages_and_when_empty(page, live_server, assert_accessible):
    for language in ("sl", "en"):  # empty portal first
        for url in ["/", "/articles/", "/consultations/", "/about/"]:
            _scan(page, assert_accessible, f"/{language}{url}")
    call_command("demo_content", stdout=io.StringIO())
    open_id = Consultation.objects.get(slug_en=OPEN)
    section = open_id.sections.first()
    for language in ("sl", "en"):
        open_slug = getattr(open_id, f"slug_{language}")
        for url in [
            "/",
            "/articles/",
            "/articles/partnership-with-civil-society-is-a-key-to-transformative-e-government/",
            "/articles/delavnica-o-e-participaciji-za-nevladne-organizacije/",
            "/consultations/",
            f"/consultations/{open_slug}/",
            f"/consultations/{CLOSED}/",
            f"/consultations/{open_slug}/discussion/{section.pk}/",
            "/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
            "/notifications/subscribe/",
        ]:
            _scan(page, assert_accessible, f"/{language}{url}")
        _scan(page, assert_accessible, f"/{language}/no-such-page/", expected_status=404)


def test_forms_with_errors_and_signed_in_pages(page, live_server, assert_accessible):
    call_command("demo_content", stdout=io.StringIO())
    CitizenFactory(email="eva@example.org", display_name="Eva Z.")
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill("eva@example.org")
    page.get_by_label("Password", exact=True).fill("not the password")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)  # the login form with its error

    _sign_in(page, "eva@example.org")
    for language in ("sl", "en"):
        _scan(page, assert_accessible, f"/{language}/consultations/{OPEN}/")
        _scan(page, assert_accessible, f"/{language}/accounts/profile/")
        _scan(page, assert_accessible, f"/{language}/accounts/email/")
        _scan(page, assert_accessible, f"/{language}/accounts/profile/name/")
        _scan(page, assert_accessible, f"/{language}/notifications/")
        _scan(page, assert_accessible, f"/{language}/notifications/settings/")
    page.goto(f"/en/consultations/{OPEN}/")
    comment = Comment.objects.filter(
        consultation__slug_en=OPEN, status="published", author__isnull=False
    ).first()
    _scan(page, assert_accessible, f"/en/consultations/{OPEN}/comments/{comment.pk}/flag/")
    page.get_by_label("other").check()
    page.get_by_role("button", name="Send report").click()  # "other" without details: errors
    expect(page.get_by_role("alert")).to_contain_text(TRY_AGAIN)
    assert_accessible(page)
    page.goto(f"/en/consultations/{OPEN}/")
    first = page.locator("section.discussion").first
    first.get_by_label("Comment on this section").fill("   ")  # only spaces: refused
    first.get_by_role("button", name="Publish comment").click()
    expect(page.get_by_role("alert")).to_contain_text(TRY_AGAIN)
    assert_accessible(page)


def test_staff_pages(page, live_server, assert_accessible):
    call_command("demo_content", stdout=io.StringIO())
    staff = CitizenFactory(email="mojca@example.org", display_name="Mojca", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Moderators")
    moderation = ["view_comment", "moderate_comment"]
    group.permissions.add(*Permission.objects.filter(codename__in=moderation))
    staff.groups.add(group)
    # The preview of an unpublished consultation is for those who may change it.
    staff.user_permissions.add(Permission.objects.get(codename="change_consultation"))
    unpublished = Consultation.objects.get(slug_en=OPEN)
    unpublished.is_published = False
    unpublished.save()

    _sign_in(page, "mojca@example.org")
    _scan(page, assert_accessible, f"/en/consultations/{OPEN}/")  # the staff preview
    _scan(page, assert_accessible, "/sl/consultations/")
