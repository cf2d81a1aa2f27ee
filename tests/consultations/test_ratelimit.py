"""Posting limits hold under simultaneous requests and are spent only on accepted posts, in
the shared cache (Redis, as in production) and in local memory (the embedded default)."""

import threading
import time
from datetime import timedelta

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains

from consultations.models import Comment
from consultations.moderation.models import Flag
from inepa_portal import ratelimit
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory

# Redis database 13 is this file's own (tests/scale uses 12); it is emptied before and after.
REDIS = "redis://127.0.0.1:6379/13"
CACHES = {
    "redis": {
        "BACKEND": "inepa_portal.cache.RedisCache",  # production's backend
        "LOCATION": REDIS,
        "KEY_PREFIX": "inepa-ratelimit-test",
    },
    "locmem": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ratelimit-test",
    },
}
WAIT = "You have posted a lot in a short time."


def _let_go_of_the_cache() -> None:
    """Django's RedisCache never closes its connection pool (there is one per thread): left to
    the garbage collector, its sockets would warn (an error in this suite). Disconnect them."""
    client = caches["default"].__dict__.get("_cache")  # made on first use
    for pool in getattr(client, "_pools", {}).values():
        pool.disconnect()


@pytest.fixture(params=list(CACHES))
def limit_cache(request, settings):
    """The cache that counts, emptied before and after; 3 comments a minute and nothing more."""
    settings.CACHES = {"default": CACHES[request.param]}
    settings.PARTICIPATION_LIMITS = {"comment": [(3, 60)], "reply": [(3, 60)], "flag": [(1, 60)]}
    cache.clear()
    yield request.param
    cache.clear()
    _let_go_of_the_cache()


def _away_from_the_minute_boundary(needed: float = 20) -> None:
    """Limits count in fixed windows of a wall-clock minute; a burst that straddled two of them
    could rightly be let through twice. Start the burst where it fits in one."""
    left = 60 - time.time() % 60
    if left < needed:
        time.sleep(left + 0.5)


def _signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_thirty_simultaneous_posts_against_three_a_minute_publish_exactly_three(limit_cache):
    consultation = ConsultationFactory()
    citizen = CitizenFactory()
    url = f"/en/consultations/{consultation.slug_en}/comments/"
    clients = [_signed_in(citizen) for _ in range(30)]
    barrier = threading.Barrier(30)
    answers: list = [None] * 30
    errors: list[BaseException] = []

    def post(number: int) -> None:
        try:
            barrier.wait()
            answers[number] = clients[number].post(url, {"body": f"Burst post number {number}."})
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()
            _let_go_of_the_cache()

    _away_from_the_minute_boundary()
    threads = [threading.Thread(target=post, args=(number,)) for number in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    accepted = [answer for answer in answers if answer.status_code == 302]
    refused = [answer for answer in answers if answer.status_code == 400]
    assert (len(accepted), len(refused)) == (3, 27)
    assert Comment.objects.filter(author=citizen).count() == 3
    for answer in refused:
        assertContains(answer, WAIT, status_code=400)


@pytest.mark.django_db
def test_empty_posts_spend_nothing_and_the_fourth_good_post_is_refused(client, limit_cache):
    consultation = ConsultationFactory()
    client.force_login(CitizenFactory())
    url = f"/en/consultations/{consultation.slug_en}/comments/"
    _away_from_the_minute_boundary()

    for _ in range(5):
        empty = client.post(url, {"body": ""})
        assertContains(empty, "Write something before you send your comment.", status_code=400)
    for number in range(3):
        assert client.post(url, {"body": f"Good post {number}."}).status_code == 302
    fourth = client.post(url, {"body": "One too many."})

    assertContains(fourth, WAIT, status_code=400)
    assertContains(fourth, "One too many.", status_code=400)  # the text is kept
    assert Comment.objects.count() == 3


@pytest.mark.django_db
def test_a_post_the_service_refuses_gives_its_turn_back(client, limit_cache, settings):
    settings.PARTICIPATION_LIMITS = {"comment": [(1, 60)]}
    closed = ConsultationFactory(
        opens_at=timezone.now() - timedelta(days=9), closes_at=timezone.now() - timedelta(days=1)
    )
    open_one = ConsultationFactory()
    client.force_login(CitizenFactory())
    _away_from_the_minute_boundary()

    late = client.post(f"/en/consultations/{closed.slug_en}/comments/", {"body": "Too late."})
    on_time = client.post(f"/en/consultations/{open_one.slug_en}/comments/", {"body": "In time."})

    assertContains(late, "nothing more can be recorded.", status_code=400)
    assert on_time.status_code == 302
    assert list(Comment.objects.values_list("body", flat=True)) == ["In time."]


@pytest.mark.django_db
def test_a_refused_report_gives_its_turn_back(client, limit_cache):
    citizen = CitizenFactory()
    mine = CommentFactory(author=citizen)
    theirs = CommentFactory(consultation=mine.consultation)
    client.force_login(citizen)
    slug = mine.consultation.slug_en
    _away_from_the_minute_boundary()

    own = client.post(f"/en/consultations/{slug}/comments/{mine.pk}/flag/", {"reason": "spam"})
    invalid = client.post(f"/en/consultations/{slug}/comments/{theirs.pk}/flag/", {"text": "?"})
    other = client.post(f"/en/consultations/{slug}/comments/{theirs.pk}/flag/", {"reason": "spam"})

    assertContains(own, "You cannot flag your own comment.", status_code=400)
    assertContains(invalid, "Choose a reason.", status_code=400)
    assert other.status_code == 302
    assert list(Flag.objects.values_list("comment_id", flat=True)) == [theirs.pk]


# The counter itself, with explicit moments.


def test_thirty_simultaneous_counts_against_three_give_exactly_three_permits(limit_cache):
    """The counter alone, all threads at the same instant (no database to spread them out)."""
    barrier = threading.Barrier(30)
    turns: list = []
    now = time.time()

    def take() -> None:
        barrier.wait()
        try:
            turns.append(ratelimit.consume(scope="comment", who="7", now=now))
        finally:
            _let_go_of_the_cache()

    threads = [threading.Thread(target=take) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    permits = [turn for turn in turns if isinstance(turn, ratelimit.Permit)]
    assert (len(permits), len(turns)) == (3, 30)
    assert cache.get(permits[0].keys[0]) == 3  # the refused ones gave their counts back


@pytest.mark.django_db
def test_a_window_counts_to_its_limit_and_a_new_window_starts_again(limit_cache, settings):
    settings.PARTICIPATION_LIMITS = {"comment": [(2, 60)]}
    start = 6_120_000.0  # the start of a minute

    first = ratelimit.consume(scope="comment", who="7", now=start)
    second = ratelimit.consume(scope="comment", who="7", now=start + 10)
    third = ratelimit.consume(scope="comment", who="7", now=start + 50)
    someone_else = ratelimit.consume(scope="comment", who="8", now=start + 50)
    next_minute = ratelimit.consume(scope="comment", who="7", now=start + 61)

    assert isinstance(first, ratelimit.Permit)
    assert isinstance(second, ratelimit.Permit)
    assert third == ratelimit.Refusal(retry_after=10)
    assert isinstance(someone_else, ratelimit.Permit)
    assert isinstance(next_minute, ratelimit.Permit)


@pytest.mark.django_db
def test_a_full_minute_spends_nothing_of_the_hour(limit_cache, settings):
    settings.PARTICIPATION_LIMITS = {"comment": [(1, 60), (2, 3600)]}
    start = 6_120_000.0  # the start of an hour (and of a minute)

    assert isinstance(ratelimit.consume(scope="comment", who="7", now=start), ratelimit.Permit)
    for second in range(1, 30):  # refused by the minute, again and again
        refusal = ratelimit.consume(scope="comment", who="7", now=start + second)
        assert refusal == ratelimit.Refusal(retry_after=60 - second)

    assert isinstance(ratelimit.consume(scope="comment", who="7", now=start + 61), ratelimit.Permit)
    assert ratelimit.consume(scope="comment", who="7", now=start + 200) == ratelimit.Refusal(
        retry_after=3400
    )


@pytest.mark.django_db
def test_a_permit_given_back_frees_its_turn_even_after_its_window_ended(limit_cache, settings):
    settings.PARTICIPATION_LIMITS = {"comment": [(1, 60)]}
    start = 6_120_000.0

    permit = ratelimit.consume(scope="comment", who="7", now=start)
    assert isinstance(ratelimit.consume(scope="comment", who="7", now=start + 1), ratelimit.Refusal)
    permit.give_back()
    again = ratelimit.consume(scope="comment", who="7", now=start + 2)

    assert isinstance(again, ratelimit.Permit)
    cache.delete_many(again.keys)  # the window expired in the cache
    again.give_back()  # nothing left to give back to: no error, no negative count
    assert isinstance(ratelimit.consume(scope="comment", who="7", now=start + 3), ratelimit.Permit)
    assert isinstance(ratelimit.consume(scope="comment", who="7", now=start + 4), ratelimit.Refusal)


@pytest.mark.django_db
def test_no_limits_configured_always_permits(limit_cache, settings):
    settings.PARTICIPATION_LIMITS = {}

    permits = [ratelimit.consume(scope="comment", who="7", now=0.0) for _ in range(50)]

    assert all(isinstance(permit, ratelimit.Permit) for permit in permits)
