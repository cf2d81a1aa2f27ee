"""Template helpers shared by every app."""

from django import template

from inepa_portal.translation import current_language, other_languages

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    """`{{ image|translated:"alt" }}`: the field in the active language, else in another one."""
    language = current_language()
    for code in [language, *other_languages(language)]:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""
