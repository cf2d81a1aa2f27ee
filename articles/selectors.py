"""Reads of articles for public pages, each with its related rows fetched up front."""

from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from inepa_portal.translation import matching_slug

from .models import Article, ArticleAttachment, ArticleImage, ArticleReference

_DETAIL_PREFETCHES = (
    Prefetch("images", queryset=ArticleImage.objects.order_by("position", "id")),
    Prefetch("attachments", queryset=ArticleAttachment.objects.order_by("position", "id")),
    Prefetch("references", queryset=ArticleReference.objects.order_by("position")),
)


def published_articles(*, now: datetime | None = None) -> QuerySet[Article]:
    """Published articles, newest first, with their images (the first one is the cover)."""
    return (
        Article.objects.published(now=now)
        .order_by("-published_at", "-id")
        .prefetch_related(
            Prefetch("images", queryset=ArticleImage.objects.order_by("position", "id"))
        )
    )


def next_publication(*, now: datetime | None = None) -> datetime | None:
    """When the next article scheduled for later appears on the public pages, if any."""
    return (
        Article.objects.filter(
            status=Article.Status.PUBLISHED, published_at__gt=now or timezone.now()
        )
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def published_article_for_slug(slug: str) -> Article | None:
    """The published article with `slug` in any language (the active language's slug wins)."""
    return (
        matching_slug(Article.objects.published(), slug)
        .prefetch_related(*_DETAIL_PREFETCHES)
        .first()
    )


def article_for_preview(pk: int) -> Article | None:
    """Any article, draft or published, with everything its page shows, for staff."""
    return Article.objects.filter(pk=pk).prefetch_related(*_DETAIL_PREFETCHES).first()
