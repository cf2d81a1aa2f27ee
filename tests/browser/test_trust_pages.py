"""The trust pages, sign-up with its consent and the "results not yet" page, in Chromium at a
phone's and a laptop's width, in both languages: readable without sideways scrolling and
accessible (axe). Screenshots go to screenshots/citizen/ for a reviewer to look at."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from consultations.models import Consultation

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "citizen"
WIDTHS = (375, 1366)
OPEN = "draft-guidelines-for-involving-ngos-in-e-government-services"


def _look(page, assert_accessible, url: str, name: str, *, status: int = 200) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(url)
        assert response.status == status, url
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow} px at {width} px"
        assert_accessible(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)


def test_trust_pages_and_sign_up_at_both_widths_in_both_languages(
    page, live_server, assert_accessible
):
    call_command("demo_content", stdout=io.StringIO())
    consultation = Consultation.objects.get(slug_en=OPEN)
    for language in ("sl", "en"):
        for kind in ("privacy", "rules", "contact"):
            _look(page, assert_accessible, f"/{language}/{kind}/", f"{kind}-{language}")
        _look(page, assert_accessible, f"/{language}/accounts/signup/", f"signup-{language}")
        slug = getattr(consultation, f"slug_{language}")
        _look(
            page, assert_accessible, f"/{language}/consultations/{slug}/results.pdf",
            f"results-not-yet-{language}", status=404,
        )  # fmt: skip


def test_sign_up_reaches_the_rules_and_asks_for_consent(page, live_server, assert_accessible):
    call_command("demo_content", stdout=io.StringIO())
    page.goto("/en/about/")
    page.get_by_role("link", name="Create an account").click()
    consent = page.get_by_role("checkbox", name="I accept the participation and moderation rules")
    expect(consent).not_to_be_checked()
    page.get_by_role("link", name="participation and moderation rules", exact=True).click()
    expect(page.locator("h1")).to_have_text("Participation and moderation rules")
    page.go_back()

    page.get_by_label("Email", exact=True).fill("eva@example.org")
    page.get_by_label("Display name").fill("Eva Z.")
    page.get_by_label("Password", exact=True).fill("a long and unusual passphrase")
    page.get_by_label("Password (again)").fill("a long and unusual passphrase")
    page.get_by_role("button", name="Sign Up").click()
    # Without the tick the browser itself keeps the form (the server refuses it as well).
    expect(page.locator("h1")).to_have_text("Sign Up")
    consent.check()
    page.get_by_role("button", name="Sign Up").click()
    expect(page.locator("h1")).to_have_text("Verify Your Email Address")
    page.get_by_role("link", name="contact us").click()
    expect(page.locator("h1")).to_have_text("Contact")
    assert_accessible(page)
