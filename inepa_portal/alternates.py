"""The same page in every language: hreflang links, the canonical link and the switcher.

The switcher offers every language; the head advertises (hreflang) only the languages the page
is written in, names as x-default the page in the default language (settings.LANGUAGE_CODE)
or else in the first language it is written in, and gives as canonical the address itself, or,
where the page shows another language's text, that language's address. The sitemap
(inepa_portal/sitemaps.py) says the same of every address it lists.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info

from inepa_portal.translation import LANGUAGE_CODES, current_language


@dataclass(frozen=True)
class Alternate:
    code: str
    name_local: str
    path: str
    url: str
    is_current: bool
    is_written: bool = True  # the page is written in this language (advertised by hreflang)
    is_canonical: bool = False
    is_default: bool = False  # the x-default alternate


def default_language(written: list[str]) -> str:
    """The language x-default points to among those a page is written in."""
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in written else written[0]


def language_alternates(
    request: HttpRequest,
    paths: dict[str, str] | None = None,
    *,
    written: list[str] | None = None,
) -> list[Alternate]:
    """One entry per language; `paths` gives the URL where a slug differs per language, and
    `written` the languages the page's content is in (default: every language)."""
    current = current_language()
    written = [code for code in LANGUAGE_CODES if written is None or code in written]
    written = written or list(LANGUAGE_CODES)
    canonical = current if current in written else default_language(written)
    default = default_language(written)
    alternates = []
    for code in LANGUAGE_CODES:
        path = (paths or {}).get(code) or translate_url(request.path, code)
        alternates.append(
            Alternate(
                code=code,
                name_local=get_language_info(code)["name_local"],
                path=path,
                url=request.build_absolute_uri(path),
                is_current=code == current,
                is_written=code in written,
                is_canonical=code == canonical,
                is_default=code == default,
            )
        )
    return alternates
