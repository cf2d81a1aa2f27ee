"""The information pages staff have written, in both languages, with hreflang alternates."""

from inepa_portal.sitemaps import PortalSitemap

from .models import InformationPage


class InformationPageSitemap(PortalSitemap):
    changefreq = "yearly"

    def items(self):
        return InformationPage.objects.order_by("kind")

    def lastmod(self, item: InformationPage):
        return item.updated_at
