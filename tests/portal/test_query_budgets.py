"""Query budgets of the site-wide pages (home, sitemap): the same number of queries for one
item as for many, asserted together with what the page shows.

The home page is measured on a visitor's first request, which the page cache
(inepa_portal.pagecache) does not answer yet: the view runs in full, and the cache it then
fills costs no query. The sitemap is not in the page cache.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from consultations.models import Consultation
from inepa_portal.views import HOME_ARTICLES
from tests.consultations.factories import ConsultationFactory
from tests.factories import ArticleFactory, ArticleImageFactory, CitizenFactory

pytestmark = pytest.mark.django_db

MANY = 2 * HOME_ARTICLES
SIZES = pytest.mark.parametrize("size", [1, MANY], ids=["1", f"{MANY}"])


def _published_articles(size: int) -> None:
    now = timezone.now()
    for number in range(size):
        article = ArticleFactory(title_en=f"Story {number:02}",
                                 published_at=now - timedelta(hours=number + 1))  # fmt: skip
        ArticleImageFactory(article=article)
    ArticleFactory(title_en="Unfinished story", status=Article.Status.DRAFT, published_at=None)


# A visitor's page costs the time of the next article scheduled for later (the page cache keeps
# it no longer); a citizen's, the session, the user and the header's unread notifications.
@pytest.mark.parametrize(("signed_in", "extra"), [(False, 1), (True, 3)],
                         ids=["visitor", "citizen"])  # fmt: skip
@SIZES
def test_home_has_a_fixed_query_budget(client, django_assert_num_queries, size, signed_in, extra):
    _published_articles(size)
    if signed_in:
        client.force_login(CitizenFactory(display_name="Maja K."))

    # the open consultations with their participation, the latest articles, their images
    # (+ session, user, the header's unread notifications for someone signed in)
    with django_assert_num_queries(3 + extra):
        response = client.get("/en/")

    page = response.content.decode()
    shown = min(size, HOME_ARTICLES)
    assert [number for number in range(size) if f"Story {number:02}" in page] == list(range(shown))
    assert "Unfinished story" not in page
    assert ("Maja K." in page) is signed_in


@SIZES
def test_sitemap_has_a_fixed_query_budget(client, django_assert_num_queries, size):
    _published_articles(size)
    consultations = [
        ConsultationFactory(title_en=f"Consultation {number}") for number in range(size)
    ]
    ConsultationFactory(title_en="Unpublished consultation", is_published=False)

    # the published articles, the published consultations, the information pages
    with django_assert_num_queries(3):
        response = client.get("/sitemap.xml")

    xml = response.content.decode()
    for item in [*Article.objects.published(), *consultations]:
        path = "articles" if isinstance(item, Article) else "consultations"
        for language in ("sl", "en"):
            slug = getattr(item, f"slug_{language}")
            assert f"<loc>http://testserver/{language}/{path}/{slug}/</loc>" in xml
    hidden = Consultation.objects.get(title_en="Unpublished consultation")
    assert hidden.slug_en not in xml
    assert xml.count("<url>") == 2 * (4 + 2 * size)  # pages, articles, consultations
