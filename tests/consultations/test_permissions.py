from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from consultations import permissions
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_verified_citizens_take_part_while_open():
    consultation = ConsultationFactory()

    assert permissions.can_take_part(CitizenFactory(), consultation)


@pytest.mark.parametrize(
    "who",
    [
        AnonymousUser,
        UserFactory,  # signed up, email not verified
        lambda: CitizenFactory(is_active=False),
    ],
)
def test_nobody_else_takes_part(who):
    assert not permissions.can_take_part(who(), ConsultationFactory())


def test_nobody_takes_part_in_an_unpublished_consultation():
    assert not permissions.can_take_part(CitizenFactory(), ConsultationFactory(is_published=False))


@pytest.mark.parametrize(
    ("opens_in", "closes_in"),
    [(timedelta(days=1), timedelta(days=9)), (timedelta(days=-9), timedelta(seconds=-1))],
)
def test_nobody_takes_part_outside_the_window(opens_in, closes_in):
    now = timezone.now()
    consultation = ConsultationFactory(opens_at=now + opens_in, closes_at=now + closes_in)

    assert not permissions.can_take_part(CitizenFactory(), consultation)


def test_unpublished_consultations_are_for_staff_only():
    consultation = ConsultationFactory(is_published=False)

    assert permissions.can_view(StaffFactory(), consultation)
    assert not permissions.can_view(CitizenFactory(), consultation)
    assert not permissions.can_view(AnonymousUser(), consultation)


def test_only_the_author_may_remove_a_comment():
    comment = CommentFactory()

    assert permissions.can_remove(comment.author, comment)
    assert not permissions.can_remove(CitizenFactory(), comment)
    assert not permissions.can_remove(StaffFactory(), comment)


@pytest.mark.parametrize(
    ("who", "window", "published", "barrier"),
    [
        (CitizenFactory, "open", True, None),
        (CitizenFactory, "upcoming", True, "upcoming"),
        (AnonymousUser, "closed", True, "closed"),
        (AnonymousUser, "open", True, "sign_in"),
        (UserFactory, "open", True, "verify"),  # signed up, email not verified
        (lambda: CitizenFactory(is_active=False), "open", True, "verify"),
        (StaffFactory, "open", False, "unpublished"),  # a preview
    ],
)
def test_the_page_tells_the_first_thing_that_keeps_a_person_from_taking_part(
    who, window, published, barrier
):
    now = timezone.now()
    opens_at, closes_at = {
        "open": (now - timedelta(days=1), now + timedelta(days=1)),
        "upcoming": (now + timedelta(days=1), now + timedelta(days=9)),
        "closed": (now - timedelta(days=9), now - timedelta(days=1)),
    }[window]
    consultation = ConsultationFactory(
        opens_at=opens_at, closes_at=closes_at, is_published=published
    )
    person = who()

    assert permissions.participation_barrier(person, consultation) == barrier
    assert permissions.can_take_part(person, consultation) == (barrier is None)


def _shown(consultation, **kwargs):
    """A comment as a page shows it: with its replies attached."""
    comment = CommentFactory(consultation=consultation, **kwargs)
    comment.shown_replies = []
    return comment


def test_a_reader_may_support_reply_to_and_report_others_comments_and_remove_their_own():
    consultation = ConsultationFactory()
    reader = CitizenFactory()
    others = _shown(consultation)
    mine = _shown(consultation, author=reader)
    reply = CommentFactory(consultation=consultation, parent=others)
    others.shown_replies = [reply]
    hidden = _shown(consultation)
    hidden.status = hidden.Status.HIDDEN

    allowed = permissions.comment_permissions(
        reader, [others, mine, hidden], taking_part=permissions.can_take_part(reader, consultation)
    )

    assert allowed == permissions.CommentPermissions(
        support=frozenset({others.pk, reply.pk}),
        reply=frozenset({others.pk, mine.pk}),  # not to a reply: threads are one level deep
        remove=frozenset({mine.pk}),
        report=frozenset({others.pk, reply.pk}),
        edit=frozenset({mine.pk}),  # just written, not answered yet
    )


@pytest.mark.parametrize("who", ["visitor", "author"])
def test_outside_taking_part_only_an_author_may_remove_their_comment(who):
    comment = _shown(ConsultationFactory())
    reader = comment.author if who == "author" else AnonymousUser()

    allowed = permissions.comment_permissions(reader, [comment], taking_part=False)

    assert allowed == permissions.CommentPermissions(
        remove=frozenset({comment.pk}) if who == "author" else frozenset()
    )
