"""A citizen signs up, takes part in the demo consultation, downloads their data and leaves."""

import io
import json
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from consultations.models import Comment, Vote

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and unusual passphrase"
DRAFT_URL = "/en/consultations/draft-guidelines-for-involving-ngos-in-e-government-services/"


def _sign_up_and_verify(page, live_server) -> None:
    page.goto(DRAFT_URL)
    page.get_by_role("link", name="Create an account").first.click()
    page.get_by_label("Email", exact=True).fill("eva@example.org")
    page.get_by_label("Display name").fill("Eva Z.")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("checkbox", name="I accept the participation and moderation rules").check()
    page.get_by_role("button", name="Sign Up").click()
    expect(page.locator("h1")).to_have_text("Verify Your Email Address")
    link = urlsplit(re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[-1].body).group(0))
    page.goto(f"{link.path}?{link.query}")  # the link names settings.SITE_URL, not the server
    page.get_by_role("button", name="Confirm").click()
    page.get_by_label("Email").fill("eva@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    # Back on the consultation the journey started from, signed in.
    expect(page).to_have_url(f"{live_server.url}{DRAFT_URL}")
    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("button", name="Sign out")).to_be_visible()


def _tally(section, label: str):
    """The cell that counts the `label` votes of a section's tally."""
    return section.locator("table.tally tr", has_text=label).locator("td").first


def _principles(page):
    return page.locator(
        "section.discussion", has=page.get_by_role("heading", name="Principles of cooperation")
    )


def test_citizen_takes_part_then_downloads_their_data_and_deletes_the_account(
    page, live_server, assert_accessible
):
    call_command("demo_content", stdout=io.StringIO())
    page.goto(DRAFT_URL)
    expect(page.get_by_text("Sign in to comment and vote")).to_be_visible()
    assert_accessible(page)

    _sign_up_and_verify(page, live_server)
    page.goto(DRAFT_URL)
    expect(
        page.get_by_role("navigation", name="Your account").get_by_text("Eva Z.")
    ).to_be_visible()
    assert_accessible(page)

    principles = _principles(page)
    principles.get_by_label("Comment on this section").fill(
        "Please add **plain language** as a principle."
    )
    principles.get_by_role("button", name="Publish comment").click()
    expect(page.get_by_role("status")).to_have_text("Thank you: your comment is published.")
    mine = page.locator("article.comment", has_text="plain language").first
    expect(mine.locator("strong")).to_have_text("plain language")
    assert_accessible(page)

    other = principles.locator("article.comment", has_text="accessibility").first
    other.locator("summary", has_text="Reply").click()
    other.get_by_label("Your reply").fill("Agreed, and easy-to-read versions too.")
    other.get_by_role("button", name="Send reply").click()
    replies = other.locator(".replies")
    expect(replies.get_by_text("Agreed, and easy-to-read versions too.")).to_be_visible()

    supporters_before = other.locator(".supports").first.inner_text()
    other.get_by_role("button", name="Support").first.click()
    expect(other.get_by_role("button", name="Withdraw my support").first).to_be_visible()
    expect(other.locator(".supports").first).not_to_have_text(supporters_before)

    # The demo's votes, read before voting; each vote is then awaited in the tally.
    agree_before = int(_tally(principles, "Agree").inner_text())
    disagree_before = int(_tally(principles, "Disagree").inner_text())
    principles.get_by_label("Agree", exact=True).check()
    principles.get_by_role("button", name="Vote").click()
    expect(_tally(principles, "Agree")).to_have_text(str(agree_before + 1))
    principles.get_by_label("Disagree", exact=True).check()
    principles.get_by_role("button", name="Change my vote").click()
    expect(_tally(principles, "Disagree")).to_have_text(str(disagree_before + 1))
    expect(_tally(principles, "Agree")).to_have_text(str(agree_before))
    expect(principles.get_by_label("Disagree", exact=True)).to_be_checked()
    assert_accessible(page)

    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Eva Z.").click()
    expect(page.locator("h1")).to_have_text("My account")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my data (JSON)").click()
    with open(download_info.value.path(), encoding="utf-8") as data_file:
        data = json.load(data_file)
    assert data["account"]["display_name"] == "Eva Z."
    assert len(data["comments"]) == 2
    assert [vote["choice"] for vote in data["votes"]] == ["disagree"]

    page.get_by_role("link", name="Delete my account").click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("h1")).to_have_text("Delete my account")
    assert_accessible(page)
    page.get_by_label("Keep them, signed “deleted user” instead of my name").check()
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_role("status")).to_have_text(
        "Your account is deleted. Thank you for taking part."
    )

    page.goto(DRAFT_URL)
    mine = page.locator("article.comment", has_text="plain language").first
    expect(mine.locator(".author")).to_have_text("deleted user")
    assert Comment.objects.filter(author__isnull=True, body__contains="plain language").count() == 1
    assert Vote.objects.filter(user__isnull=True, choice="disagree").count() == 1
