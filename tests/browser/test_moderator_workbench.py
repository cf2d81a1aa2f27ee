"""A moderator (the Moderators group, not a superuser) works in the Slovenian admin: from the
overview, hides a reported comment with a reason, answers a request for review, responds
officially on a section and downloads the results dossier rendered again; axe checks each page."""

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from consultations.models import Comment, Consultation
from consultations.moderation import services as moderation
from consultations.moderation.models import ModerationAction, OfficialResponse
from tests.browser.test_moderation_journey import _moderators_group
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(os.environ.get("ADMIN_SCREENSHOTS", "/tmp/admin-shots"))  # noqa: S108 -- screenshots to look at, nothing read back


@pytest.fixture
def slovenian_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="sl-SI", accept_downloads=True,
        viewport={"width": 1366, "height": 900},
    )  # fmt: skip
    context.set_default_timeout(20_000)
    yield context
    context.close()


def test_moderator_works_through_the_admin_in_slovenian(
    slovenian_page, live_server, assert_accessible
):
    now = timezone.now()
    consultation = ConsultationFactory(
        title_sl="Smernice za nevladne organizacije", opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=1), flag_threshold=5,
    )  # fmt: skip
    section = SectionFactory(consultation=consultation, heading_sl="Načela", body_sl="Besedilo.")
    author = CitizenFactory(display_name="Tomaž R.")
    reported = CommentFactory(
        consultation=consultation, section=section, author=author, language="sl",
        body="Ministrstvo naj objavi **tudi** avtorje osnutka.",
    )  # fmt: skip
    appealed = CommentFactory(
        consultation=consultation, author=author, body="Prosim, ne skrivajte."
    )
    moderation.comment_flag(comment=reported, user=CitizenFactory(), reason="off_topic")
    staff = CitizenFactory(display_name="Urednica", is_staff=True, is_superuser=True)
    appealed = moderation.comment_moderate(
        comment=appealed, moderator=staff, action="hide", reason="spam"
    )
    moderation.appeal_submit(comment=appealed, author=author, message="To ni oglas.")
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=now - timedelta(hours=1))
    moderator = CitizenFactory(display_name="Mojca", is_staff=True)
    moderator.groups.add(_moderators_group())
    client = Client()
    client.force_login(moderator)
    slovenian_page.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])  # fmt: skip
    page = slovenian_page.new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)

    # 1. The overview: what waits, each queue a link.
    page.goto("/admin/")
    expect(page.locator("#site-name")).to_have_text("Administracija INePA")
    overview = page.locator(".moderation-overview")
    expect(overview.get_by_role("heading")).to_have_text("Pregled moderiranja")
    expect(
        overview.get_by_role("row", name="Prijavljeni komentarji, še objavljeni")
    ).to_contain_text("1")
    page.screenshot(path=SHOTS / "overview-1366.png", full_page=True)
    assert_accessible(page)

    # 2. The queue of reported comments: rendered excerpt, no sideways scrolling.
    overview.get_by_role("link", name="Prijavljeni komentarji, še objavljeni").click()
    expect(page.locator("#result_list")).to_contain_text("Ministrstvo naj objavi tudi avtorje")
    expect(page.locator("#result_list")).to_contain_text("ne sodi k temi: 1")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # nor inside the list's own scrolling box: every column is in view
    assert page.evaluate(
        "(() => { const box = document.querySelector('#changelist .results');"
        " return box.scrollWidth <= box.clientWidth; })()"
    )
    page.screenshot(path=SHOTS / "queue-1366.png", full_page=True)
    assert_accessible(page)

    # 3. The comment: hide it with a reason.
    page.get_by_role("link", name="Ministrstvo naj objavi tudi avtorje osnutka.").click()
    tools = page.locator(".object-tools")
    expect(tools.get_by_role("link", name="Skrij")).to_be_visible()
    expect(tools.get_by_role("link", name="Obnovi")).to_have_count(0)
    expect(tools.get_by_role("link", name="Odgovori uradno")).to_be_visible()
    page.screenshot(path=SHOTS / "comment-1366.png", full_page=True)
    assert_accessible(page)
    tools.get_by_role("link", name="Skrij").click()
    assert_accessible(page)
    page.get_by_label("Razlog").select_option("off_topic")
    page.get_by_role("button", name="Skrij").click()
    expect(page.locator(".messagelist")).to_contain_text("1 komentar")
    expect(page.locator(".object-tools").get_by_role("link", name="Skrij")).to_have_count(0)

    # 4. The request for review: restore the comment.
    page.goto("/admin/")
    page.locator(".moderation-overview").get_by_role(
        "link", name="Prošnje avtorjev za ponoven pregled"
    ).click()
    assert_accessible(page)
    page.get_by_role("link", name="Prosim, ne skrivajte.").click()
    expect(page.locator("#content")).to_contain_text("To ni oglas.")
    page.locator(".object-tools").get_by_role("link", name="Obnovi").click()
    page.get_by_role("button", name="Obnovi").click()
    expect(page.locator(".messagelist")).to_contain_text("1 komentar")

    # 5. An official response on the section, from the consultation's page.
    page.goto(f"/admin/consultations/consultation/{consultation.pk}/change/")
    assert_accessible(page)
    page.get_by_role("link", name="Odgovori uradno").click()
    expect(page.locator(".response-target")).to_contain_text("Načela")
    expect(page.locator(".required-note")).to_be_visible()
    page.screenshot(path=SHOTS / "response-1366.png", full_page=True)
    assert_accessible(page)
    page.get_by_label("odziv (slovenščina)").fill("Načela bomo dopolnili.")
    page.get_by_label("odziv (angleščina)").fill("We shall amend the principles.")
    page.get_by_role("button", name="Shrani", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()

    # 6. The results files rendered again, and the new dossier downloaded.
    page.goto(f"/admin/consultations/consultation/{consultation.pk}/change/")
    page.locator(".object-tools").get_by_role(
        "link", name="Ponovno izdelaj datoteke z rezultati"
    ).click()
    assert_accessible(page)
    page.get_by_role("button", name="Izdelaj ponovno").click()
    expect(page.locator(".messagelist")).to_contain_text("ponovno izdelujejo")
    link = page.locator(".results-files").get_by_role("link", name="Prenesi PDF (slovenščina)")
    expect(link).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        link.click()
    pdf = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Načela bomo dopolnili." in text

    assert Comment.objects.get(pk=reported.pk).status == Comment.Status.HIDDEN
    assert Comment.objects.get(pk=appealed.pk).status == Comment.Status.PUBLISHED
    assert OfficialResponse.objects.get().section == section
    assert list(
        ModerationAction.objects.filter(actor=moderator)
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["hide", "restore", "appeal_decided"]
