"""Per-language content fields (`title_sl`, `title_en`…) and one accessor that falls back.

We keep two explicit columns per translated field instead of django-modeltranslation: the
portal has exactly two languages, the translation status needs per-language timestamps and
rendered HTML beside each source, and plain fields keep migrations, admin forms and queries
free of run-time patching (see DESIGN.md, "Languages").

The columns are declared here once: `TranslatedTitleAndSlug` (an abstract model) gives a
model its titles and slugs and `title_and_slug_constraints()` their rules; `per_language()`
declares any other translated field. `translated()` is the one way to read such a field
("in the requested language, else in another one"): models' `__str__`, `localized()`, the
`translated` template filter and the exports all go through it.
"""

import operator
from collections.abc import Mapping
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)


def current_language() -> str:
    """The active language, reduced to one the portal offers."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def other_languages(language: str) -> list[str]:
    """Every offered language but `language`, in the order of settings.LANGUAGES."""
    return [code for code in LANGUAGE_CODES if code != language]


def language_of(obj: Any, field: str, language: str | None = None) -> str:
    """The language `obj.<field>_<lang>` is read in when `language` (default: the active one)
    is asked for: that one if filled, else the first other that is, else `language`."""
    requested = language or current_language()
    for code in [requested, *other_languages(requested)]:
        if getattr(obj, f"{field}_{code}", ""):
            return code
    return requested


def translated(obj: Any, field: str, language: str | None = None) -> str:
    """`obj.<field>_<language>` (default: the active language), else the same field in another
    language, else ""."""
    return getattr(obj, f"{field}_{language_of(obj, field, language)}", "")


def per_language(
    field_class: type[models.Field],
    verbose_names: Mapping[str, Any] | None = None,
    **options: Any,
) -> tuple[models.Field, ...]:
    """One `field_class(**options)` per language, in the order of LANGUAGE_CODES, each named
    `verbose_names[code]`: `summary_sl, summary_en = per_language(models.TextField, …)`."""
    return tuple(
        field_class(verbose_names[code], **options) if verbose_names else field_class(**options)
        for code in LANGUAGE_CODES
    )


def filled_in_a_language(field: str) -> Q:
    """The condition that `<field>_<lang>` is not empty in at least one language."""
    return reduce(operator.or_, (~Q(**{f"{field}_{code}": ""}) for code in LANGUAGE_CODES))


def required_in_a_language(field: str, *, name: str, message: Any) -> models.CheckConstraint:
    """A constraint refusing a row whose `<field>_<lang>` is empty in every language."""
    return models.CheckConstraint(
        condition=filled_in_a_language(field), name=name, violation_error_message=message
    )


def title_and_slug_constraints(
    model_name: str, *, title_message: Any, slug_message: Any
) -> list[models.BaseConstraint]:
    """The rules of `TranslatedTitleAndSlug`, named after `model_name`: a title in at least one
    language (`<model_name>_has_a_title`) and, per language, a slug no other row uses when it
    is not empty (`<model_name>_unique_slug_<lang>`)."""
    return [
        required_in_a_language("title", name=f"{model_name}_has_a_title", message=title_message),
        *(
            models.UniqueConstraint(
                fields=[f"slug_{code}"],
                condition=~Q(**{f"slug_{code}": ""}),
                name=f"{model_name}_unique_slug_{code}",
                violation_error_message=slug_message,
            )
            for code in LANGUAGE_CODES
        ),
    ]


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

    def written_languages(self) -> list[str]:
        """The languages this object has content in, in the order of settings.LANGUAGES."""
        return [code for code in LANGUAGE_CODES if self.has_language(code)]

    def localized(self, language: str | None = None) -> Localized:
        """Content in `language` (default: the active one), else in the language `translated()`
        falls back to for the required field: one version, all its fields in one language."""
        requested = language or current_language()
        found = language_of(self, self.required_translated_field, requested)
        return Localized(self, found, requested)


class TranslatedTitleAndSlug(TranslatableMixin, models.Model):
    """A title and a web address in each language (either may be empty, not both titles).

    A concrete model adds `*title_and_slug_constraints("<model>", …)` to its Meta.constraints.
    """

    title_sl, title_en = per_language(
        models.CharField,
        {"sl": _("title (Slovenian)"), "en": _("title (English)")},
        max_length=200,
        blank=True,
    )
    slug_sl, slug_en = per_language(
        models.SlugField,
        {"sl": _("address (Slovenian)"), "en": _("address (English)")},
        max_length=200,
        blank=True,
        help_text=_("Made from the title when left empty."),
    )

    class Meta:
        abstract = True


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
