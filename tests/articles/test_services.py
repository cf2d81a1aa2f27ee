from datetime import UTC, datetime

import pytest

from articles import services
from articles.models import Article, TranslationStatus
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_save_renders_each_body_to_sanitised_html():
    article = ArticleFactory(body_sl="**Krepko** <script>x()</script>", body_en="*Italic*")

    assert article.body_html_sl == "<p><strong>Krepko</strong> &lt;script&gt;x()&lt;/script&gt;</p>"
    assert article.body_html_en == "<p><em>Italic</em></p>"


def test_save_makes_transliterated_slugs_per_language():
    article = ArticleFactory(title_sl="Čas za žabe in đake", title_en="Time for frogs")

    assert (article.slug_sl, article.slug_en) == ("cas-za-zabe-in-dake", "time-for-frogs")


def test_save_keeps_slugs_unique_within_a_language():
    ArticleFactory(title_sl="Poročilo", title_en="Report")
    second = ArticleFactory(title_sl="Poročilo", title_en="Report")

    assert (second.slug_sl, second.slug_en) == ("porocilo-2", "report-2")


def test_save_keeps_a_slug_staff_chose():
    article = ArticleFactory(title_sl="Dolg naslov", slug_sl="kratko")

    assert article.slug_sl == "kratko"


def test_editing_one_language_marks_the_other_outdated():
    article = services.article_save(
        article=Article(author_name="A", title_sl="Naslov", body_sl="a", title_en="Title",
                        body_en="b"),
        now=MONDAY,
    )  # fmt: skip
    article.body_sl = "Popravljeno besedilo."

    services.article_save(article=article, changed_fields=["body_sl"], now=TUESDAY)

    assert article.translation_status("sl") == TranslationStatus.COMPLETE
    assert article.translation_status("en") == TranslationStatus.OUTDATED


def test_updating_the_outdated_language_makes_it_complete_again():
    article = services.article_save(
        article=Article(author_name="A", title_sl="N", body_sl="a", title_en="T", body_en="b"),
        now=MONDAY,
    )
    services.article_save(article=article, changed_fields=["body_sl"], now=TUESDAY)
    article.body_en = "Updated."

    services.article_save(
        article=article, changed_fields=["body_en"], now=datetime(2026, 11, 25, tzinfo=UTC)
    )

    assert article.translation_status("en") == TranslationStatus.COMPLETE


def test_changing_only_publication_fields_outdates_nothing():
    article = services.article_save(
        article=Article(author_name="A", title_sl="N", body_sl="a", title_en="T", body_en="b"),
        now=MONDAY,
    )
    article.author_name = "B"

    services.article_save(article=article, changed_fields=["author_name"], now=TUESDAY)

    assert article.content_changed_at_sl == article.content_changed_at_en == MONDAY


def test_publishing_sets_the_time_once():
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)

    services.article_publish(article=article, now=MONDAY)
    services.article_unpublish(article=article)
    services.article_publish(article=article, now=TUESDAY)

    article.refresh_from_db()
    assert (article.status, article.published_at) == (Article.Status.PUBLISHED, MONDAY)
