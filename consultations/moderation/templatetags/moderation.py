from collections.abc import Iterable

from django import template
from django.utils.translation import gettext as _

from consultations.models import Comment

from ..permissions import can_appeal
from ..selectors import awaiting_review_count, queue_counts

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


@register.simple_tag
def moderation_queues() -> list[tuple[str, str, int]]:
    """The overview's rows: (queue, label, count), in the order a moderator works through them."""
    counts = queue_counts()
    labels = {
        "flagged": _("Reported comments, still published"),
        "auto_hidden": _("Hidden automatically after reports"),
        "pending": _("Awaiting moderation (pre-moderation)"),
        "appealed": _("Reviews requested by authors"),
    }
    return [(name, label, counts[name]) for name, label in labels.items()]
