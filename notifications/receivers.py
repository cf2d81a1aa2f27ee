"""Notifications follow what participation and moderation tell them (their signals)."""

from consultations.models import Comment, Vote
from consultations.moderation.models import OfficialResponse
from consultations.moderation.signals import author_event, official_response_published
from consultations.signals import comment_published, took_part

from . import services


def on_took_part(sender, *, user, consultation, language=None, **kwargs) -> None:
    services.follow_on_taking_part(user=user, consultation=consultation, language=language)


def on_comment_published(sender, *, comment, now, **kwargs) -> None:
    services.reply_published(comment=comment, now=now)


def on_author_event(sender, *, comment, event, now, **kwargs) -> None:
    services.author_told(comment=comment, event=event, now=now)


def on_official_response(sender, *, response, now, **kwargs) -> None:
    services.section_response_published(response=response, now=now)


def connect() -> None:
    for sender in (Comment, Vote):
        took_part.connect(on_took_part, sender=sender, dispatch_uid=f"notifications-{sender}")
    comment_published.connect(on_comment_published, sender=Comment, dispatch_uid="notif-pub")
    author_event.connect(on_author_event, sender=Comment, dispatch_uid="notif-author")
    official_response_published.connect(
        on_official_response, sender=OfficialResponse, dispatch_uid="notif-response"
    )
