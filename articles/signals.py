"""Cached pages showing articles are replaced when any article content changes."""

from django.db.models.signals import post_delete, post_save

from inepa_portal import pagecache

from .models import Article, ArticleAttachment, ArticleImage, ArticleReference

ARTICLE_MODELS = (Article, ArticleImage, ArticleAttachment, ArticleReference)


def article_content_changed(sender, **kwargs) -> None:
    pagecache.bump("articles")


# Named senders: a receiver for every model would keep Django from deleting any row of the
# project in bulk (it signals each row of a cascade when anyone listens).
for model in ARTICLE_MODELS:
    post_save.connect(article_content_changed, sender=model, dispatch_uid=f"pagecache-{model}")
    post_delete.connect(article_content_changed, sender=model, dispatch_uid=f"pagecache-d-{model}")
