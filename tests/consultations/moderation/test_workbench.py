"""The moderator's workbench in the admin: the overview, the queue's columns, only sensible
decisions, official responses bound to what they answer, results files, one clock."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import Comment, Consultation
from consultations.moderation import services as moderation
from consultations.moderation.models import ModerationAction, OfficialResponse
from consultations.results.models import ResultsDossier
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db
SL = {"accept-language": "sl"}


@pytest.fixture
def moderator(client):
    person = CitizenFactory(display_name="Mojca", is_staff=True)
    person.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(person)
    return person


def _auto_hidden(consultation, body="Samodejno skrit."):
    comment = CommentFactory(consultation=consultation, body=body)
    for _ in range(consultation.flag_threshold):
        moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="spam")
    comment.refresh_from_db()
    return comment


def test_overview_counts_each_queue_and_links_to_it_oldest_first(client, moderator):
    consultation = ConsultationFactory(flag_threshold=2)
    older = CommentFactory(consultation=consultation, body="Starejši prijavljeni.")
    newer = CommentFactory(consultation=consultation, body="Novejši prijavljeni.")
    Comment.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=2))
    for comment in (newer, older):
        moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="abuse")
    _auto_hidden(consultation)

    page = client.get("/admin/", headers=SL).content.decode()
    queue = client.get("/admin/consultations/comment/?queue=flagged", headers=SL).content.decode()

    rows = dict(re.findall(r'\?queue=(\w+)">[^<]+</a></th><td class="count">(\d+)<', page))
    assert rows == {"flagged": "2", "auto_hidden": "1", "pending": "0", "appealed": "0"}
    assert "Pregled moderiranja" in page
    assert queue.index("Starejši prijavljeni.") < queue.index("Novejši prijavljeni.")
    assert "Samodejno skrit." not in queue


def test_queue_shows_rendered_excerpt_place_author_history_reports_state_and_age(client, moderator):
    section = SectionFactory(heading_sl="Načela")
    author = CitizenFactory(display_name="Tomaž R.")
    comment = CommentFactory(
        consultation=section.consultation, section=section, author=author,
        body="Objavite **tudi** avtorje.",
    )  # fmt: skip
    moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="off_topic")

    response = client.get("/admin/consultations/comment/", headers=SL)

    row = response.content.decode()
    assert "Objavite tudi avtorje." in row  # no Markdown marks
    assert "**tudi**" not in row
    assert "Načela" in row
    assert str(section.consultation) in row
    assert "1 komentar, 0 skritih ali zavrnjenih" in row
    assert "ne sodi k temi: 1" in row
    assert "objavljeno" in row
    assert "<time datetime=" in row


def test_an_auto_hidden_comment_is_named_so_in_the_queue_and_the_log(client, moderator):
    comment = _auto_hidden(ConsultationFactory(flag_threshold=2))

    queue = client.get("/admin/consultations/comment/", headers=SL)
    page = client.get(f"/admin/consultations/comment/{comment.pk}/change/", headers=SL)
    log = client.get("/admin/moderation/moderationaction/", headers=SL)

    assertContains(queue, "samodejno skrito po prijavah")
    assertContains(page, "samodejno skrito po prijavah")
    assertContains(log, "samodejno po prijavah")  # who: the rule, not a moderator
    assertNotContains(log, ">automatic<")
    assertContains(log, "objavljeno → skril moderator")


def test_each_comment_offers_only_the_decisions_its_state_allows(client, moderator):
    consultation = ConsultationFactory(flag_threshold=2)
    published = CommentFactory(consultation=consultation, body="Objavljen.")
    hidden = CommentFactory(consultation=consultation, body="Skrit.")
    moderation.comment_moderate(comment=hidden, moderator=moderator, action="hide", reason="spam")
    auto = _auto_hidden(consultation)

    def offered(comment):
        page = client.get(f"/admin/consultations/comment/{comment.pk}/change/", headers=SL)
        tools = page.content.decode().split('class="object-tools"')[1].split("</ul>")[0]
        return re.findall(r"moderate/(\w+)/\?ids=", tools)

    assert offered(published) == ["hide"]
    assert offered(hidden) == ["restore"]  # hidden by a moderator: "Hide" makes no sense
    assert offered(auto) == ["restore", "hide"]  # confirming an automatic hiding does


def test_bulk_decision_skips_and_reports_comments_it_does_not_apply_to(client, moderator):
    consultation = ConsultationFactory()
    published = CommentFactory(consultation=consultation, body="Objavljen komentar.")
    hidden = CommentFactory(consultation=consultation, body="Že skrit komentar.")
    moderation.comment_moderate(comment=hidden, moderator=moderator, action="hide", reason="spam")
    url = f"/admin/consultations/comment/moderate/hide/?ids={published.pk},{hidden.pk}"

    confirm = client.get(url, headers=SL)
    done = client.post(url, {"reason": "abuse", "note": ""}, headers=SL, follow=True)

    assertContains(confirm, "1 izbrani komentar bo preskočen")
    assertContains(done, "1 komentar preskočen")
    assertContains(done, f"#{hidden.pk}")
    assert ModerationAction.objects.filter(comment=hidden, action="hide").count() == 1
    published.refresh_from_db()
    assert published.status == Comment.Status.HIDDEN


def test_respond_officially_from_a_comment_opens_a_form_bound_to_it(client, moderator):
    comment = CommentFactory(body="Vprašanje ministrstvu.")
    other = SectionFactory(heading_sl="Tuje poglavje")

    change = client.get(f"/admin/consultations/comment/{comment.pk}/change/", headers=SL)
    url = f"/admin/moderation/officialresponse/add/?comment={comment.pk}"
    form = client.get(url, headers=SL)
    saved = client.post(url, {"body_sl": "Odgovor.", "body_en": "Answer."}, headers=SL)

    assertContains(change, f'href="{url}"')
    assertContains(form, f"Odziv na komentar #{comment.pk}")
    assertContains(form, "Polja, označena z *, so obvezna.")
    assertContains(form, 'name="body_en"')
    assertNotContains(form, "Tuje poglavje")  # nothing of another consultation
    assert saved.status_code == 302
    response = OfficialResponse.objects.get()
    assert (response.comment, response.consultation) == (comment, comment.consultation)
    assert other.official_responses.count() == 0


def test_respond_officially_on_a_section_chooses_among_its_consultations_sections(
    client, moderator
):
    section = SectionFactory(heading_sl="Načela")
    sibling = SectionFactory(consultation=section.consultation, heading_sl="Cilji")
    stranger = SectionFactory(heading_sl="Tuje poglavje")
    url = f"/admin/moderation/officialresponse/add/?section={section.pk}"

    form = client.get(url, headers=SL)
    refused = client.post(
        url, {"section": stranger.pk, "body_sl": "Odgovor.", "body_en": "Answer."}, headers=SL
    )

    assertContains(form, "Načela")
    assertContains(form, "Cilji")
    assertNotContains(form, "Tuje poglavje")
    assert refused.status_code == 200  # refused, with the form kept
    assertContains(refused, "Odgovor.")
    assert OfficialResponse.objects.count() == 0
    assert sibling.consultation == section.consultation


def test_consultation_page_lists_results_files_with_state_size_date_link_and_error(
    client, django_capture_on_commit_callbacks
):
    client.force_login(StaffFactory())
    now = timezone.now()
    consultation = ConsultationFactory(
        opens_at=now - timedelta(days=3), closes_at=now + timedelta(days=1)
    )
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=now - timedelta(days=1))
    ResultsDossier.objects.create(
        consultation=consultation, language="sl", kind="pdf", status="failed",
        last_error="Pisava manjka.", attempts=2,
    )  # fmt: skip

    page = client.get(f"/admin/consultations/consultation/{consultation.pk}/change/", headers=SL)
    with django_capture_on_commit_callbacks(execute=True):  # the render runs at once here
        client.post(
            f"/admin/consultations/consultation/{consultation.pk}/render-results/", headers=SL
        )
    again = client.get(f"/admin/consultations/consultation/{consultation.pk}/change/", headers=SL)

    assertContains(page, "ni uspelo")
    assertContains(page, "Pisava manjka.")
    assertContains(page, "Ponovno izdelaj datoteke z rezultati")
    assertContains(again, "Prenesi PDF (slovenščina)")
    assertContains(again, f"/sl/consultations/{consultation.slug_sl}/results.pdf")
    row = ResultsDossier.objects.get(consultation=consultation, language="sl", kind="pdf")
    assert row.status == ResultsDossier.Status.READY
    assert row.size > 0


def test_every_admin_page_says_which_time_zone_its_times_are_in(client, moderator):
    CommentFactory()

    page = client.get("/admin/consultations/comment/", headers=SL)

    assertContains(page, "Vsi časi v administraciji so prikazani v časovnem pasu portala")
    assertContains(page, "Europe/Ljubljana")


def test_the_admin_is_branded_inepa(client, moderator):
    page = client.get("/admin/", headers=SL)

    assertContains(page, "Administracija INePA")
    assertNotContains(page, "Django")


PLURALS = [(1, "1 komentar"), (2, "2 komentarja"), (3, "3 komentarji"), (5, "5 komentarjev")]


@pytest.mark.parametrize(("count", "words"), PLURALS)
def test_the_queue_counts_comments_with_slovenian_plural_forms(client, moderator, count, words):
    consultation = ConsultationFactory()
    for number in range(count):
        CommentFactory(consultation=consultation, body=f"Komentar {number}.")

    page = client.get("/admin/consultations/comment/", headers=SL).content.decode()

    assert re.search(rf"^\s*{words}\s*$", page, re.MULTILINE)


def test_the_log_shows_one_clock_in_its_heading_and_its_row(client, moderator):
    comment = CommentFactory(body="Komentar za dnevnik.")
    when = timezone.datetime(2026, 7, 1, 13, 25, tzinfo=timezone.UTC)  # 15:25 in Ljubljana
    moderation.comment_moderate(
        comment=comment, moderator=moderator, action="hide", reason="spam", now=when
    )
    entry = ModerationAction.objects.get(comment=comment)

    page = client.get(f"/admin/moderation/moderationaction/{entry.pk}/change/", headers=SL)

    html = page.content.decode()
    heading = re.search(r"<h2>([^<]*Mojca[^<]*)</h2>", html).group(1)
    row = re.search(r'field-created_at.*?<div class="readonly">([^<]*)<', html, re.DOTALL).group(1)
    assert re.search(r"15[.:]25", heading), heading
    assert re.search(r"15[.:]25", row), row
    assert not re.search(r"13[.:]25", html)


def test_the_workbench_pages_are_for_staff_with_the_right_permissions(client):
    comment = CommentFactory(body="Zasebno.")
    consultation = comment.consultation
    urls = [
        f"/admin/consultations/consultation/{consultation.pk}/render-results/",
        f"/admin/moderation/officialresponse/add/?comment={comment.pk}",
        f"/admin/consultations/comment/moderate/hide/?ids={comment.pk}",
    ]

    client.force_login(CitizenFactory())  # a citizen: sent to sign in, nothing shown
    for url in urls:
        response = client.get(url, headers=SL)
        assert response.status_code == 302, url
        assert "Zasebno." not in response.content.decode()

    client.force_login(CitizenFactory(is_staff=True))  # staff without permissions: refused
    for url in urls:
        assert client.get(url, headers=SL).status_code == 403, url
    assert client.post(urls[0], headers=SL).status_code == 403
    assert ResultsDossier.objects.count() == 0


def test_the_queue_excerpt_shows_characters_as_written(client, moderator):
    CommentFactory(body="Tom & Jerry <b>ne</b> sodita sem.")

    page = client.get("/admin/consultations/comment/", headers=SL).content.decode()

    assert "Tom &amp; Jerry &lt;b&gt;ne&lt;/b&gt; sodita sem." in page  # escaped once
    assert "&amp;amp;" not in page
