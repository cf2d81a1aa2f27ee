"""Every published consultation, in both languages, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap

from .models import Consultation


class ConsultationSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"

    def items(self):
        return Consultation.objects.published().order_by("-opens_at", "-id")

    def lastmod(self, item: Consultation):
        return item.updated_at
