from django import template

from ..selectors import awaiting_review_count

register = template.Library()


@register.simple_tag
def comments_awaiting_review() -> int:
    """How many comments wait for a moderator (for the admin index)."""
    return awaiting_review_count()
