"""A visitor creates an account, verifies the address from the email, signs in and out."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and unusual passphrase"


def test_visitor_signs_up_verifies_the_email_signs_in_and_out(
    page, live_server, assert_accessible, settings
):
    settings.SITE_URL = live_server.url  # links in emails point to the public address
    page.goto("/en/about/")
    page.get_by_role("link", name="Create an account").click()
    assert page.locator("h1").inner_text() == "Sign Up"
    assert_accessible(page)

    page.get_by_label("Email", exact=True).fill("ana@example.org")
    page.get_by_label("Display name").fill("Ana N.")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill("a different passphrase")
    page.get_by_role("button", name="Sign Up").click()
    assert page.get_by_role("alert").inner_text() == "Please correct the error below."
    assert page.get_by_label("Email", exact=True).input_value() == "ana@example.org"
    assert_accessible(page)

    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    assert page.locator("h1").inner_text() == "Verify Your Email Address"
    assert_accessible(page)

    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert page.locator("h1").inner_text() == "Confirm Email Address"
    page.get_by_role("button", name="Confirm").click()
    assert page.locator("h1").inner_text() == "Sign In"
    assert page.get_by_role("status").inner_text() == "You have confirmed ana@example.org."
    assert_accessible(page)

    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{live_server.url}/en/")
    account = page.get_by_role("navigation", name="Your account")
    account.get_by_role("link", name="Ana N.").click()
    assert page.locator("h1").inner_text() == "My account"
    assert_accessible(page)
    page.get_by_role("link", name="Email address").click()
    assert page.locator("h1").inner_text() == "Email Address"
    assert page.locator(".email-addresses dd").first.inner_text() == "ana@example.org"
    assert_accessible(page)

    account.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert account.get_by_role("link", name="Sign in").is_visible()
    assert account.get_by_role("link", name="Ana N.").count() == 0
