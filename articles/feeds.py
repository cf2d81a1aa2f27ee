"""Atom feed of published articles, one per language."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from inepa_portal.feeds import PortalFeed

from . import selectors
from .models import Article

FEED_LENGTH = 20


class ArticleFeed(PortalFeed):
    id_kind = "article"

    def title(self) -> str:
        return _("INePA: articles")

    def subtitle(self) -> str:
        return _("News and reports of the Institute for Electronic Participation")

    def link(self) -> str:
        return reverse("articles:list")

    def feed_url(self) -> str:
        return reverse("articles:feed")

    def items(self):
        return selectors.published_articles()[:FEED_LENGTH]

    def item_title(self, item: Article) -> str:
        return item.localized().title

    def item_description(self, item: Article) -> str:
        """The body's sanitised HTML; without a body, the lead (plain text, escaped)."""
        version = item.localized()
        if version.body_html or not version.lead:
            return version.body_html
        return format_html("<p>{}</p>", version.lead)

    def item_author_name(self, item: Article) -> str:
        return item.author_name

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at
