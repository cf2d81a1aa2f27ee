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
