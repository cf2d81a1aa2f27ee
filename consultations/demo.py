"""Load the demo consultations (an open one and a closed one) with citizens taking part."""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import services
from .demo_data import CITIZENS, CONSULTATIONS
from .models import Consultation, Section

WINDOWS = {  # (opened days ago, closes in days) relative to the time of loading
    "open": (10, 20),
    "closed": (60, -15),
}


def _citizens() -> dict:
    user_model = get_user_model()
    people = {}
    for data in CITIZENS:
        person, created = user_model.objects.get_or_create(
            email=data["email"], defaults={"display_name": data["display_name"]}
        )
        if created:
            person.set_unusable_password()
            person.save(update_fields=["password"])
            EmailAddress.objects.create(
                user=person, email=person.email, verified=True, primary=True
            )
        people[data["key"]] = person
    return people


@transaction.atomic
def _load_consultation(data: dict, people: dict, now: datetime) -> bool:
    for code in ("sl", "en"):
        if Consultation.objects.filter(**{f"title_{code}": data[code]["title"]}).exists():
            return False
    opened_days_ago, closes_in_days = WINDOWS[data["state"]]
    opens_at = now - timedelta(days=opened_days_ago)
    closes_at = now + timedelta(days=closes_in_days)
    consultation = services.consultation_save(
        consultation=Consultation(
            title_sl=data["sl"]["title"],
            title_en=data["en"]["title"],
            summary_sl=data["sl"]["summary"],
            summary_en=data["en"]["summary"],
            opens_at=opens_at,
            closes_at=closes_at,
            is_published=True,
        )
    )
    sections = {}
    for position, section in enumerate(data["sections"], start=1):
        sections[section["key"]] = services.section_save(
            section=Section(
                consultation=consultation,
                position=position,
                heading_sl=section["sl"]["heading"],
                heading_en=section["en"]["heading"],
                body_sl=section["sl"]["body"],
                body_en=section["en"]["body"],
            )
        )
    # Participation happened while the consultation was open: spread it over its first days.
    moment = opens_at + timedelta(hours=3)
    comments = {}
    for item in data["comments"]:
        moment += timedelta(hours=7)
        comments[item["key"]] = comment = services.comment_submit(
            consultation=consultation,
            author=people[item["author"]],
            body=item["body"],
            language=item["language"],
            section=sections.get(item["section"]) if item["section"] else None,
            parent=comments[item["parent"]] if item["parent"] else None,
            now=moment,
        )
        for supporter in item["supporters"]:
            services.comment_support(comment=comment, user=people[supporter], now=moment)
    for item in data["votes"]:
        services.vote_cast(
            consultation=consultation,
            user=people[item["citizen"]],
            choice=item["choice"],
            section=sections.get(item["section"]) if item["section"] else None,
            now=moment,
        )
    return True


def load_demo_consultations(*, now: datetime | None = None) -> list[str]:
    """Create the demo consultations that do not exist yet; return the keys created."""
    now = now or timezone.now()
    people = _citizens()
    return [data["key"] for data in CONSULTATIONS if _load_consultation(data, people, now)]
