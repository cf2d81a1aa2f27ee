"""Build a demo consultation's moderation: flagged comments and the organiser's responses."""

from datetime import datetime

from consultations import services
from consultations.models import Consultation
from consultations.moderation import services as moderation


def moderation_load(
    *,
    consultation: Consultation,
    data: dict,
    sections: dict,
    comments: dict,
    people: dict,
    staff,
    now: datetime,
) -> None:
    """Post and flag the flagged comments, then answer the comments that have a response."""
    for item in data.get("flagged", []):
        comment = services.comment_submit(
            consultation=consultation,
            author=people[item["author"]],
            body=item["body"],
            language=item["language"],
            section=sections[item["section"]],
            now=now,
        )
        for flag in item["flags"]:
            moderation.comment_flag(
                comment=comment, user=people[flag["citizen"]], reason=flag["reason"],
                text=flag.get("text", ""), now=now,
            )  # fmt: skip
    for item in data["comments"]:
        if "response" in item:
            comment = comments[item["key"]]
            moderation.official_response_create(
                consultation=consultation,
                author=staff,
                comment=comment,
                body_sl=item["response"]["sl"],
                body_en=item["response"]["en"],
                now=now,
            )
