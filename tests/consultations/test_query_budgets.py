"""Query budgets of the participation pages: the same number of queries for one item of each
kind as for many, asserted together with what the page shows.

Visitors' pages are measured on the first request, which the page cache
(inepa_portal.pagecache) does not answer yet: the view runs in full, and the cache it then
fills costs no query (the cache is not the database). Signed-in people always get a page
made for them.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations import services
from consultations.models import Consultation, Vote
from consultations.moderation import services as moderation
from consultations.results import tasks as results_tasks
from consultations.selectors import COMMENTS_PER_TARGET
from consultations.views import COMMENTS_PER_PAGE
from tests.consultations.factories import (
    CommentFactory,
    ConsultationFactory,
    SectionFactory,
    VoteFactory,
)
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

MANY = 6
SIZES = pytest.mark.parametrize("size", [1, MANY], ids=["1", f"{MANY}"])
# Sections, and threads on each of them and on the draft: one of each, or many (more threads
# than a consultation page shows of a target, fewer than a discussion page shows).
DISCUSSED = pytest.mark.parametrize(
    ("sections", "threads"), [(1, 1), (5, COMMENTS_PER_TARGET + 2)], ids=["1", "many"]
)


@pytest.fixture
def citizen(client):
    """A verified citizen, signed in."""
    person = CitizenFactory(display_name="Maja K.")
    client.force_login(person)
    return person


def _url(consultation: Consultation, rest: str = "") -> str:
    return f"/en/consultations/{consultation.slug_en}/{rest}"


def _target_name(section) -> str:
    return section.heading_en if section else "the draft"


def _discussed(sections: int, threads: int, *, reader=None) -> Consultation:
    """An open consultation with `sections` sections, and on each of them and on the draft as
    a whole: `threads` comments (each with a reply, a supporter and an official response) and
    as many votes, then a hidden comment and an official response to the target. The `reader`
    supports every comment they did not write and votes on every target."""
    assert threads + 1 <= COMMENTS_PER_PAGE  # a discussion page shows them all
    consultation = ConsultationFactory(title_en="Guidelines for involving NGOs")
    chapters = [
        SectionFactory(consultation=consultation, position=number, heading_en=f"Chapter {number}")
        for number in range(1, sections + 1)
    ]
    people = [CitizenFactory(display_name=f"Citizen {number}") for number in range(threads)]
    supporter = CitizenFactory(display_name="Supporter")
    staff = StaffFactory(display_name="Moderator")
    for section in [None, *chapters]:
        name = _target_name(section)
        for number, person in enumerate(people):
            comment = CommentFactory(
                consultation=consultation,
                section=section,
                author=person,
                body=f"Comment {number} on {name}.",
            )
            CommentFactory(
                consultation=consultation,
                parent=comment,
                author=supporter,
                body=f"Reply to comment {number} on {name}.",
            )
            services.comment_support(comment=comment, user=supporter)
            if reader is not None:
                services.comment_support(comment=comment, user=reader)
            moderation.official_response_create(
                consultation=consultation,
                author=staff,
                comment=comment,
                body_sl="Odgovor.",
                body_en=f"Answer to comment {number} on {name}.",
            )
            VoteFactory(consultation=consultation, section=section, user=person)
        hidden = CommentFactory(
            consultation=consultation, section=section, body=f"Advert on {name}."
        )
        moderation.comment_moderate(comment=hidden, moderator=staff, action="hide", reason="spam")
        moderation.official_response_create(
            consultation=consultation,
            author=staff,
            section=section,
            body_sl="Odgovor.",
            body_en=f"Answer on {name}.",
        )
        if reader is not None:
            services.vote_cast(
                consultation=consultation, user=reader, choice=Vote.Choice.DISAGREE, section=section
            )
    return consultation


def _missing(page: str, texts: list[str]) -> list[str]:
    return [text for text in texts if text not in page]


def _thread_texts(section, numbers: range) -> list[str]:
    """What a target's discussion shows of these threads: comments, replies and answers."""
    name = _target_name(section)
    return [
        text
        for number in numbers
        for text in (
            f"Comment {number} on {name}.",
            f"Reply to comment {number} on {name}.",
            f"Answer to comment {number} on {name}.",
        )
    ]


def _shows_every_target(page: str, consultation: Consultation, threads: int) -> None:
    """A consultation page shows each target's first threads (comments, replies, answers),
    links to the rest, counts its comments and votes; never a hidden comment's text."""
    shown = min(threads, COMMENTS_PER_TARGET)
    targets = [None, *consultation.sections.all()]
    for section in targets:
        name = _target_name(section)
        assert _missing(page, [*_thread_texts(section, range(shown)), f"Answer on {name}."]) == []
        beyond = _thread_texts(section, range(shown, threads))  # on the discussion page
        assert [text for text in beyond if text in page] == []
        assert f"Advert on {name}." not in page
    assert page.count(f"{2 * threads} comments</h3>") == len(targets)  # comments and replies
    assert page.count(f"Agree</th><td>{threads}</td>") == len(targets)
    link = f"Read the whole discussion ({threads + 1} threads)"  # the hidden one's too
    assert page.count(link) == (len(targets) if threads + 1 > COMMENTS_PER_TARGET else 0)
    assert f"spam: {len(targets)}</dd>" in page  # the moderation summary, by reason


@DISCUSSED
def test_consultation_page_has_a_fixed_query_budget_for_visitors(
    client, django_assert_num_queries, sections, threads
):
    consultation = _discussed(sections, threads)

    # consultation, sections, the first threads of each target (one lookup each, in one query),
    # the threads counted, the replies (a few per thread), official responses, the moderation
    # summary. Issue #12: tallies, comment and support counts are kept on the rows (three
    # queries fewer); the threads are counted apart from finding the first ones (one more).
    with django_assert_num_queries(7):
        response = client.get(_url(consultation))

    page = response.content.decode()
    _shows_every_target(page, consultation, threads)
    shown = (sections + 1) * min(threads, COMMENTS_PER_TARGET)
    assert page.count('class="supports">1 supporter<') == shown
    # The next visitor gets the cached page: no query at all, the same page.
    with django_assert_num_queries(0):
        cached = client.get(_url(consultation))
    without_tokens = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert without_tokens.sub(b"", cached.content) == without_tokens.sub(b"", response.content)


@DISCUSSED
def test_consultation_page_has_a_fixed_query_budget_for_citizens(
    client, django_assert_num_queries, citizen, sections, threads
):
    consultation = _discussed(sections, threads, reader=citizen)

    # the visitor's 7, + session, user, verified email, the citizen's supports and votes, the
    # comments shown that the citizen reported (to show "You reported this"), the header's
    # unread notifications with whether they follow this consultation (one query)
    with django_assert_num_queries(14):
        response = client.get(_url(consultation))

    page = response.content.decode()
    _shows_every_target(page, consultation, threads)
    shown = (sections + 1) * min(threads, COMMENTS_PER_TARGET)
    assert page.count('class="supports">2 supporters<') == shown
    assert page.count("Withdraw my support") == shown
    assert page.count("Disagree</th><td>1</td>") == sections + 1  # the citizen's own
    assert page.count("You can change your vote until the consultation closes.") == sections + 1


@DISCUSSED
def test_closed_consultation_page_with_its_results_has_a_fixed_query_budget(
    client, django_assert_num_queries, sections, threads
):
    consultation = _discussed(sections, threads)
    Consultation.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")

    # the open consultation's 7, + its results files
    with django_assert_num_queries(8):
        response = client.get(_url(consultation))

    page = response.content.decode()
    _shows_every_target(page, consultation, threads)
    assert "This consultation is closed." in page
    assert "Results and open data" in page
    assert "being prepared" not in page
    for kind in ("pdf", "csv", "json"):
        assert f'href="{_url(consultation, f"results.{kind}")}"' in page


def _discussion_url(consultation: Consultation, section) -> str:
    return _url(consultation, f"discussion/{section.pk if section else 'draft'}/")


@pytest.mark.parametrize("target", ["draft", "section"])
@DISCUSSED
def test_discussion_page_has_a_fixed_query_budget_for_visitors(
    client, django_assert_num_queries, sections, threads, target
):
    consultation = _discussed(sections, threads)
    section = consultation.sections.first() if target == "section" else None
    name = _target_name(section)
    # consultation, the section (not for the draft), the target's comments counted (for the
    # pages) and the page of them with their support counts, their replies, official responses;
    # the target's own official responses (its tally and comment count are counters on the
    # consultation or section, read with it)
    queries = 7 if section else 6
    with django_assert_num_queries(queries):
        response = client.get(_discussion_url(consultation, section))

    page = response.content.decode()
    assert _missing(page, _thread_texts(section, range(threads))) == []
    assert f"Advert on {name}." not in page
    assert page.count("Hidden by a moderator: spam.") == 1
    assert page.count('class="supports">1 supporter<') == threads
    assert "Page 1 of 1" in page


@DISCUSSED
def test_discussion_page_has_a_fixed_query_budget_for_citizens(
    client, django_assert_num_queries, citizen, sections, threads
):
    consultation = _discussed(sections, threads, reader=citizen)
    section = consultation.sections.first()
    name = _target_name(section)

    # the visitor's 7, + session, user, the citizen's supports, verified email, their vote on
    # the target, the comments shown that they reported, the header's unread notifications
    with django_assert_num_queries(14):
        response = client.get(_discussion_url(consultation, section))

    page = response.content.decode()
    assert _missing(page, _thread_texts(section, range(threads))) == []
    assert f"Advert on {name}." not in page
    assert page.count("Withdraw my support") == threads
    assert page.count('class="supports">2 supporters<') == threads


def _listed(size: int, *, results: bool = True) -> list[Consultation]:
    """`size` consultations of each state, the closed ones with their results files in English
    (unless told otherwise), and an unpublished one."""
    now = timezone.now()
    consultations = []
    for number in range(size):
        consultations.append(ConsultationFactory(title_en=f"Open consultation {number}"))
        consultations.append(
            ConsultationFactory(
                title_en=f"Upcoming consultation {number}",
                opens_at=now + timedelta(days=3 + number),
                closes_at=now + timedelta(days=30),
            )
        )
        closed = ConsultationFactory(
            title_en=f"Closed consultation {number}",
            opens_at=now - timedelta(days=30),
            closes_at=now - timedelta(days=1 + number),
        )
        if results:
            results_tasks.dossier_render(consultation_id=closed.pk, language="en")
        consultations.append(closed)
    ConsultationFactory(title_en="Unpublished consultation", is_published=False)
    return consultations


def _shows_the_listed(page: str, size: int) -> None:
    titles = [
        f"{state} consultation {n}" for state in ("Open", "Upcoming", "Closed") for n in range(size)
    ]
    assert _missing(page, titles) == []
    assert "Unpublished consultation" not in page
    assert page.count("left).") == size
    assert page.count("Opens on") == size
    assert page.count("Closed on") == size
    assert page.count("Results and open data") == size
    assert page.count("Results dossier (PDF)") == size
    assert "being prepared" not in page


@SIZES
def test_consultation_list_has_a_fixed_query_budget_for_visitors(
    client, django_assert_num_queries, size
):
    _listed(size)

    # the consultations, the results files of the closed ones
    with django_assert_num_queries(2):
        response = client.get("/en/consultations/")

    _shows_the_listed(response.content.decode(), size)


@SIZES
def test_consultation_list_has_a_fixed_query_budget_for_citizens(
    client, django_assert_num_queries, citizen, size
):
    _listed(size)

    # + session, user, the header's unread notifications
    with django_assert_num_queries(5):
        response = client.get("/en/consultations/")

    _shows_the_listed(response.content.decode(), size)


@SIZES
def test_consultation_feed_has_a_fixed_query_budget(client, django_assert_num_queries, size):
    consultations = _listed(size, results=False)

    # the published consultations that have opened
    with django_assert_num_queries(1):
        response = client.get("/en/consultations/feed/")

    feed = response.content.decode()
    assert feed.count("<entry>") == 2 * size  # the open and the closed ones
    for consultation in consultations:
        listed = consultation.state() != Consultation.State.UPCOMING
        assert (f"<title>{consultation.title_en}</title>" in feed) is listed
    assert feed.count("Open for comments and votes until") == size
    assert feed.count("Closed on") == size
    assert "Unpublished consultation" not in feed
