"""A citizen follows a consultation, another replies to her, she sees it on the site and in
the mailbox of a real SMTP server, unsubscribes from the email without signing in, and finds
the reply again by searching another form of one of its words."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from notifications import selectors
from notifications.models import Follow, Kind
from tests.consultations.factories import SectionFactory
from tests.factories import CitizenFactory
from tests.notifications.conftest import smtp_mailers

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"  # the factories' password


@pytest.fixture
def smtp_mailbox(settings):
    from tests.notifications.conftest import Controller, Mailbox, free_port

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = smtp_mailers(controller.port)
    yield mailbox
    controller.stop()


def _sign_in(page, email: str, next_path: str) -> None:
    page.goto(f"/en/accounts/login/?next={next_path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(
        page.get_by_role("navigation", name="Your account").get_by_role("button", name="Sign out")
    ).to_be_visible()


def _shoot(page, folder, name: str) -> None:
    """Screenshots at a phone's and a laptop's width, to look at (kept in pytest's tmp_path)."""
    for width in (375, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)


def test_follow_reply_notification_email_and_one_click_unsubscribe(
    page, browser, live_server, assert_accessible, smtp_mailbox, tmp_path
):
    section = SectionFactory(heading_en="Open data")
    consultation = section.consultation
    ana = CitizenFactory(display_name="Ana", email="ana@example.org")
    CitizenFactory(display_name="Bor", email="bor@example.org")
    path = urlsplit(consultation.get_absolute_url()).path

    _sign_in(page, "ana@example.org", path)
    page.get_by_role("button", name="Follow this consultation").click()
    expect(page.get_by_role("button", name="Stop following")).to_be_visible()
    assert Follow.objects.filter(user=ana, consultation=consultation).exists()
    _shoot(page, tmp_path, "consultation-following")
    assert_accessible(page)
    discussion = page.locator(
        "section.discussion", has=page.get_by_role("heading", name="Open data")
    )
    discussion.get_by_label("Comment on this section").fill("Publish the data as CSV.")
    discussion.get_by_role("button", name="Publish comment").click()
    expect(page.get_by_role("status")).to_have_text("Thank you: your comment is published.")

    other = browser.new_context(base_url=live_server.url, locale="en-GB")
    bor = other.new_page()
    _sign_in(bor, "bor@example.org", path)
    hers = bor.locator("article.comment", has_text="Publish the data as CSV.").first
    hers.locator("summary", has_text="Reply").click()
    hers.get_by_label("Your reply").fill("And as JSON for developers.")
    hers.get_by_role("button", name="Send reply").click()
    expect(bor.locator(".replies")).to_contain_text("And as JSON for developers.")
    other.close()

    page.goto(path)
    header = page.get_by_role("navigation", name="Your account")
    header.get_by_role("link", name="Notifications (1 unread)").click()
    expect(page.locator("h1")).to_have_text("Notifications")
    item = page.locator("li.notification.unread")
    expect(item).to_contain_text("A reply to your comment in")
    expect(item).to_contain_text("And as JSON for developers.")
    _shoot(page, tmp_path, "notifications")
    assert_accessible(page)
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.locator("li.notification.unread")).to_have_count(0)
    expect(header.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    (message,) = smtp_mailbox.to("ana@example.org")
    assert message["Subject"] == f"A reply to your comment in “{consultation.title_en}”"
    assert "And as JSON for developers." in message.get_content()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"]).group(1)

    stranger = browser.new_context(base_url=live_server.url, locale="en-GB")  # no session
    mail_reader = stranger.new_page()
    mail_reader.goto(urlsplit(link).path)
    expect(mail_reader.get_by_text("Stop the emails of this kind?")).to_be_visible()
    assert_accessible(mail_reader)
    mail_reader.get_by_role("button", name="Unsubscribe").click()
    expect(mail_reader.get_by_role("status")).to_contain_text(
        "you will get no more emails of this kind"
    )
    stranger.close()
    assert selectors.delivery_for(ana, Kind.REPLY) == "off"
    page.goto("/en/notifications/settings/")
    _shoot(page, tmp_path, "settings")
    assert_accessible(page)
    expect(
        page.get_by_role("group", name="Replies to my comments").get_by_label("off")
    ).to_be_checked()

    # The reply said "developers"; searching "developer" finds it (both are lemmatised).
    page.goto("/en/")
    page.get_by_role("search").get_by_role("searchbox").fill("developer")
    page.get_by_role("search").get_by_role("button").click()
    result = page.locator(".search-result", has_text="And as JSON for developers.")
    expect(result).to_have_count(1)
    expect(result.locator("mark")).to_have_text("developers")
    _shoot(page, tmp_path, "search")
    assert_accessible(page)
