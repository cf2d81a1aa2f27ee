"""Search over articles, consultations, sections and published comments: Slovenian inflections,
what may be seen, the order of languages, highlighting, paging, and the index following the
services that write. Marked sqlite_too: `make test` runs them again on a SQLite file (FTS5)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles import services as article_services
from consultations import services as consultation_services
from consultations.models import Comment, ModerationMode
from consultations.moderation import services as moderation_services
from search.models import SearchDocument
from search.views import RESULTS_PER_PAGE
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import ArticleFactory, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_too]


def search(client, query: str, language: str = "sl", **params) -> str:
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.text


def test_an_inflected_form_finds_a_comment_written_in_another(client, committed):
    with committed():
        comment = CommentFactory(body="Podpiram to posvetovanje o prometu.")
    page = search(client, "posvetovanja")
    assert "1 zadetek za »posvetovanja«." in page
    assert "Podpiram to <mark>posvetovanje</mark> o prometu." in page
    assert f'href="/sl/consultations/{comment.consultation.slug_sl}/#comment-{comment.pk}"' in page


def test_every_word_of_a_query_must_match_in_some_form(client, committed):
    with committed():
        CommentFactory(body="Kolesarske steze v mestu so preozke.")
        CommentFactory(body="Steze za pešce so dobre.")
    page = search(client, "kolesarska steza")
    assert "1 zadetek" in page
    assert "<mark>Kolesarske</mark> <mark>steze</mark> v mestu so preozke." in page


def test_articles_consultations_and_sections_are_found_in_either_language(client, committed):
    with committed():
        article = ArticleFactory(
            title_en="Cycling lanes",
            body_en="We measured **lanes**.",
            title_sl="Kolesarski pasovi",
            body_sl="Izmerili smo pasove.",
        )
        consultation = ConsultationFactory(title_en="Draft cycling strategy")
        section = SectionFactory(consultation=consultation, heading_en="Cycling in winter")
    page = search(client, "cycling", language="en")
    assert "3 results for “cycling”." in page
    # Consultations, then their sections, then articles.
    assert (
        page.index("Draft <mark>cycling</mark> strategy")
        < page.index("<mark>Cycling</mark> in winter")
        < page.index("<mark>Cycling</mark> lanes")
    )
    assert f'href="/en/articles/{article.slug_en}/"' in page
    assert f'href="/en/consultations/{consultation.slug_en}/#section-{section.pk}"' in page


def test_results_in_the_pages_language_come_first_then_the_others(client, committed):
    with committed():
        CommentFactory(body="Predlagam nov park ob reki.", language="sl")
        CommentFactory(body="A new park would help everyone.", language="en")
    english = search(client, "park", language="en")
    slovenian = search(client, "park", language="sl")
    assert english.index("A new <mark>park</mark>") < english.index("nov <mark>park</mark>")
    assert slovenian.index("nov <mark>park</mark>") < slovenian.index("A new <mark>park</mark>")
    # A result in the other language says which language it is in, and is marked up as such.
    assert '<p class="search-excerpt" lang="sl">Predlagam nov' in english
    assert 'Comment · <span lang="sl">Slovenščina</span>' in english


@pytest.mark.parametrize("status", ["pending", "hidden", "rejected", "removed"])
def test_a_comment_that_is_not_published_never_appears(client, committed, status):
    staff = StaffFactory()
    premoderated = status in {"pending", "rejected"}
    consultation = ConsultationFactory(
        moderation_mode=ModerationMode.PRE if premoderated else ModerationMode.POST
    )
    with committed():
        shown = CommentFactory(consultation=consultation, body="Skrivnostna pripomba za vse.")
        secret = CommentFactory(
            consultation=consultation, body="Skrivnostna pripomba številka dve."
        )
        if premoderated:
            moderation_services.comment_moderate(comment=shown, moderator=staff, action="publish")
        if status in {"hidden", "rejected"}:
            action = {"hidden": "hide", "rejected": "reject"}[status]
            moderation_services.comment_moderate(
                comment=secret, moderator=staff, action=action, reason="spam"
            )
        elif status == "removed":
            consultation_services.comment_remove(comment=secret, author=secret.author)
    secret.refresh_from_db()
    assert secret.status == status
    page = search(client, "skrivnostne pripombe")
    assert "1 zadetek" in page
    assert "<mark>pripomba</mark> za vse." in page
    assert "dve" not in page


def test_a_stale_index_still_shows_nothing_that_is_not_visible(client, committed):
    """Even a document the index kept by mistake stays out: the search reads through the
    visibility selectors (published articles, consultations, visible comments)."""
    with committed():
        comment = CommentFactory(body="Zaupna vsebina komentarja.")
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HIDDEN)  # no signal
    assert SearchDocument.objects.filter(comment=comment).exists()
    assert "0 zadetkov" in search(client, "zaupna")


def test_unpublished_consultations_and_draft_or_scheduled_articles_never_appear(client, committed):
    with committed():
        draft_consultation = ConsultationFactory(title_sl="Tajni osnutek", is_published=False)
        SectionFactory(consultation=draft_consultation, heading_sl="Tajno poglavje")
        CommentFactory(consultation=draft_consultation, body="Tajni komentar.")
        ArticleFactory(title_sl="Tajni članek", status="draft", published_at=None)
        ArticleFactory(
            title_sl="Tajni prihodnji članek", published_at=timezone.now() + timedelta(days=1)
        )
        ArticleFactory(title_sl="Tajni objavljeni članek")
    page = search(client, "tajno")
    assert "1 zadetek" in page
    assert "<mark>Tajni</mark> objavljeni članek" in page


def test_matched_words_are_highlighted_in_escaped_text(client, committed):
    with committed():
        CommentFactory(body='Posvetovanje <script>alert("x")</script> & `<b>` ostane besedilo.')
    page = search(client, "posvetovanje")
    assert "<script>alert" not in page
    assert "<b>" not in page
    assert "<mark>Posvetovanje</mark>" in page
    assert "&lt;b&gt;" in page


def test_a_long_text_is_cut_to_an_excerpt_around_the_first_match(client, committed):
    words = " ".join(f"beseda{number}" for number in range(200))
    with committed():
        CommentFactory(body=f"{words} kolesarjenje {words}")
    page = search(client, "kolesarjenje")
    assert '<p class="search-excerpt" lang="sl">… beseda195 beseda196 ' in page
    assert "beseda199 <mark>kolesarjenje</mark> beseda0 beseda1 " in page
    assert " beseda19 …</p>" in page


def test_results_come_in_pages(client, committed):
    consultation = ConsultationFactory()
    with committed():
        for number in range(RESULTS_PER_PAGE + 3):
            CommentFactory(consultation=consultation, body=f"Drevored številka {number}.")
    first = search(client, "drevoredi")
    second = search(client, "drevoredi", page=2)
    assert f"{RESULTS_PER_PAGE + 3} zadetkov" in first
    assert first.count('<li class="search-result"') == RESULTS_PER_PAGE
    assert second.count('<li class="search-result"') == 3
    assert "Stran 2 od 2" in second
    assert 'href="?q=drevoredi&amp;page=2"' in first


def test_a_query_too_long_is_refused_with_a_message_and_kept(client):
    page = search(client, "a" * 201)
    assert "Preverite, da ima ta vrednost največ 200 znakov" in page
    assert 'aria-invalid="true"' in page


def test_a_query_without_words_asks_for_one(client):
    assert "Vpišite besedo, ki jo iščete." in search(client, "?! …")


def test_the_header_has_a_labelled_search_box_on_every_page(client):
    page = client.get("/en/articles/").text
    assert '<form class="site-search" action="/en/search/" method="get" role="search">' in page
    assert '<label class="visually-hidden" for="site-search-q">Search the site</label>' in page


def test_publishing_and_unpublishing_an_article_follow_in_the_index(client, committed):
    article = ArticleFactory(title_sl="Zelena streha", status="draft", published_at=None)
    assert "0 zadetkov" in search(client, "zelene strehe")
    with committed():
        article_services.article_publish(article=article)
    assert "1 zadetek" in search(client, "zelene strehe")
    with committed():
        article_services.article_unpublish(article=article)
    assert "0 zadetkov" in search(client, "zelene strehe")


def test_moderation_decisions_follow_in_the_index(client, committed):
    staff = StaffFactory()
    consultation = ConsultationFactory(moderation_mode=ModerationMode.PRE)
    with committed():
        comment = CommentFactory(consultation=consultation, body="Predlagam več klopi.")
    assert "0 zadetkov" in search(client, "klop")
    with committed():
        moderation_services.comment_moderate(comment=comment, moderator=staff, action="publish")
    assert "1 zadetek" in search(client, "klop")
    with committed():
        moderation_services.comment_moderate(
            comment=comment, moderator=staff, action="hide", reason="spam"
        )
    assert "0 zadetkov" in search(client, "klop")


def test_editing_a_section_replaces_its_words(client, committed):
    with committed():
        section = SectionFactory(heading_sl="Parkirišča")
    with committed():
        section.heading_sl = "Igrišča"
        consultation_services.section_save(section=section)
    assert "0 zadetkov" in search(client, "parkirišče")
    assert "1 zadetek" in search(client, "igrišče")


def test_deleting_a_consultation_deletes_its_documents_in_the_database(committed):
    with committed():
        consultation = ConsultationFactory()
        SectionFactory(consultation=consultation)
        CommentFactory(consultation=consultation, body="Nekaj besed.")
    assert SearchDocument.objects.filter(consultation=consultation).count() == 2 + 2 + 1
    consultation_services.consultation_delete(consultation=consultation)
    assert not SearchDocument.objects.exists()


def test_rebuilding_the_index_finds_what_was_written_before_it(client):
    CommentFactory(body="Javni prevoz ponoči.")  # its commit never ran: not indexed yet
    assert "0 zadetkov" in search(client, "prevoza")
    output = io.StringIO()
    call_command("rebuild_search_index", stdout=output)
    assert output.getvalue() == "Search index rebuilt: 3 documents.\n"  # 2 of the consultation
    assert "1 zadetek" in search(client, "prevoza")


def test_past_a_number_of_results_the_count_says_more_than(client, committed, monkeypatch):
    monkeypatch.setattr("search.views.COUNTED_AT_MOST", 3)
    consultation = ConsultationFactory()
    with committed():
        for number in range(5):
            CommentFactory(consultation=consultation, body=f"Klop številka {number}.")
    page = search(client, "klopi")
    assert "Več kot 3 zadetki za »klopi«: dodajte besedo, da jih zožite." in page
    assert page.count('<li class="search-result">') == 3
    assert "Stran 1 od 1" not in page  # one page of what was counted, no pagination
    four = search(client, "klop številka 4")
    assert "1 zadetek za »klop številka 4«." in four
