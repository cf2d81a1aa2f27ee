"""Template helpers shared by every app."""

import datetime

from django import template
from django.utils import timezone

from inepa_portal import translation

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    """`{{ image|translated:"alt" }}`: the field in the active language, else in another one."""
    return translation.translated(obj, field)


SENTENCE_ENDS = (".", "!", "?", "…")


@register.filter(is_safe=True)
def end_sentence(text: str) -> str:
    """A sentence ending in a name or date gets one full stop: none when it ends in one already
    ("Mojca N." stays "Mojca N.", never "Mojca N..")."""
    text = str(text).strip()
    return text if not text or text.endswith(SENTENCE_ENDS) else f"{text}."


@register.filter
def machine_datetime(value) -> str:
    """`<time datetime="{{ value|machine_datetime }}">`: a date and time as HTML's `datetime`
    attribute allows it (at most three digits of a second's fraction: we give whole seconds),
    in the current time zone; a date as a date; nothing for no value."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()
