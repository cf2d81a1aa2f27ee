"""Every write to articles that carries a rule: rendering, slugs, translation timestamps."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from inepa_portal.markup import render_markdown
from inepa_portal.slugs import fill_translated_slugs
from inepa_portal.translation import LANGUAGE_CODES

from .models import TRANSLATED_CONTENT_FIELDS, Article


@transaction.atomic
def article_save(
    *, article: Article, changed_fields: Iterable[str] | None = None, now: datetime | None = None
) -> Article:
    """Save an article written by staff.

    Effects: renders each body to sanitised HTML; gives every titled language a unique slug;
    stamps a language's content as changed when its title, lead or body changed (all of them
    for a new article), which is what marks the other language outdated.
    """
    now = now or timezone.now()
    changed = set(changed_fields) if changed_fields is not None else None
    fill_translated_slugs(article, languages=LANGUAGE_CODES)
    for code in LANGUAGE_CODES:
        body_html = render_markdown(getattr(article, f"body_{code}"), language=code)
        setattr(article, f"body_html_{code}", body_html)
        fields = {f"{name}_{code}" for name in TRANSLATED_CONTENT_FIELDS}
        content_changed = article.pk is None or changed is None or bool(fields & changed)
        if content_changed and article.has_language(code):
            setattr(article, f"content_changed_at_{code}", now)
    article.full_clean()
    article.save()
    return article


@transaction.atomic
def article_publish(*, article: Article, now: datetime | None = None) -> Article:
    """Publish an article. Effects: status becomes published; the first publication time is kept."""
    article.status = Article.Status.PUBLISHED
    article.published_at = article.published_at or now or timezone.now()
    article.full_clean()
    article.save(update_fields=["status", "published_at", "updated_at"])
    return article


@transaction.atomic
def article_unpublish(*, article: Article) -> Article:
    """Take an article back to draft. Effects: it leaves every public list, feed and sitemap."""
    article.status = Article.Status.DRAFT
    article.full_clean()
    article.save(update_fields=["status", "updated_at"])
    return article
