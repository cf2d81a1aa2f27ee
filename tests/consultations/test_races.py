"""Votes and supports under concurrent load, with real transactions on PostgreSQL."""

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection

from consultations import services
from consultations.models import CommentSupport, Vote
from consultations.selectors import tallies
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
CHOICES = ["agree", "disagree", "abstain"]


def _all_at_once(jobs: list[Callable[[], None]], threads: int) -> list[BaseException]:
    """Run the jobs on `threads` threads that start together; return what they raised."""
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []
    chunks = [jobs[start::threads] for start in range(threads)]

    def work(chunk: list[Callable[[], None]]) -> None:
        try:
            barrier.wait()
            for job in chunk:
                job()
        except BaseException as error:  # reported by the caller's assertion
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=work, args=(chunk,)) for chunk in chunks]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    return errors


def test_fifty_concurrent_votes_of_one_citizen_leave_one_row():
    consultation = ConsultationFactory()
    citizen = CitizenFactory()
    jobs = [
        (lambda choice=CHOICES[n % 3]: services.vote_cast(
            consultation=consultation, user=citizen, choice=choice
        ))
        for n in range(50)
    ]  # fmt: skip

    assert _all_at_once(jobs, threads=50) == []

    assert Vote.objects.filter(consultation=consultation, user=citizen).count() == 1


def test_fifty_concurrent_supports_of_one_citizen_leave_one_row():
    comment = CommentFactory()
    citizen = CitizenFactory()
    jobs = [lambda: services.comment_support(comment=comment, user=citizen)] * 50

    assert _all_at_once(jobs, threads=50) == []

    assert CommentSupport.objects.filter(comment=comment, user=citizen).count() == 1


def test_two_hundred_citizens_voting_at_once_give_exact_tallies():
    consultation = ConsultationFactory()
    citizens = [CitizenFactory() for _ in range(200)]
    wanted = {citizen.pk: CHOICES[n % 3] for n, citizen in enumerate(citizens)}
    jobs = [
        (lambda citizen=citizen: services.vote_cast(
            consultation=consultation, user=citizen, choice=wanted[citizen.pk]
        ))
        for citizen in citizens
    ]  # fmt: skip

    assert _all_at_once(jobs, threads=25) == []

    rows = Counter(Vote.objects.filter(consultation=consultation).values_list("choice", flat=True))
    tally = tallies(consultation)[None]
    assert sum(rows.values()) == 200
    assert (tally.agree, tally.disagree, tally.abstain) == (
        rows["agree"], rows["disagree"], rows["abstain"],
    )  # fmt: skip
    assert rows == Counter(wanted.values())
