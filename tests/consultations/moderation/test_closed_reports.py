"""A closed consultation's results are final: reports no longer hide anything in them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import Comment
from consultations.moderation import services as moderation
from consultations.moderation.models import Flag, ModerationAction
from consultations.results import exports
from consultations.results.models import ResultsDossier
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.consultations.results.closed_consultation import (
    PUBLISHED_TEXT,
    closed_consultation,
    pdf_text,
)
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def _results(consultation, moment) -> dict[str, bytes]:
    """What each language's results data (the JSON file) holds, read at one fixed moment."""
    return {
        language: exports.results_json(
            consultation, language, data=exports.results_data(consultation, language, now=moment)
        )
        for language in ("sl", "en")
    }


def _flag_url(comment: Comment) -> str:
    return f"/en/consultations/{comment.consultation.slug_en}/comments/{comment.pk}/flag/"


def test_three_reports_after_closing_change_nothing_in_the_results(
    django_capture_on_commit_callbacks,
):
    consultation = closed_consultation()
    comment = Comment.objects.get(body=PUBLISHED_TEXT)
    assert consultation.flag_threshold == 3
    moment = timezone.now()
    before = _results(consultation, moment)
    log_before = ModerationAction.objects.count()

    with django_capture_on_commit_callbacks() as callbacks:
        for _ in range(3):
            client = Client()
            client.force_login(CitizenFactory())
            form = client.get(_flag_url(comment), follow=True)
            answer = client.post(_flag_url(comment), {"reason": "personal_data"}, follow=True)
            for page in (form, answer):
                assertContains(page, "This consultation closed on")
                assertContains(page, "nothing more can be recorded.")
                assertNotContains(page, "Send report")

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED
    assert comment.flag_count == 0
    assert not Flag.objects.exists()
    assert ModerationAction.objects.count() == log_before
    assert callbacks == []  # no dossier rendered anew, no email to anyone
    assert not ResultsDossier.objects.exists()
    after = _results(consultation, moment)
    assert after == before
    assert PUBLISHED_TEXT in after["en"].decode()
    pdf = " ".join(pdf_text(exports.results_pdf(consultation, "en")).split())
    assert " ".join(PUBLISHED_TEXT.split()) in pdf


def test_the_closed_consultation_page_offers_no_report_link(client):
    consultation = closed_consultation()
    client.force_login(CitizenFactory())

    page = client.get(f"/en/consultations/{consultation.slug_en}/")

    assertContains(page, PUBLISHED_TEXT)
    assertNotContains(page, "/flag/")


def test_the_flag_service_refuses_a_closed_consultation_and_records_nothing():
    consultation = ConsultationFactory(
        flag_threshold=1,
        opens_at=timezone.now() - timedelta(days=10),
        closes_at=timezone.now() + timedelta(days=1),
    )
    comment = CommentFactory(consultation=consultation, body="Stays in the results.")

    with pytest.raises(ValidationError) as refused:
        moderation.comment_flag(
            comment=comment,
            user=CitizenFactory(),
            reason="spam",
            now=consultation.closes_at + timedelta(seconds=1),
        )

    assert "closed on" in refused.value.messages[0]
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED
    assert comment.flag_count == 0
    assert not Flag.objects.exists()
    assert not ModerationAction.objects.exists()


def test_the_flag_service_still_hides_at_the_threshold_while_open():
    consultation = ConsultationFactory(flag_threshold=1)
    comment = CommentFactory(consultation=consultation)

    moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="spam")

    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert ModerationAction.objects.get().action == ModerationAction.Action.AUTO_HIDE
