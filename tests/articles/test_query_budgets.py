"""Query budgets of the article pages and feed: the same number of queries for one article
(or one image, attachment, reference) as for many, asserted together with what the page
shows.

Visitors' pages are measured on the first request, which the page cache
(inepa_portal.pagecache) does not answer yet: the view runs in full, and the cache it then
fills costs no query. Signed-in people always get a page made for them.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.views import ARTICLES_PER_PAGE
from tests.factories import (
    ArticleAttachmentFactory,
    ArticleFactory,
    ArticleImageFactory,
    ArticleReferenceFactory,
    CitizenFactory,
)

pytestmark = pytest.mark.django_db

MANY = 2 * ARTICLES_PER_PAGE  # two pages of articles
SIZES = pytest.mark.parametrize("size", [1, MANY], ids=["1", f"{MANY}"])
# A signed-in reader costs three more queries: the session, the user and the header's unread
# notifications. A visitor's page, which the page cache then keeps, costs one: when the next
# article scheduled for later appears (the page is kept no longer).
READERS = pytest.mark.parametrize(("signed_in", "extra"), [(False, 1), (True, 3)],
                                  ids=["visitor", "citizen"])  # fmt: skip


def _missing(page: str, texts: list[str]) -> list[str]:
    return [text for text in texts if text not in page]


def _published(size: int) -> list[Article]:
    """`size` published articles, each with a cover image, newest first; and a draft."""
    now = timezone.now()
    articles = []
    for number in range(size):
        article = ArticleFactory(title_en=f"Story {number:02}",
                                 published_at=now - timedelta(hours=number + 1))  # fmt: skip
        ArticleImageFactory(article=article, alt_en=f"Cover of story {number:02}")
        articles.append(article)
    ArticleFactory(title_en="Unfinished story", status=Article.Status.DRAFT, published_at=None)
    return articles


@READERS
@SIZES
def test_article_list_has_a_fixed_query_budget(
    client, django_assert_num_queries, size, signed_in, extra
):
    _published(size)
    if signed_in:
        client.force_login(CitizenFactory())

    # count of published articles for the paginator, the page of articles, their images
    with django_assert_num_queries(3 + extra):
        response = client.get("/en/articles/")

    page = response.content.decode()
    shown = min(size, ARTICLES_PER_PAGE)  # the newest, on the first page
    assert [number for number in range(size) if f"Story {number:02}" in page] == list(range(shown))
    assert page.count("A short lead.") == shown
    assert "Unfinished story" not in page
    assert (f"Page 1 of {size // ARTICLES_PER_PAGE}" in page) is (size > ARTICLES_PER_PAGE)


@READERS
@SIZES
def test_article_page_has_a_fixed_query_budget(
    client, django_assert_num_queries, size, signed_in, extra
):
    article = ArticleFactory(title_en="Partnership with civil society")
    for number in range(1, size + 1):
        ArticleImageFactory(article=article, alt_en=f"Photo {number}", position=number)
        ArticleAttachmentFactory(article=article, title_en=f"Report {number} (PDF)",
                                 position=number)  # fmt: skip
        ArticleReferenceFactory(article=article, position=number, citation=f"Source {number}.")
    if signed_in:
        client.force_login(CitizenFactory())

    # the article, its images, attachments and references
    with django_assert_num_queries(4 + extra):
        response = client.get(f"/en/articles/{article.slug_en}/")

    page = response.content.decode()
    assert "<h1>Partnership with civil society</h1>" in page
    assert 'alt="Photo 1"' in page  # the cover
    assert _missing(page, [f'alt="Photo {number}" ' for number in range(2, size + 1)]) == []
    assert page.count('loading="lazy"') == size - 1  # the gallery: every photo but the cover
    assert _missing(page, [f">Report {number} (PDF)</a>" for number in range(1, size + 1)]) == []
    assert _missing(page, [f">Source {number}.</li>" for number in range(1, size + 1)]) == []


@SIZES
def test_article_feed_has_a_fixed_query_budget(client, django_assert_num_queries, size):
    _published(size)

    # the latest published articles, their images (the selector fetches them with the articles)
    with django_assert_num_queries(2):
        response = client.get("/en/articles/feed/")

    feed = response.content.decode()
    assert feed.count("<entry>") == size
    assert _missing(feed, [f"<title>Story {number:02}</title>" for number in range(size)]) == []
    assert feed.count("Simon Delakorda") == size
    assert "Unfinished story" not in feed
