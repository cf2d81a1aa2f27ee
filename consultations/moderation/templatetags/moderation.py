from collections.abc import Iterable

from django import template

from consultations.models import Comment

from ..permissions import can_appeal
from ..selectors import awaiting_review_count

register = template.Library()


@register.simple_tag
def comments_awaiting_review() -> int:
    """How many comments wait for a moderator (for the admin index)."""
    return awaiting_review_count()


@register.simple_tag(takes_context=True)
def appealable_ids(context, comments: Iterable[Comment]) -> frozenset[int]:
    """The ids of `comments` the reader may ask a review of, answered once for a page that
    another app renders (participation's part of the profile cannot ask moderation itself)."""
    user = context["request"].user
    return frozenset(comment.pk for comment in comments if can_appeal(user, comment))
