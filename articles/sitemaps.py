"""Every published article, in both languages, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap

from . import selectors


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return selectors.published_articles().prefetch_related(None)

    def lastmod(self, item):
        return item.updated_at
