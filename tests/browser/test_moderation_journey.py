"""A citizen reports a comment, a moderator hides it, its author appeals, it is restored."""

import importlib
import re

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from consultations.models import Comment
from consultations.moderation.models import ModerationAction
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"  # the factories' password


def _moderators_group() -> Group:
    """The group its migration makes: transactional tests empty the tables between tests
    (permissions come back through post_migrate, the group does not), so make it again."""
    migration = importlib.import_module(
        "consultations.migrations.0003_moderation_log_append_only_and_moderators"
    )
    group, _created = Group.objects.get_or_create(name="Moderators")
    for app_label, codename in migration.MODERATOR_PERMISSIONS:
        # Flags, appeals, the log and responses have since moved to the moderation app, and
        # their permissions with them (moderation's 0001 relabels their content types).
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label__in=[app_label, "moderation"], codename=codename
            )
        )
    return group


def _sign_in(page, email: str, next_url: str) -> None:
    page.goto(f"/en/accounts/login/?next={next_url}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def _sign_out(page) -> None:
    account = page.get_by_role("navigation", name="Your account")
    account.get_by_role("button", name="Sign out").click()
    expect(account.get_by_role("link", name="Sign in")).to_be_visible()


def test_report_hide_appeal_restore(page, live_server, assert_accessible):
    consultation = ConsultationFactory(title_en="Guidelines for NGOs", flag_threshold=3)
    section = SectionFactory(consultation=consultation, heading_en="Principles")
    author = CitizenFactory(email="tomaz@example.org", display_name="Tomaž R.")
    comment = CommentFactory(
        consultation=consultation, section=section, author=author, language="en",
        body="The ministry should *also* publish who wrote each draft.",
    )  # fmt: skip
    CitizenFactory(email="ana@example.org", display_name="Ana V.")
    moderator = CitizenFactory(email="mojca@example.org", display_name="Mojca", is_staff=True)
    moderator.groups.add(_moderators_group())
    url = f"/en/consultations/{consultation.slug_en}/"

    _sign_in(page, "ana@example.org", url)
    page.locator(f"#comment-{comment.pk}").get_by_role("link", name="Report").click()
    expect(page.locator("h1")).to_have_text("Report a comment")
    assert_accessible(page)
    page.get_by_label("off-topic").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("status")).to_have_text(
        "Thank you. Moderators will look at this comment."
    )
    _sign_out(page)

    _sign_in(page, "mojca@example.org", "/admin/")
    expect(page.locator("#content")).to_contain_text("1 comment waits for review.")
    page.get_by_role("link", name="1 comment waits for review.").click()
    page.get_by_role("link", name="The ministry should also publish who wrote each draft.").click()
    page.get_by_role("link", name="Hide").click()
    page.get_by_label("Reason").select_option("off_topic")
    page.get_by_label("Note to the author").fill("Please keep to the principles in this chapter.")
    page.get_by_role("button", name="Hide").click()
    expect(page.locator(".messagelist")).to_contain_text("1 comment decided.")
    page.goto(url)
    expect(page.locator(f"#comment-{comment.pk}")).to_have_text("Hidden by a moderator: off-topic.")
    _sign_out(page)

    _sign_in(page, "tomaz@example.org", "/en/accounts/profile/")
    profile = page.locator("main")
    expect(profile).to_contain_text("hidden by a moderator")
    expect(profile).to_contain_text("Reason: off-topic")
    expect(profile).to_contain_text("Please keep to the principles in this chapter.")
    assert_accessible(page)
    page.get_by_role("link", name="Ask for a review").click()
    assert_accessible(page)
    page.get_by_label("Why should the comment be restored?").fill(
        "It is about the principle of transparency."
    )
    page.get_by_role("button", name="Ask for a review").click()
    expect(page.locator("main")).to_contain_text("Review requested")
    _sign_out(page)

    _sign_in(page, "mojca@example.org", "/admin/consultations/comment/?attention=yes")
    page.get_by_role("link", name="The ministry should also publish who wrote each draft.").click()
    expect(page.locator("#content")).to_contain_text("It is about the principle of transparency.")
    page.get_by_role("link", name="Restore").click()
    page.get_by_role("button", name="Restore").click()
    expect(page.locator(".messagelist")).to_contain_text("1 comment decided.")
    page.goto(url)
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("publish who wrote each draft")
    assert_accessible(page)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED
    assert list(
        ModerationAction.objects.filter(comment=comment)
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["hide", "appeal", "restore", "appeal_decided"]
