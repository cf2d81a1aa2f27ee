"""Cached pages showing articles are replaced when any article content changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from inepa_portal import pagecache

from .models import Article, ArticleAttachment, ArticleImage, ArticleReference

ARTICLE_MODELS = (Article, ArticleImage, ArticleAttachment, ArticleReference)


@receiver([post_save, post_delete])
def article_content_changed(sender, **kwargs) -> None:
    if sender in ARTICLE_MODELS:
        pagecache.bump("articles")
