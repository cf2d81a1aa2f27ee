"""The sitemap's rules for every part of the portal, and the site-wide pages in it.

An object is listed only in the languages it is written in, with those languages as its
alternates and, as x-default, the same page as the pages' own head names
(inepa_portal/alternates.py): the default language's address when written in it, else the
first language's. Django's own x-default (the address without a language prefix, which
redirects by the browser's language) would disagree with the pages.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from inepa_portal.alternates import default_language
from inepa_portal.translation import LANGUAGE_CODES


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item) -> list[str]:
        """The languages `item` is written in (every language for a page of the portal)."""
        if hasattr(item, "written_languages"):
            return item.written_languages()
        return list(LANGUAGE_CODES)

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            written = {
                alternate["lang_code"]: alternate["location"]
                for alternate in url["alternates"]
                if alternate["lang_code"] != "x-default"
            }
            url["alternates"] = [
                alternate for alternate in url["alternates"] if alternate["lang_code"] in written
            ]
            if written:
                default = default_language([code for code in LANGUAGE_CODES if code in written])
                url["alternates"].append({"location": written[default], "lang_code": "x-default"})
        return urls


class PageSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return ["home", "articles:list", "consultations:list", "about"]

    def location(self, item: str) -> str:
        return reverse(item)
