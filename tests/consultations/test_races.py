"""Votes, supports and comments under concurrent load, with real transactions.

Marked `races`: `make test` runs them on PostgreSQL with the whole suite, then once more on a
SQLite file (the embedded default), where writers must queue instead of failing. Every thread
opens its own database connection, as every request of a threaded server does.
"""

import io
import re
import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from consultations import services
from consultations.models import Comment, CommentSupport, Vote
from consultations.selectors import tallies
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory


def _in_memory_sqlite() -> bool:
    test_name = connection.settings_dict.get("TEST", {}).get("NAME") or ":memory:"
    return connection.vendor == "sqlite" and connection.creation.is_in_memory_db(test_name)


pytestmark = [
    pytest.mark.races,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        _in_memory_sqlite(),
        reason="needs PostgreSQL or a SQLite file (make test runs them on both)",
    ),
]
CHOICES = ["agree", "disagree", "abstain"]


def _all_at_once(jobs: list[Callable[[], object]], threads: int) -> list[BaseException]:
    """Run the jobs on `threads` threads that start together; return what they raised."""
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []
    chunks = [jobs[start::threads] for start in range(threads)]

    def work(chunk: list[Callable[[], object]]) -> None:
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


def _signed_in_browsers(citizen, count: int) -> list[Client]:
    """`count` browsers sharing one signed-in session (tabs, a double click, a retrying proxy)."""
    first = Client()
    first.force_login(citizen)
    browsers = [first]
    for _ in range(count - 1):
        browser = Client()
        browser.cookies = first.cookies
        browsers.append(browser)
    return browsers


def _url(consultation) -> str:
    return f"/en/consultations/{consultation.slug_en}/"


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
    _counters_match_the_rows()


def test_fifty_concurrent_supports_of_one_citizen_leave_one_row():
    comment = CommentFactory()
    citizen = CitizenFactory()
    jobs = [lambda: services.comment_support(comment=comment, user=citizen)] * 50

    assert _all_at_once(jobs, threads=50) == []

    assert CommentSupport.objects.filter(comment=comment, user=citizen).count() == 1
    _counters_match_the_rows()


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
    _counters_match_the_rows()


def _counters_match_the_rows() -> None:
    """Recounted from the rows by the command an operator runs: no counter drifted."""
    out = io.StringIO()
    call_command("recount_counters", stdout=out)
    assert out.getvalue() == "Every counter matches its rows.\n"


def test_fifty_citizens_commenting_and_replying_at_once_are_all_recorded():
    consultation = ConsultationFactory()
    parent = CommentFactory(consultation=consultation, body="Where do we start?")
    citizens = [CitizenFactory() for _ in range(50)]
    jobs = [
        (lambda n=n, citizen=citizen: services.comment_submit(
            consultation=consultation, author=citizen, language="en",
            body=f"Voice number {n}.", parent=parent if n % 2 else None,
        ))
        for n, citizen in enumerate(citizens)
    ]  # fmt: skip

    assert _all_at_once(jobs, threads=25) == []

    bodies = Comment.objects.filter(consultation=consultation).exclude(pk=parent.pk)
    assert sorted(bodies.values_list("body", flat=True)) == sorted(
        f"Voice number {n}." for n in range(50)
    )
    assert bodies.filter(parent=parent).count() == 25
    _counters_match_the_rows()


def test_simultaneous_vote_posts_of_one_signed_in_citizen_all_succeed():
    consultation = ConsultationFactory()
    citizen = CitizenFactory()
    browsers = _signed_in_browsers(citizen, 10)
    answers: list[int] = []
    jobs = [
        (lambda browser=browser, choice=CHOICES[n % 3]: answers.append(
            browser.post(f"{_url(consultation)}vote/", {"choice": choice}).status_code
        ))
        for n, browser in enumerate(browsers)
    ]  # fmt: skip

    assert _all_at_once(jobs, threads=10) == []

    assert answers == [302] * 10
    (choice,) = Vote.objects.filter(consultation=consultation, user=citizen).values_list(
        "choice", flat=True
    )
    page = browsers[0].get(_url(consultation)).content.decode()
    assert re.findall(r'type="radio" name="choice" value="(\w+)"[^>]* checked>', page) == [choice]
    assert "Your vote is recorded." in page


def test_simultaneous_comment_posts_of_twenty_citizens_are_all_published():
    consultation = ConsultationFactory()
    browsers = [_signed_in_browsers(CitizenFactory(), 1)[0] for _ in range(20)]
    answers: list[int] = []
    jobs = [
        (lambda browser=browser, n=n: answers.append(
            browser.post(f"{_url(consultation)}comments/", {"body": f"Said at once {n:02}."})
            .status_code
        ))
        for n, browser in enumerate(browsers)
    ]  # fmt: skip

    assert _all_at_once(jobs, threads=20) == []

    assert answers == [302] * 20
    page = Client().get(f"{_url(consultation)}discussion/draft/").content.decode()
    assert all(f"Said at once {n:02}." in page for n in range(20))
