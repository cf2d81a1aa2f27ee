"""Reads of follows, notifications and delivery settings."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from consultations.models import Comment

from .models import DEFAULT_DELIVERY, DeliverySetting, Follow, Kind, Notification, Recipient


def delivery_settings(user) -> dict[str, str]:
    """Every kind's delivery for `user`, their choices over the defaults."""
    chosen = dict(DeliverySetting.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, str(DEFAULT_DELIVERY[kind])) for kind in Kind.values}


def delivery_for(user, kind: str) -> str:
    chosen = DeliverySetting.objects.filter(user=user, kind=kind).values_list("delivery", flat=True)
    return chosen.first() or str(DEFAULT_DELIVERY[kind])


def language_of(user) -> str:
    found = Recipient.objects.filter(user=user).values_list("language", flat=True).first()
    return found or settings.LANGUAGE_CODE


def notifications_of(user, *, limit: int = 50) -> list[Notification]:
    """The latest events of `user`, unread first, each with the comment it is about only when
    that comment is public (a hidden or pending comment's text never reaches the page)."""
    rows = list(
        Notification.objects.filter(recipient=user)
        .select_related("consultation")
        .order_by(F("read_at").desc(nulls_first=True), "-created_at", "-id")[:limit]
    )
    visible = Comment.objects.visible().in_bulk([n.comment_id for n in rows if n.comment_id])
    for row in rows:
        row.public_comment = visible.get(row.comment_id)
    return rows


def header_state(user, *, consultation_slug: str | None) -> dict:
    """In one query: how many notifications `user` has not read, and whether they follow the
    consultation whose page this is."""
    unread = Count("notifications", filter=Q(notifications__read_at__isnull=True))
    following = (
        Exists(
            Follow.objects.filter(user=OuterRef("pk")).filter(
                Q(consultation__slug_sl=consultation_slug)
                | Q(consultation__slug_en=consultation_slug)
            )
        )
        if consultation_slug
        else None
    )
    query = get_user_model().objects.filter(pk=user.pk)
    if following is not None:
        query = query.annotate(following=following)
        row = query.annotate(unread=unread).values("unread", "following").first()
    else:
        row = query.annotate(unread=unread).values("unread").first()
    return row or {"unread": 0}


def follows_of(user) -> QuerySet[Follow]:
    return Follow.objects.filter(user=user).select_related("consultation").order_by("-created_at")


def followers_of(consultation) -> QuerySet:
    return Follow.objects.filter(consultation=consultation, user__is_active=True).values_list(
        "user_id", flat=True
    )
