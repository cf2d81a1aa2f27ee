"""Template helpers shared by every app."""

from django import template

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
