"""Authors correct their own comments, for a short while: the one write of a comment's text
after it was posted."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from inepa_portal.markup import render_markdown

from .caching import consultation_pages_expire
from .models import Comment, CommentVersion, ModerationMode

EDIT_WINDOW = timedelta(minutes=15)


def edit_refusal(comment: Comment, *, now: datetime) -> str | None:
    """Why `comment` can no longer be edited (a translated sentence), or None while it can: for
    EDIT_WINDOW after posting, and only until the first reply, report or official response."""
    if comment.status not in {Comment.Status.PUBLISHED, Comment.Status.PENDING}:
        return _("This comment can no longer be edited.")
    if not comment.consultation.is_open(now=now):
        return _("This comment can no longer be edited.")
    if now - comment.created_at > EDIT_WINDOW:
        return _("A comment can be edited for 15 minutes after it is posted.")
    answered = Comment.objects.filter(pk=comment.pk).filter(
        _has_any("replies", "flags", "official_responses")
    )
    if answered.exists():
        return _("A comment can no longer be edited once it has a reply, a report or a response.")
    return None


def _has_any(*relations: str):
    """A filter: the comment has at least one row in any of these reverse relations (named by
    the ORM, so participation imports no moderation module)."""
    condition = Q()
    for relation in relations:
        field = Comment._meta.get_field(relation)
        condition |= Q(
            Exists(field.related_model.objects.filter(**{field.field.name: OuterRef("pk")}))
        )
    return condition


@transaction.atomic
def comment_edit(*, comment: Comment, author, body: str, now: datetime | None = None) -> Comment:
    """The author corrects their comment.

    Effects: refused after EDIT_WINDOW or once it has a reply, a report or an official response;
    the earlier text is kept for the moderators (CommentVersion); the Markdown is rendered and
    sanitised again; marked edited; under pre-moderation it waits for a moderator again.
    """
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if author is None or comment.author_id != author.pk:
        raise ValidationError(_("Only the author can edit a comment."), code="not_author")
    refusal = edit_refusal(comment, now=now)
    if refusal:
        raise ValidationError(refusal, code="closed")
    body = body.strip()
    if body == comment.body:
        return comment
    CommentVersion.objects.create(
        comment=comment,
        body=comment.body,
        body_html=comment.body_html,
        status=comment.status,
        written_at=comment.edited_at or comment.created_at,
        replaced_at=now,
    )
    comment.body = body
    comment.body_html = render_markdown(body, language=comment.language)
    comment.edited_at = now
    if comment.consultation.moderation_mode == ModerationMode.PRE:
        comment.status = Comment.Status.PENDING
    comment.full_clean()
    comment.save(update_fields=["body", "body_html", "edited_at", "status"])
    consultation_pages_expire(comment.consultation_id)
    return comment
