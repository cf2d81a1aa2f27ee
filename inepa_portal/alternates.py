"""The same page in every language: hreflang links, the canonical link and the switcher."""

from dataclasses import dataclass

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


def language_alternates(
    request: HttpRequest, paths: dict[str, str] | None = None
) -> list[Alternate]:
    """One entry per language; `paths` gives the URL where a slug differs per language."""
    current = current_language()
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
            )
        )
    return alternates
