"""Per-language content fields (`title_sl`, `title_en`…) and one accessor that falls back.

We keep two explicit columns per translated field instead of django-modeltranslation: the
portal has exactly two languages, the translation status needs per-language timestamps and
rendered HTML beside each source, and plain fields keep migrations, admin forms and queries
free of run-time patching (see DESIGN.md, "Languages").
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import get_language

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)


def current_language() -> str:
    """The active language, reduced to one the portal offers."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def other_languages(language: str) -> list[str]:
    """Every offered language but `language`, in the order of settings.LANGUAGES."""
    return [code for code in LANGUAGE_CODES if code != language]


@dataclass(frozen=True)
class Localized:
    """An object's content in one language, and whether that is the language asked for."""

    obj: Any
    language: str
    requested: str

    @property
    def is_fallback(self) -> bool:
        """True when the requested language is missing and another is shown instead."""
        return self.language != self.requested

    def __getattr__(self, name: str) -> Any:
        return getattr(self.obj, f"{name}_{self.language}")


class TranslatableMixin:
    """For models with `<field>_<lang>` columns; `required_translated_field` decides presence."""

    required_translated_field = "title"

    def has_language(self, language: str) -> bool:
        """True when this object has content in `language`."""
        return bool(getattr(self, f"{self.required_translated_field}_{language}"))

    def localized(self, language: str | None = None) -> Localized:
        """Content in `language` (default: the active one), else in the first language it has."""
        requested = language or current_language()
        for candidate in [requested, *other_languages(requested)]:
            if self.has_language(candidate):
                return Localized(self, candidate, requested)
        return Localized(self, requested, requested)


def matching_slug(queryset: QuerySet, slug: str) -> QuerySet:
    """Rows whose slug in any language is `slug`, the active language's match first."""
    matches_any = Q()
    for code in LANGUAGE_CODES:
        matches_any |= Q(**{f"slug_{code}": slug})
    return (
        queryset.filter(matches_any)
        .annotate(
            in_other_language=Case(
                When(**{f"slug_{current_language()}": slug}, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("in_other_language")
    )
