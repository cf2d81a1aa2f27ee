"""Site-wide pages in the sitemap, in both languages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["home", "articles:list", "consultations:list", "about"]

    def location(self, item: str) -> str:
        return reverse(item)
