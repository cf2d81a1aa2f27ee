"""Load the demo consultations (an open one and a closed one) with citizens taking part."""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from inepa_portal.translation import LANGUAGE_CODES

from . import services
from .demo_data import CITIZENS, CONSULTATIONS
from .models import Comment, Consultation, Section
from .moderation import services as moderation
from .results import selectors as results_selectors
from .results import tasks as results_tasks

# Moderation in the demo: an advert flagged by two citizens (one short of the threshold, so it
# waits in the queue), official responses and the closed consultation's outcome summary.
SPAMMER = {"email": "hitri.zasluzek@demo.inepa.example", "display_name": "Hitri zaslužek"}
SPAM = {
    "consultation": "ngo-egov-guidelines",
    "section": "capacity",
    "body": "Zaslužite 500 € na dan od doma! Pišite nam na hitri.zasluzek@demo.inepa.example.",
    "flags": [("maja", "spam", ""), ("luka", "spam", "")],
}
RESPONSES = [
    {
        "consultation": "ngo-egov-guidelines",
        "comment": "c7",
        "sl": "Hvala za predlog. Povzetek vsakega osnutka in ključna vprašanja bomo objavili "
        "tudi v angleščini; smernice bomo ustrezno dopolnili v poglavju o rokih.",
        "en": "Thank you for the proposal. We will publish the summary and the key questions "
        "of every draft in English too, and add this to the chapter on consultation windows.",
    },
    {
        "consultation": "open-data-charter",
        "comment": "d2",
        "sl": "Podatke o manj kot desetih osebah bomo združevali ali izpustili, kot predlaga "
        "odgovor pod vašim komentarjem; pravilo smo zapisali v listino.",
        "en": "Data about fewer than ten people will be aggregated or left out, as the reply "
        "to your comment suggests; the charter now states this rule.",
    },
]
OUTCOMES = {
    "open-data-charter": {
        "sl": "Prejeli smo **7 komentarjev** in glasove šestih udeležencev. Listino smo "
        "dopolnili z:\n\n- pravilom o združevanju podatkov o manj kot desetih osebah,\n"
        "- zavezo, da bodo ključni podatki na voljo tudi prek vmesnika API,\n"
        "- javno objavo odgovorov na predloge za nove podatkovne zbirke.",
        "en": "We received **7 comments** and the votes of six participants. The charter now "
        "includes:\n\n- a rule to aggregate data about fewer than ten people,\n"
        "- a commitment to offer key data through an API as well,\n"
        "- public answers to proposals for new data sets.",
    },
}

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


def _staff():
    return get_user_model().objects.filter(is_staff=True).order_by("id").first()


@transaction.atomic
def _load_moderation(created: list[str], people: dict) -> None:
    """Flags, official responses and outcomes for the consultations created just now."""
    by_key = {
        data["key"]: Consultation.objects.get(title_en=data["en"]["title"])
        for data in CONSULTATIONS
        if data["key"] in created
    }
    if SPAM["consultation"] in by_key:
        consultation = by_key[SPAM["consultation"]]
        spammer = get_user_model().objects.create_user(
            email=SPAMMER["email"], display_name=SPAMMER["display_name"]
        )
        EmailAddress.objects.create(user=spammer, email=spammer.email, verified=True, primary=True)
        advert = services.comment_submit(
            consultation=consultation,
            author=spammer,
            body=SPAM["body"],
            language="sl",
            section=consultation.sections.get(position=5),
        )
        for citizen, reason, text in SPAM["flags"]:
            moderation.comment_flag(comment=advert, user=people[citizen], reason=reason, text=text)
    staff = _staff()
    for response in RESPONSES:
        if response["consultation"] not in by_key:
            continue
        consultation = by_key[response["consultation"]]
        keyed = _comment_keys(response["consultation"])
        comment = Comment.objects.get(consultation=consultation, body=keyed[response["comment"]])
        moderation.official_response_create(
            consultation=consultation,
            author=staff,
            comment=comment,
            body_sl=response["sl"],
            body_en=response["en"],
        )
    for key, outcome in OUTCOMES.items():
        if key in by_key:
            consultation = by_key[key]
            consultation.outcome_sl, consultation.outcome_en = outcome["sl"], outcome["en"]
            services.consultation_save(consultation=consultation)


def _comment_keys(consultation_key: str) -> dict[str, str]:
    data = next(item for item in CONSULTATIONS if item["key"] == consultation_key)
    return {comment["key"]: comment["body"].strip() for comment in data["comments"]}


def load_demo_consultations(*, now: datetime | None = None) -> list[str]:
    """Create the demo consultations that do not exist yet; return the keys created."""
    now = now or timezone.now()
    people = _citizens()
    created = [data["key"] for data in CONSULTATIONS if _load_consultation(data, people, now)]
    _load_moderation(created, people)
    _render_closed_results(now)
    return created


def _render_closed_results(now: datetime) -> None:
    """The closed demo consultation's results dossiers in both languages, ready to download."""
    for data in CONSULTATIONS:
        consultation = Consultation.objects.filter(title_en=data["en"]["title"]).first()
        if consultation is None or consultation.state(now=now) != Consultation.State.CLOSED:
            continue
        for language in LANGUAGE_CODES:
            if not results_selectors.has_final_files(consultation, language):
                results_tasks.dossier_render(consultation_id=consultation.pk, language=language)
