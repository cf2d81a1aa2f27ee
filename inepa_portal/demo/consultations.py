"""Build a demo consultation from its data file: sections, comments, supports, votes, outcome."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q

from consultations import services
from consultations.models import Consultation, Section

from . import translated
from .moderation import moderation_load


@transaction.atomic
def consultation_load(*, data: dict, people: dict, staff, now: datetime) -> bool:
    """Create the consultation unless one has its title; say whether it did."""
    titles = Q(title_sl=data["sl"]["title"]) | Q(title_en=data["en"]["title"])
    if Consultation.objects.filter(titles).exists():
        return False
    consultation = services.consultation_save(
        consultation=Consultation(
            **translated(data, "title", "summary"),
            **{f"outcome_{code}": text for code, text in data.get("outcome", {}).items()},
            opens_at=now + timedelta(days=data["opens_in_days"]),
            closes_at=now + timedelta(days=data["closes_in_days"]),
            is_published=True,
        )
    )
    sections = {
        section["key"]: services.section_save(
            section=Section(
                consultation=consultation,
                position=position,
                **translated(section, "heading", "body"),
            )
        )
        for position, section in enumerate(data["sections"], start=1)
    }
    # Participation happened while the consultation was open: spread it over its first days.
    moment = consultation.opens_at + timedelta(hours=3)
    comments = {}
    for item in data["comments"]:
        moment += timedelta(hours=7)
        comments[item["key"]] = comment = services.comment_submit(
            consultation=consultation,
            author=people[item["author"]],
            body=item["body"],
            language=item["language"],
            section=sections[item["section"]] if "section" in item else None,
            parent=comments[item["parent"]] if "parent" in item else None,
            now=moment,
        )
        for supporter in item["supporters"]:
            services.comment_support(comment=comment, user=people[supporter], now=moment)
    for citizen, votes in data["votes"].items():
        for target, choice in votes.items():  # "draft": the draft as a whole
            section = None if target == "draft" else sections[target]
            services.vote_cast(
                consultation=consultation,
                user=people[citizen],
                choice=choice,
                section=section,
                now=moment,
            )
    moderation_load(
        consultation=consultation,
        data=data,
        sections=sections,
        comments=comments,
        people=people,
        staff=staff,
        now=now,
    )
    return True
