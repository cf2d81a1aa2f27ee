"""Template helpers shared by every app."""

from django import template

from inepa_portal import translation

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    """`{{ image|translated:"alt" }}`: the field in the active language, else in another one."""
    return translation.translated(obj, field)
