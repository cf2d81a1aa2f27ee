"""Visitors get cached pages, and every change shows at once."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles import services as article_services
from articles.models import Article
from consultations import services
from consultations.moderation import services as moderation
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import ArticleFactory, CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _visit(client, url: str):
    """A visitor without a session: the cookies of earlier responses are forgotten."""
    client.cookies.clear()
    return client.get(url)


def test_a_hidden_comment_disappears_from_a_cached_page_at_once(
    client, django_capture_on_commit_callbacks
):
    comment = CommentFactory(body="Visible until a moderator hides it.")
    url = f"/en/consultations/{comment.consultation.slug_en}/"
    assertContains(_visit(client, url), "Visible until a moderator hides it.")

    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_moderate(
            comment=comment, moderator=StaffFactory(), action="hide", reason="abuse"
        )

    page = _visit(client, url)
    assertNotContains(page, "Visible until a moderator hides it.")
    assertContains(page, "Hidden by a moderator: abuse or hate.")


def test_a_vote_shows_in_the_tally_of_a_cached_page_at_once(
    client, django_capture_on_commit_callbacks
):
    consultation = ConsultationFactory()
    url = f"/en/consultations/{consultation.slug_en}/"
    assertContains(_visit(client, url), "<td>0</td>", count=3)

    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(consultation=consultation, user=CitizenFactory(), choice="agree")

    assertContains(_visit(client, url), "<td>1</td>", count=1)


def test_publishing_an_article_shows_on_cached_lists_at_once(
    client, django_capture_on_commit_callbacks
):
    draft = ArticleFactory(title_en="Fresh news", status=Article.Status.DRAFT, published_at=None)
    assertNotContains(_visit(client, "/en/articles/"), "Fresh news")
    assertNotContains(_visit(client, "/en/"), "Fresh news")

    with django_capture_on_commit_callbacks(execute=True):
        article_services.article_publish(article=draft)

    assertContains(_visit(client, "/en/articles/"), "Fresh news")
    assertContains(_visit(client, "/en/"), "Fresh news")


def test_cached_pages_carry_a_working_csrf_token_for_each_visitor(client):
    ArticleFactory()
    _visit(client, "/en/articles/")  # fills the cache

    page = _visit(client, "/en/articles/")
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.cookies = page.cookies
    response = browser.post("/i18n/setlang/", {"language": "sl", "next": "/sl/articles/",
                                               "csrfmiddlewaretoken": token})  # fmt: skip

    assert (response.status_code, response["Location"]) == (302, "/sl/articles/")


def test_signed_in_people_never_get_a_cached_page(client):
    consultation = ConsultationFactory()
    url = f"/en/consultations/{consultation.slug_en}/"
    _visit(client, url)

    client.force_login(CitizenFactory(display_name="Maja K."))
    page = client.get(url)

    assertContains(page, "Maja K.")
    assertContains(page, "Publish comment")
