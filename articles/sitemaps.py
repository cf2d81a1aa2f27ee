"""Every published article, in the languages it is written in, with hreflang alternates."""

from inepa_portal.sitemaps import PortalSitemap

from . import selectors


class ArticleSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.published_articles().prefetch_related(None)

    def lastmod(self, item):
        return item.updated_at
