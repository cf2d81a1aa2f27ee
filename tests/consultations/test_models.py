from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError

from consultations.models import Comment, Consultation, Vote
from tests.consultations.factories import (
    CommentFactory,
    ConsultationFactory,
    SectionFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "state"),
    [
        (NOON - timedelta(days=2), Consultation.State.UPCOMING),
        (NOON, Consultation.State.OPEN),
        (NOON + timedelta(days=10) - timedelta(seconds=1), Consultation.State.OPEN),
        (NOON + timedelta(days=10), Consultation.State.CLOSED),
    ],
)
def test_window_drives_the_state(now, state):
    consultation = ConsultationFactory(opens_at=NOON, closes_at=NOON + timedelta(days=10))

    assert consultation.state(now=now) == state


def test_database_refuses_a_window_that_closes_before_it_opens():
    with pytest.raises(IntegrityError):
        Consultation.objects.create(
            title_sl="X", slug_sl="x", opens_at=NOON, closes_at=NOON - timedelta(hours=1)
        )


def test_database_keeps_one_vote_per_citizen_on_the_draft():
    vote = VoteFactory()

    with pytest.raises(IntegrityError):
        Vote.objects.create(consultation=vote.consultation, user=vote.user, choice="disagree")


def test_database_keeps_one_vote_per_citizen_per_section():
    section = SectionFactory()
    vote = VoteFactory(consultation=section.consultation, section=section)

    with pytest.raises(IntegrityError):
        Vote.objects.create(
            consultation=section.consultation, section=section, user=vote.user, choice="abstain"
        )


def test_anonymous_votes_of_deleted_accounts_do_not_collide():
    consultation = ConsultationFactory()

    Vote.objects.create(consultation=consultation, user=None, choice="agree")
    Vote.objects.create(consultation=consultation, user=None, choice="agree")

    assert consultation.votes.count() == 2


def test_visible_comments_are_the_published_ones():
    published = CommentFactory()
    removed = CommentFactory(consultation=published.consultation)
    Comment.objects.filter(pk=removed.pk).update(status=Comment.Status.REMOVED, body="")

    assert list(Comment.objects.visible()) == [published]
