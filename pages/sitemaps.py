"""The information pages staff have written, in both languages, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap

from .models import InformationPage


class InformationPageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "yearly"

    def items(self):
        return InformationPage.objects.order_by("kind")

    def lastmod(self, item: InformationPage):
        return item.updated_at
