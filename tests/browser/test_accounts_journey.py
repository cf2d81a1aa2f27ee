"""A visitor creates an account, verifies the address from the email, signs in and out."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and unusual passphrase"


def test_visitor_signs_up_verifies_the_email_signs_in_and_out(
    page, live_server, assert_accessible, settings
):
    settings.SITE_URL = live_server.url  # links in emails point to the public address
    page.goto("/en/about/")
    page.get_by_role("link", name="Create an account").click()
    expect(page.locator("h1")).to_have_text("Sign Up")
    assert_accessible(page)

    page.get_by_label("Email", exact=True).fill("ana@example.org")
    page.get_by_label("Display name").fill("Ana N.")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill("a different passphrase")
    page.get_by_role("checkbox", name="I accept the participation and moderation rules").check()
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("alert")).to_have_text("Please correct the error below.")
    expect(page.get_by_label("Email", exact=True)).to_have_value("ana@example.org")
    assert_accessible(page)

    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.locator("h1")).to_have_text("Verify Your Email Address")
    assert_accessible(page)

    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Confirm Email Address")
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("h1")).to_have_text("Sign In")
    expect(page.get_by_role("status")).to_have_text("You have confirmed ana@example.org.")
    assert_accessible(page)

    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    account = page.get_by_role("navigation", name="Your account")
    account.get_by_role("link", name="Ana N.").click()
    expect(page.locator("h1")).to_have_text("My account")
    assert_accessible(page)
    page.get_by_role("link", name="Email address").click()
    expect(page.locator("h1")).to_have_text("Email Address")
    expect(page.locator(".email-addresses dd").first).to_have_text("ana@example.org")
    assert_accessible(page)

    account.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(account.get_by_role("link", name="Sign in")).to_be_visible()
    expect(account.get_by_role("link", name="Ana N.")).to_have_count(0)
