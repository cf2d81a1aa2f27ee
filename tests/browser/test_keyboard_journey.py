"""Sign in, comment on a section, vote and report a comment with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from consultations.models import Comment, Vote
from consultations.moderation.models import Flag
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db(transaction=True)
MAX_TABS = 200


def _tab_to(page, locator) -> None:
    """Press Tab until `locator` has the focus, and check that the focus is visible."""
    expect(locator).to_be_attached()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            outline = page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
            )
            assert outline[0] != "none" or outline[2] != "none", f"focus not visible: {outline}"
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_keyboard_only_citizen_takes_part(page, live_server):
    consultation = ConsultationFactory(title_en="Keyboard draft")
    section = SectionFactory(consultation=consultation, heading_en="Principles")
    other = CommentFactory(consultation=consultation, section=section, body="Buy cheap pills.")
    CitizenFactory(email="kim@example.org", display_name="Kim")
    url = f"/en/consultations/{consultation.slug_en}/"

    page.goto(f"/en/accounts/login/?next={url}")
    _tab_to(page, page.get_by_label("Email"))
    page.keyboard.type("kim@example.org")
    _tab_to(page, page.get_by_label("Password", exact=True))
    page.keyboard.type("correct horse battery staple")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))

    principles = page.locator(f"#section-{section.pk}")
    _tab_to(page, principles.get_by_label("Comment on this section"))
    page.keyboard.type("Typed without a mouse.")
    _tab_to(page, principles.get_by_role("button", name="Publish comment"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Comment.objects.filter(body="Typed without a mouse.", section=section).exists()

    principles = page.locator(f"#section-{section.pk}")
    _tab_to(page, principles.get_by_label("Agree", exact=True))
    page.keyboard.press("Space")
    _tab_to(page, principles.get_by_role("button", name="Vote"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Vote.objects.get(section=section).choice == "agree"

    _tab_to(page, page.locator(f"#comment-{other.pk}").get_by_role("link", name="Report"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, page.get_by_label("spam"))
    page.keyboard.press("Space")
    _tab_to(page, page.get_by_role("button", name="Send report"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Flag.objects.get(comment=other).reason == "spam"
