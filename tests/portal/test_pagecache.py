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


# --- Never wrong: what a change or the passing of time does to every address a page had ---


class Clock:
    """The time for Django (timezone.now) and for the cache (time.time), moved by the test."""

    def __init__(self, monkeypatch):
        import time

        from django.utils import timezone

        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)
        monkeypatch.setattr(time, "time", lambda: self.now.timestamp())

    def advance(self, **delta) -> None:
        from datetime import timedelta

        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def committed(django_capture_on_commit_callbacks, clock):
    """Run a change as committed (its bumps happen), then let the clock move past the margin
    the cache leaves for app servers' clocks."""
    from contextlib import contextmanager

    @contextmanager
    def change():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        clock.advance(seconds=2)

    return change


def _cached(client, url: str, text: str) -> None:
    """The page shows `text`, and is then served from the cache (a second visit costs no query)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assertContains(_visit(client, url), text)
    with CaptureQueriesContext(connection) as queries:
        assertContains(_visit(client, url), text)
    assert len(queries) == 0, url


def _consultation_urls(consultation) -> list[str]:
    return [
        f"/sl/consultations/{consultation.slug_sl}/",
        f"/en/consultations/{consultation.slug_en}/",
        f"/en/consultations/{consultation.slug_en}/discussion/draft/",
    ]


def test_a_deleted_consultation_is_gone_at_every_address_it_had(client, committed):
    with committed():
        consultation = ConsultationFactory(title_sl="Osnutek pravil", title_en="Draft rules")
    urls = _consultation_urls(consultation)
    for url in urls:
        _cached(client, url, "Draft rules" if "/en/" in url else "Osnutek pravil")
    _cached(client, "/en/consultations/", "Draft rules")

    with committed():
        services.consultation_delete(consultation=consultation)

    for url in urls:
        assert _visit(client, url).status_code == 404, url
    assertNotContains(_visit(client, "/en/consultations/"), "Draft rules")


def test_a_renamed_consultation_leaves_no_page_at_its_old_slugs(client, committed):
    with committed():
        consultation = ConsultationFactory(title_sl="Staro ime", title_en="Old name")
    old_urls = _consultation_urls(consultation)
    for url in old_urls:
        _cached(client, url, "Old name" if "/en/" in url else "Staro ime")

    with committed():
        consultation.title_sl, consultation.slug_sl = "Novo ime", "novo-ime"
        consultation.title_en, consultation.slug_en = "New name", "new-name"
        services.consultation_save(consultation=consultation)

    for url in old_urls:
        assert _visit(client, url).status_code == 404, url
    assertContains(_visit(client, "/en/consultations/new-name/"), "New name")
    assertContains(_visit(client, "/sl/consultations/novo-ime/"), "Novo ime")


def test_an_unpublished_consultation_leaves_the_cached_pages(client, committed):
    with committed():
        consultation = ConsultationFactory(title_en="Withdrawn draft")
    _cached(client, f"/en/consultations/{consultation.slug_en}/", "Withdrawn draft")
    _cached(client, "/en/consultations/", "Withdrawn draft")

    with committed():
        consultation.is_published = False
        services.consultation_save(consultation=consultation)

    assert _visit(client, f"/en/consultations/{consultation.slug_en}/").status_code == 404
    assertNotContains(_visit(client, "/en/consultations/"), "Withdrawn draft")


def test_an_unpublished_article_leaves_the_cached_pages(client, committed):
    with committed():
        article = ArticleFactory(title_en="Retracted story")
    for url in ("/en/", "/en/articles/", f"/en/articles/{article.slug_en}/"):
        _cached(client, url, "Retracted story")

    with committed():
        article_services.article_unpublish(article=article)

    assertNotContains(_visit(client, "/en/"), "Retracted story")
    assertNotContains(_visit(client, "/en/articles/"), "Retracted story")
    assert _visit(client, f"/en/articles/{article.slug_en}/").status_code == 404


def test_a_renamed_or_deleted_article_leaves_no_page_at_its_old_slug(client, committed):
    with committed():
        article = ArticleFactory(title_en="First title")
        other = ArticleFactory(title_en="Short lived")
    old_url = f"/en/articles/{article.slug_en}/"
    other_url = f"/en/articles/{other.slug_en}/"
    _cached(client, old_url, "First title")
    _cached(client, other_url, "Short lived")

    with committed():
        article.title_en, article.slug_en = "Second title", "second-title"
        article_services.article_save(article=article)
        other.delete()

    assert _visit(client, old_url).status_code == 404
    assert _visit(client, other_url).status_code == 404
    assertContains(_visit(client, "/en/articles/second-title/"), "Second title")


def test_an_article_scheduled_for_later_appears_at_its_moment(client, clock, committed):
    from datetime import timedelta

    with committed():
        ArticleFactory(title_en="Already out")
        scheduled = ArticleFactory(
            title_en="Embargoed report", published_at=clock.now + timedelta(minutes=3)
        )
    for url in ("/en/", "/en/articles/"):
        _cached(client, url, "Already out")
        assertNotContains(_visit(client, url), "Embargoed report")
    assert _visit(client, f"/en/articles/{scheduled.slug_en}/").status_code == 404

    clock.advance(minutes=3)  # no write: only the time passes

    for url in ("/en/", "/en/articles/", f"/en/articles/{scheduled.slug_en}/"):
        assertContains(_visit(client, url), "Embargoed report")


def test_a_consultation_opens_and_closes_on_cached_pages_at_its_moment(client, clock, committed):
    from datetime import timedelta

    with committed():
        consultation = ConsultationFactory(
            title_en="Timed draft",
            opens_at=clock.now + timedelta(seconds=30),
            closes_at=clock.now + timedelta(seconds=50),
        )
    urls = [f"/en/consultations/{consultation.slug_en}/", "/en/consultations/"]
    for url in urls:
        _cached(client, url, "badge-upcoming")

    clock.advance(seconds=30)  # it opens: no write, only the time passes
    for url in urls:
        page = _visit(client, url)
        assertContains(page, "badge-open")
        assertNotContains(page, "badge-upcoming")
    _cached(client, urls[0], "badge-open")

    clock.advance(seconds=20)  # it closes
    for url in urls:
        page = _visit(client, url)
        assertContains(page, "badge-closed")
        assertNotContains(page, "badge-open")


def test_a_cache_hit_returns_the_headers_the_view_set(rf):
    from django.http import HttpResponse

    from inepa_portal import pagecache

    made = []

    @pagecache.cache_for_visitors(lambda request: ["about"])
    def view(request):
        made.append(request)
        response = HttpResponse("<p>Made once</p>", status=200, content_type="text/plain")
        response["X-Robots-Tag"] = "noindex"
        response["Content-Disposition"] = 'inline; filename="made.txt"'
        return response

    view(rf.get("/en/made/"))
    hit = view(rf.get("/en/made/"))

    assert len(made) == 1
    assert (hit.status_code, hit.content) == (200, b"<p>Made once</p>")
    assert hit["Content-Type"] == "text/plain"
    assert hit["X-Robots-Tag"] == "noindex"
    assert hit["Content-Disposition"] == 'inline; filename="made.txt"'


def test_a_page_made_while_its_content_changed_is_not_stored(client, clock, committed, monkeypatch):
    """A change committed on another server while a view read the database bumps after the
    read: the page made from the old rows must not be kept under the new version."""
    from inepa_portal import pagecache

    with committed():
        consultation = ConsultationFactory(title_en="Racing draft")
    url = f"/en/consultations/{consultation.slug_en}/"
    original = pagecache.depends_on

    def another_server_bumps_meanwhile(request, *scopes, until=None):
        original(request, *scopes, until=until)
        pagecache.cache.set(pagecache._key("version", scopes[0]), (clock.now.timestamp(), "x"))

    monkeypatch.setattr(pagecache, "depends_on", another_server_bumps_meanwhile)
    assertContains(_visit(client, url), "Racing draft")
    monkeypatch.setattr(pagecache, "depends_on", original)
    clock.advance(seconds=2)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assertContains(_visit(client, url), "Racing draft")
    assert len(queries) > 0  # made again, not served from what the first visit made
