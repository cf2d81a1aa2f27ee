"""Cached pages of a consultation are replaced when anything they show changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from inepa_portal import pagecache

from .models import (
    Comment,
    CommentSupport,
    Consultation,
    OfficialResponse,
    ResultsDossier,
    Section,
    Vote,
)


def consultation_changed(consultation_id: int | None) -> None:
    """Bump the page caches of one consultation (under each of its slugs) and of the list."""
    slugs = (
        Consultation.objects.filter(pk=consultation_id).values_list("slug_sl", "slug_en").first()
        or ()
    )
    pagecache.bump("consultations", *(f"consultation:{slug}" for slug in slugs if slug))


@receiver([post_save, post_delete])
def consultation_content_changed(sender, instance, **kwargs) -> None:
    if sender is Consultation:
        consultation_changed(instance.pk)
    elif sender in (Section, Comment, Vote, OfficialResponse, ResultsDossier):
        consultation_changed(instance.consultation_id)
    elif sender is CommentSupport:
        consultation_changed(
            Comment.objects.filter(pk=instance.comment_id)
            .values_list("consultation_id", flat=True)
            .first()
        )
