"""Every published consultation, in the languages it is written in, with hreflang alternates."""

from inepa_portal.sitemaps import PortalSitemap

from .models import Consultation


class ConsultationSitemap(PortalSitemap):
    changefreq = "daily"

    def items(self):
        return Consultation.objects.published().order_by("-opens_at", "-id")

    def lastmod(self, item: Consultation):
        return item.updated_at
