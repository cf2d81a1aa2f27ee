"""A closed consultation with everything a results file shows, and readers of those files."""

import io
from datetime import timedelta

from django.utils import timezone
from pypdf import PdfReader

from consultations import services
from consultations.models import Vote
from consultations.moderation import services as moderation
from tests.consultations.factories import (
    CommentFactory,
    ConsultationFactory,
    SectionFactory,
    VoteFactory,
)
from tests.factories import CitizenFactory, StaffFactory

HIDDEN_TEXT = "Kupite poceni ure na spletu."
PUBLISHED_TEXT = "Predlagam, da občine objavijo tudi podatke o čakalnih dobah in šolah."
REPLY_TEXT = "Strinjam se, še posebej za vrtce."


def closed_consultation(*, closes_in_days: int = -1):
    """A consultation (closed unless told otherwise) with comments, a reply, a hidden comment,
    supports, votes and an official response."""
    now = timezone.now()
    opens_at = now - timedelta(days=30)
    # Participation and moderation happen while it is open; it closes afterwards (a moderation
    # decision on a closed consultation would already ask for its results files).
    consultation = ConsultationFactory(
        title_sl="Osnutek listine o odprtih podatkih: čšž ČŠŽ ćđ ĆĐ",
        title_en="Draft open data charter",
        summary_sl="Povzetek osnutka o odprtih podatkih.",
        summary_en="What the charter says about open data.",
        opens_at=opens_at,
        closes_at=now + timedelta(days=max(closes_in_days, 1)),
        outcome_en="We added **waiting times** to the list.",
        outcome_sl="Seznamu smo dodali **čakalne dobe**.",
    )
    purpose = SectionFactory(consultation=consultation, position=1, heading_sl="Namen",
                             heading_en="Purpose")  # fmt: skip
    formats = SectionFactory(consultation=consultation, position=2, heading_sl="Oblike zapisa",
                             heading_en="Formats")  # fmt: skip
    during = opens_at + timedelta(hours=2)
    ana, bor, cene = (CitizenFactory(display_name=name) for name in ("Ana Žagar", "Bor", "Cene"))
    published = CommentFactory(consultation=consultation, section=purpose, author=ana,
                               body=PUBLISHED_TEXT, now=during)  # fmt: skip
    CommentFactory(consultation=consultation, parent=published, author=bor, body=REPLY_TEXT,
                   now=during + timedelta(hours=1))  # fmt: skip
    hidden = CommentFactory(consultation=consultation, section=formats, author=cene,
                            body=HIDDEN_TEXT, now=during)  # fmt: skip
    CommentFactory(consultation=consultation, body="=HYPERLINK(\"http://evil.example\")",
                   author=cene, now=during)  # fmt: skip
    services.comment_support(comment=published, user=bor, now=during)
    services.comment_support(comment=published, user=cene, now=during)
    moderator = StaffFactory(display_name="Moderatorka")
    moderation.comment_moderate(comment=hidden, moderator=moderator, action="hide", reason="spam")
    moderation.official_response_create(
        consultation=consultation,
        author=moderator,
        comment=published,
        body_sl="Čakalne dobe smo dodali.",
        body_en="We added waiting times.",
    )
    for person, choice in ((ana, Vote.Choice.AGREE), (bor, Vote.Choice.AGREE),
                           (cene, Vote.Choice.DISAGREE)):  # fmt: skip
        VoteFactory(consultation=consultation, user=person, choice=choice)
    VoteFactory(consultation=consultation, section=purpose, user=ana, choice=Vote.Choice.ABSTAIN)
    type(consultation).objects.filter(pk=consultation.pk).update(
        closes_at=now + timedelta(days=closes_in_days)
    )
    consultation.refresh_from_db()
    return consultation


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))
