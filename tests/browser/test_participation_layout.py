"""Issue #13 in Chromium at 375 and 1366 px: every page template fits, its targets are big
enough, and after each way of taking part the confirmation is where the person is looking.

Screenshots of every page and state are kept (tests/browser/layout.py says where)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from consultations.models import Comment, Consultation
from consultations.moderation import services as moderation
from tests.browser.layout import LAPTOP, PHONE, WIDTHS, check_fits, in_viewport, screenshot
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"
OPEN = "draft-guidelines-for-involving-ngos-in-e-government-services"
CLOSED = "draft-model-open-data-charter-for-municipalities"


def _sign_in(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("navigation", name="Your account")).to_contain_text("Maja K.")


def _sweep(page, assert_accessible, pages: list[tuple[str, str, int]]) -> None:
    for name, url, status in pages:
        for size in WIDTHS:
            page.set_viewport_size(size)
            response = page.goto(url)
            assert response.status == status, url
            check_fits(page, name)
            assert_accessible(page)


def _demo() -> Consultation:
    call_command("demo_content", stdout=io.StringIO())
    return Consultation.objects.get(slug_en=OPEN)


def test_every_page_fits_a_phone_and_a_laptop_for_visitors(page, live_server, assert_accessible):
    pages = []
    for language in ("sl", "en"):
        pages.append((f"{language} empty home", f"/{language}/", 200))
        pages.append((f"{language} empty consultations", f"/{language}/consultations/", 200))
        pages.append((f"{language} search", f"/{language}/search/?q=posvetovanje", 200))
        pages.append((f"{language} subscribe", f"/{language}/notifications/subscribe/", 200))
    _sweep(page, assert_accessible, pages)
    # The footer stays at the bottom of a short page; main keeps its space above and below.
    page.set_viewport_size(LAPTOP)
    page.goto("/en/consultations/")
    footer = page.locator("footer.site-footer").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(LAPTOP["height"], abs=1)
    padding = page.locator("main").evaluate(
        "el => [getComputedStyle(el).paddingTop, getComputedStyle(el).paddingBottom]"
    )
    assert padding == ["24px", "48px"]

    consultation = _demo()
    section = consultation.sections.first()
    pages = []
    for language in ("sl", "en"):
        slug = getattr(consultation, f"slug_{language}")
        pages += [
            (f"{language} home", f"/{language}/", 200),
            (f"{language} articles", f"/{language}/articles/", 200),
            (
                f"{language} article",
                f"/{language}/articles/partnership-with-civil-society-is-a-key-to-transformative-e-government/",
                200,
            ),
            (f"{language} about", f"/{language}/about/", 200),
            (f"{language} consultations", f"/{language}/consultations/", 200),
            (f"{language} open consultation visitor", f"/{language}/consultations/{slug}/", 200),
            (f"{language} closed consultation", f"/{language}/consultations/{CLOSED}/", 200),
            (
                f"{language} discussion visitor",
                f"/{language}/consultations/{slug}/discussion/{section.pk}/",
                200,
            ),
            (
                f"{language} discussion draft visitor",
                f"/{language}/consultations/{slug}/discussion/draft/",
                200,
            ),
            (f"{language} sign in", f"/{language}/accounts/login/", 200),
            (f"{language} sign up", f"/{language}/accounts/signup/", 200),
            (f"{language} password reset", f"/{language}/accounts/password/reset/", 200),
            (f"{language} not found", f"/{language}/no-such-page/", 404),
            (
                f"{language} results not yet",
                f"/{language}/consultations/{slug}/results.pdf",
                404,
            ),
            (f"{language} verification sent", f"/{language}/accounts/confirm-email/", 200),
        ]
    _sweep(page, assert_accessible, pages)

    # An official response is set apart from the comments, by its edge and its label.
    for size in WIDTHS:
        page.set_viewport_size(size)
        page.goto(f"/en/consultations/{OPEN}/")
        answer = page.locator(".official-response").first
        answer.scroll_into_view_if_needed()
        expect(answer).to_contain_text("Official response of INePA")
        assert answer.evaluate("el => getComputedStyle(el).borderLeftWidth") == "6px"
        screenshot(page, "en official response", full_page=False)

    # The home page leads with the open consultation: time left, participation, a call.
    page.goto("/en/")
    first = page.locator("main h2").first
    expect(first).to_have_text("Take part now")
    card = page.locator(".consultations-open .card").first
    expect(card).to_contain_text("left)")
    expect(card.locator(".card-figures")).to_contain_text("comments")
    expect(card.locator(".card-figures")).to_contain_text("participants")
    expect(card.get_by_role("link", name="Read and take part")).to_be_visible()


def test_a_lone_consultation_card_is_not_a_third_of_the_grid(page, live_server, assert_accessible):
    ConsultationFactory(title_en="The only consultation")
    page.set_viewport_size(LAPTOP)
    page.goto("/en/consultations/")
    cards = page.locator(".cards").bounding_box()
    card = page.locator(".cards .card").bounding_box()
    assert card["width"] > cards["width"] / 2
    check_fits(page, "en lone consultation card")
    # An upcoming consultation, in both languages: its page and the list.
    upcoming = ConsultationFactory(
        title_en="Not yet open",
        opens_at=timezone.now() + timedelta(days=3),
        closes_at=timezone.now() + timedelta(days=33),
    )
    _sweep(
        page,
        assert_accessible,
        [
            (f"{language} {name}", url, 200)
            for language in ("sl", "en")
            for name, url in [
                (
                    "upcoming consultation",
                    f"/{language}/consultations/{getattr(upcoming, f'slug_{language}')}/",
                ),
                ("consultations with upcoming", f"/{language}/consultations/"),
            ]
        ],
    )


def _feedback_in_view(page, name: str, text: str, role: str = "status"):
    """The one message with `text` is announced (`role`) and wholly in sight."""
    feedback = page.get_by_role(role).filter(has_text=text)
    expect(feedback).to_have_count(1)
    assert in_viewport(feedback), f"{name}: the {role} is out of sight"
    screenshot(page, name, full_page=False)
    return feedback


@pytest.mark.parametrize("size", WIDTHS, ids=["375", "1366"])
def test_after_each_action_the_confirmation_is_where_the_person_is(
    page, live_server, assert_accessible, size
):
    consultation = _demo()
    CitizenFactory(email="maja@example.org", display_name="Maja K.")
    page.set_viewport_size(size)
    _sign_in(page, "maja@example.org")
    width = size["width"]
    url = f"/en/consultations/{OPEN}/"
    page.goto(url)
    check_fits(page, "en open consultation citizen")
    assert_accessible(page)
    sections = page.locator("section.discussion")
    section = sections.nth(1)

    # Buttons show focus from the keyboard: a thick outline of their own.
    button = section.get_by_role("button", name="Vote")
    button.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert button.evaluate("el => getComputedStyle(el).outlineWidth") == "3px"
    screenshot(page, f"focus on a button {width}", full_page=False)

    # A vote: the confirmation beside the vote form, announced.
    section.get_by_label("Disagree", exact=True).check()
    section.get_by_role("button", name="Vote").click()
    feedback = _feedback_in_view(page, f"after vote {width}", "Your vote is recorded.")
    expect(feedback).to_have_class("feedback feedback-success")
    assert_accessible(page)

    # A vote without a choice (the browser's own check removed): the error there, as an alert.
    section = page.locator("section.discussion").nth(2)
    section.locator("input[type=radio]").first.evaluate(
        "el => el.form.querySelectorAll('[required]').forEach(i => i.removeAttribute('required'))"
    )
    section.get_by_role("button", name="Vote").click()
    _feedback_in_view(page, f"after vote without choice {width}", "", role="alert")
    assert_accessible(page)

    # A comment: it is highlighted where it landed, the confirmation inside it.
    section = page.locator("section.discussion").nth(1)
    section.get_by_label("Comment on this section").fill("A **new** comment of mine.")
    section.get_by_role("button", name="Publish comment").click()
    _feedback_in_view(page, f"after comment {width}", "your comment is published")
    mine = page.locator("article.comment:target")
    expect(mine).to_contain_text("A new comment of mine.")
    assert mine.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert_accessible(page)

    # A reply: the same, under the comment it answers.
    other = page.locator("article.comment", has=page.locator("summary")).first
    other.locator("summary").click()
    other.get_by_role("textbox").fill("A reply of mine.")
    other.get_by_role("button", name="Send reply").click()
    _feedback_in_view(page, f"after reply {width}", "your comment is published")
    expect(page.locator("article.comment.reply:target")).to_contain_text("A reply of mine.")
    assert_accessible(page)

    # Support, and taking it back: the confirmation in the comment.
    page.goto(url)
    supported = page.locator("article.comment", has=page.get_by_role("button", name="Support"))
    supported = supported.first
    anchor = supported.get_attribute("id")
    supported.get_by_role("button", name="Support").click()
    _feedback_in_view(page, f"after support {width}", "You support this comment.")
    here = page.locator(f"#{anchor}")
    expect(here.get_by_role("button", name="Withdraw my support")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert_accessible(page)
    here.get_by_role("button", name="Withdraw my support").click()
    _feedback_in_view(page, f"after withdrawing support {width}", "no longer support")

    # A report: the form (an error first), then back at the comment, which says so.
    page.locator(f"#{anchor}").get_by_role("link", name="Report").click()
    check_fits(page, "en report form")
    assert_accessible(page)
    page.locator("form [required]").evaluate_all(
        "fields => fields.forEach(field => field.removeAttribute('required'))"
    )
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert in_viewport(page.get_by_role("alert"))
    check_fits(page, "en report form with error")
    assert_accessible(page)
    page.get_by_label("Spam").check()
    page.get_by_role("button", name="Send report").click()
    _feedback_in_view(page, f"after report {width}", "Moderators will look at this comment.")
    reported = page.locator(f"#{anchor}")
    expect(reported.get_by_text("You reported this", exact=True)).to_be_visible()
    expect(reported.get_by_role("link", name="Report")).to_have_count(0)
    assert_accessible(page)

    # The whole discussion offers the same: the report link, votes, a comment form.
    section_pk = Comment.objects.get(pk=anchor.removeprefix("comment-")).section_id
    page.goto(f"/en/consultations/{OPEN}/discussion/{section_pk or 'draft'}/")
    expect(page.get_by_text("You reported this", exact=True)).to_be_visible()
    other = (
        Comment.objects.filter(consultation=consultation, status="published", section_id=section_pk)
        .exclude(pk=anchor.removeprefix("comment-"))
        .exclude(author__display_name="Maja K.")
        .first()
    )
    if other:  # another person's comment on the same target: reportable here too
        expect(page.locator(f"#{other.anchor}").get_by_role("link", name="Report")).to_be_visible()
    expect(page.get_by_role("button", name="Vote")).to_be_visible()
    expect(page.get_by_role("button", name="Publish comment")).to_be_visible()
    check_fits(page, "en discussion citizen")
    assert_accessible(page)
    page.get_by_label("Agree", exact=True).check()
    page.get_by_role("button", name="Vote").click()
    _feedback_in_view(page, f"after vote on the discussion page {width}", "Your vote is recorded.")


def test_every_citizen_page_fits_a_phone_and_a_laptop(page, live_server, assert_accessible):
    consultation = _demo()
    citizen = CitizenFactory(email="maja@example.org", display_name="Maja K.")
    page.set_viewport_size(PHONE)
    _sign_in(page, "maja@example.org")
    url = f"/en/consultations/{OPEN}/"
    page.goto(url)
    section = page.locator("section.discussion").nth(1)
    section.get_by_label("Comment on this section").fill(
        "A long comment with a long address: https://example.org/" + "a-very-long-path-" * 8
    )
    section.get_by_role("button", name="Publish comment").click()
    expect(page.locator("article.comment:target")).to_be_visible()
    mine = Comment.objects.filter(author=citizen).get()
    hidden = CommentFactory(consultation=consultation, author=citizen, body="Hidden one.")
    moderation.comment_moderate(
        comment=hidden, moderator=StaffFactory(), action="hide", reason="spam"
    )
    others = Comment.objects.filter(consultation=consultation, status="published")
    other = others.exclude(author=citizen).first()
    pages = []
    for language in ("sl", "en"):
        slug = getattr(consultation, f"slug_{language}")
        pages += [
            (f"{language} open consultation citizen", f"/{language}/consultations/{slug}/", 200),
            (f"{language} profile", f"/{language}/accounts/profile/", 200),
            (f"{language} email", f"/{language}/accounts/email/", 200),
            (f"{language} password change", f"/{language}/accounts/password/change/", 200),
            (f"{language} delete account", f"/{language}/accounts/profile/delete/", 200),
            (
                f"{language} delete comment",
                f"/{language}/consultations/{slug}/comments/{mine.pk}/remove/",
                200,
            ),
            (
                f"{language} report form",
                f"/{language}/consultations/{slug}/comments/{other.pk}/flag/",
                200,
            ),
            (
                f"{language} appeal form",
                f"/{language}/consultations/{slug}/comments/{hidden.pk}/appeal/",
                200,
            ),
            (f"{language} notifications", f"/{language}/notifications/", 200),
            (f"{language} notification settings", f"/{language}/notifications/settings/", 200),
            (f"{language} search", f"/{language}/search/?q=podatki", 200),
            (f"{language} privacy", f"/{language}/privacy/", 200),
            (f"{language} rules", f"/{language}/rules/", 200),
            (f"{language} contact", f"/{language}/contact/", 200),
        ]
    _sweep(page, assert_accessible, pages)

    # In Slovenian too, on a phone: a vote is confirmed beside the vote form, in sight.
    page.set_viewport_size(PHONE)
    page.goto(f"/sl/consultations/{consultation.slug_sl}/")
    section = page.locator("section.discussion").nth(2)
    section.locator("input[type=radio]").first.check()
    section.locator(".vote-form button[type=submit]").click()
    confirmation = page.locator(".votes-feedback [role=status]")
    expect(confirmation).to_have_count(1)
    assert in_viewport(confirmation)
    screenshot(page, "sl after vote", full_page=False)
    assert_accessible(page)

    # A comment refused (empty) is shown again on a page of its own, the error first.
    for size in WIDTHS:
        page.set_viewport_size(size)
        page.goto(url)
        form = page.locator("section.discussion").nth(1).locator("form.comment-form")
        form.locator("textarea").evaluate("el => el.removeAttribute('required')")
        form.get_by_role("button", name="Publish comment").click()
        expect(page.get_by_role("alert")).to_be_visible()
        assert in_viewport(page.get_by_role("alert"))
        check_fits(page, "en comment refused")
        assert_accessible(page)


def test_a_closing_consultation_card_shows_time_left_and_participation(page, live_server):
    ConsultationFactory(title_en="Closing soon", closes_at=timezone.now() + timedelta(hours=5))
    for size in WIDTHS:
        page.set_viewport_size(size)
        page.goto("/en/")
        card = page.locator(".card", has_text="Closing soon")
        expect(card).to_contain_text("0 comments")
        expect(card).to_contain_text("0 participants")
        expect(card).to_contain_text("minutes left)")
        check_fits(page, "en home one open consultation")
