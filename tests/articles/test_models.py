from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import override

from articles.models import Article, TranslationStatus
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_localized_gives_the_requested_language():
    article = ArticleFactory(title_sl="Naslov", title_en="Title")

    version = article.localized("en")

    assert (version.title, version.language, version.is_fallback) == ("Title", "en", False)


def test_missing_translation_falls_back_and_says_so():
    article = ArticleFactory(title_sl="Samo slovensko", title_en="", lead_en="", body_en="")

    version = article.localized("en")

    assert (version.title, version.language, version.is_fallback) == ("Samo slovensko", "sl", True)


def test_absolute_url_uses_the_active_languages_slug():
    article = ArticleFactory(title_sl="Partnerstvo s civilno družbo", title_en="Partnership")

    with override("sl"):
        assert article.get_absolute_url() == "/sl/articles/partnerstvo-s-civilno-druzbo/"
    with override("en"):
        assert article.get_absolute_url() == "/en/articles/partnership/"


def test_translation_status_missing_when_title_or_body_is_empty():
    article = ArticleFactory(title_en="", lead_en="", body_en="")

    assert article.translation_status("en") == TranslationStatus.MISSING
    assert article.translation_status("sl") == TranslationStatus.COMPLETE


def test_published_queryset_hides_drafts_and_scheduled_articles():
    visible = ArticleFactory()
    ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(published_at=timezone.now() + timedelta(days=2))

    assert list(Article.objects.published()) == [visible]


def test_database_refuses_an_article_without_any_title():
    with pytest.raises(IntegrityError):
        Article.objects.create(author_name="X", title_sl="", title_en="")


def test_database_refuses_a_published_article_without_a_date():
    with pytest.raises(IntegrityError):
        Article.objects.create(
            author_name="X", title_sl="A", slug_sl="a", status=Article.Status.PUBLISHED
        )


def test_validation_explains_a_slug_taken_in_the_same_language():
    ArticleFactory(title_sl="Ena", slug_sl="isti-naslov")
    other = Article(author_name="X", title_sl="Dva", slug_sl="isti-naslov")

    with override("en"), pytest.raises(ValidationError) as error:
        other.full_clean()

    assert "Another article already uses this address." in str(error.value)


def test_the_same_slug_may_serve_both_languages_of_one_article():
    article = ArticleFactory(title_sl="E-participacija", title_en="E-participacija")

    assert article.slug_sl == article.slug_en == "e-participacija"
