"""Stored HTML per thread (issue #12, consultations/fragments.py): a thread is rendered once
and given from the cache to every reader who would see the same, while what is the reader's
own never reaches another reader, and any change shows at once, with nothing invalidated.

The tests keep the cache between requests (the test settings' local-memory cache), so every
second request below is served from what the first one stored.
"""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from accounts.services import display_name_change
from consultations import editing, services
from consultations.models import Comment, ModerationReason
from consultations.moderation import services as moderation
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    consultation = ConsultationFactory(title_en="Open data guidelines")
    SectionFactory(consultation=consultation, position=1, heading_en="Purpose")
    return consultation


@pytest.fixture
def comment(draft):
    return CommentFactory(
        consultation=draft,
        author=CitizenFactory(display_name="Nina P."),
        body="Publish the budget data every month.",
    )


def _url(consultation, path: str = "") -> str:
    return f"/en/consultations/{consultation.slug_en}/{path}"


def _page(client, consultation) -> str:
    response = client.get(_url(consultation))
    assert response.status_code == 200
    return response.content.decode()


def _thread(html: str, comment) -> str:
    """The HTML of `comment`'s card, up to the next comment or the end of its list."""
    start = html.index(f'<article class="comment" id="comment-{comment.pk}"')
    ends = [html.find(end, start + 1) for end in ('<article class="comment', "</ol>")]
    return html[start : min(end for end in ends if end != -1)]


def _reader(person) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    return client


def _stored_threads() -> int:
    return sum(1 for key in cache._cache if ":thread:" in key)


def test_a_thread_is_stored_once_and_given_to_the_next_reader_of_the_same_variant(draft, comment):
    first, second = _reader(CitizenFactory()), _reader(CitizenFactory())
    html = _page(first, draft)
    assert _stored_threads() == 1
    again = _page(second, draft)
    assert _stored_threads() == 1  # the second reader was given the first one's thread
    assert "Publish the budget data every month." in _thread(again, comment)
    assert _thread(again, comment).count("Support</button>") == 1
    # The same thread but for each reader's CSRF token.
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", _thread(again, comment)) == token.sub("", _thread(html, comment))


def test_what_one_reader_did_is_never_shown_to_another(draft, comment):
    ana, bor = CitizenFactory(), CitizenFactory()
    services.comment_support(comment=comment, user=ana)
    moderation.comment_flag(comment=comment, user=ana, reason=ModerationReason.SPAM)
    as_ana = _thread(_page(_reader(ana), draft), comment)
    as_bor = _thread(_page(_reader(bor), draft), comment)
    as_ana_again = _thread(_page(_reader(ana), draft), comment)

    assert "Withdraw my support" in as_ana
    assert "You reported this" in as_ana
    assert "Withdraw my support" in as_ana_again
    assert "You reported this" in as_ana_again
    assert "Withdraw my support" not in as_bor
    assert "You reported this" not in as_bor
    assert 'aria-pressed="false">Support</button>' in as_bor
    assert f"/comments/{comment.pk}/flag/" in as_bor
    # The author sees Delete on their own comment, and nobody else does.
    as_author = _thread(_page(_reader(comment.author), draft), comment)
    assert f"/comments/{comment.pk}/remove/" in as_author
    assert f"/comments/{comment.pk}/remove/" not in as_bor
    assert f"/comments/{comment.pk}/remove/" not in _thread(_page(Client(), draft), comment)


def test_each_part_of_the_readers_variant_keeps_threads_apart(draft, comment):
    """Two readers who differ in one thing only (a support, a report) see their own."""
    ana, bor, cene = CitizenFactory(), CitizenFactory(), CitizenFactory()
    services.comment_support(comment=comment, user=ana)
    moderation.comment_flag(comment=comment, user=cene, reason=ModerationReason.SPAM)
    threads = {
        person.pk: _thread(_page(_reader(person), draft), comment) for person in (ana, bor, cene)
    }
    assert "Withdraw my support" in threads[ana.pk]
    assert "Withdraw my support" not in threads[bor.pk] + threads[cene.pk]
    assert "You reported this" in threads[cene.pk]
    assert "You reported this" not in threads[ana.pk] + threads[bor.pk]


def test_a_stored_thread_carries_each_readers_own_csrf_token(draft, comment):
    """Forms in a thread given from the cache work for the reader they are given to."""
    _page(_reader(CitizenFactory()), draft)  # stores the thread with its support form
    bor = CitizenFactory()
    client = _reader(bor)
    thread = _thread(_page(client, draft), comment)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', thread).group(1)
    response = client.post(
        _url(draft, f"comments/{comment.pk}/support/"),
        {"csrfmiddlewaretoken": token, "action": "support"},
    )
    assert response.status_code == 302
    assert comment.supports.filter(user=bor).exists()


def test_a_visitor_is_not_given_a_citizens_thread(draft, comment):
    _page(_reader(CitizenFactory()), draft)
    thread = _thread(_page(Client(), draft), comment)
    assert "Publish the budget data every month." in thread
    assert "csrfmiddlewaretoken" not in thread
    assert "Support</button>" not in thread
    assert _stored_threads() == 2  # the citizen's and the visitor's


def test_changes_show_at_once_with_the_cache_kept(draft, comment):
    reader = _reader(CitizenFactory())
    _page(reader, draft)

    services.comment_support(comment=comment, user=CitizenFactory())
    assert "1 supporter<" in _thread(_page(reader, draft), comment)

    display_name_change(user=comment.author, name="Nina Petek")
    assert "Nina Petek" in _thread(_page(reader, draft), comment)

    staff = StaffFactory()
    moderation.official_response_create(
        consultation=draft,
        author=staff,
        body_sl="Podatke bomo objavljali mesečno.",
        body_en="We will publish the data monthly.",
        comment=comment,
    )
    assert "We will publish the data monthly." in _page(reader, draft)

    reply = CommentFactory(consultation=draft, parent=comment, body="Agreed, and as CSV.")
    html = _page(reader, draft)
    assert "Agreed, and as CSV." in html
    assert f'id="comment-{reply.pk}"' in html


def test_an_edit_shows_at_once(draft, comment):
    """Post-moderation (the factory's default): the corrected text is shown at once, marked."""
    reader = _reader(CitizenFactory())
    _page(reader, draft)
    editing.comment_edit(comment=comment, author=comment.author, body="Publish it weekly.")
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PUBLISHED
    thread = _thread(_page(reader, draft), comment)
    assert "Publish it weekly." in thread
    assert "edited" in thread
    assert "Publish the budget data every month." not in thread


def test_a_hidden_comment_is_never_given_from_the_cache(
    draft, comment, django_capture_on_commit_callbacks
):
    """Private stays private: once hidden, the stored thread with its text is not read again
    (and the visitors' page cache, expired after commit, makes the page anew)."""
    readers = [_reader(CitizenFactory()), Client()]
    for reader in readers:
        assert "Publish the budget data every month." in _page(reader, draft)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_moderate(
            comment=comment,
            moderator=StaffFactory(),
            action="hide",
            reason=ModerationReason.PERSONAL_DATA,
        )
    for n, reader in enumerate(readers):
        html = _page(reader, draft)
        assert "Publish the budget data every month." not in html, n
        assert "Hidden by a moderator: personal data." in _thread(html, comment)


def test_a_removed_comment_is_never_given_from_the_cache(draft, comment):
    reply = CommentFactory(consultation=draft, parent=comment, body="Monthly is too often.")
    reader = _reader(CitizenFactory())
    assert "Monthly is too often." in _page(reader, draft)
    services.comment_remove(comment=reply, author=reply.author)
    html = _page(reader, draft)
    assert "Monthly is too often." not in html


def test_feedback_beside_a_comment_is_shown_once_and_not_stored(draft, comment):
    client = Client()
    citizen = CitizenFactory()
    client.force_login(citizen)
    response = client.post(
        _url(draft, f"comments/{comment.pk}/support/"), {"action": "support"}, follow=True
    )
    first = _thread(response.content.decode(), comment)
    assert 'role="status"' in first
    later = _thread(_page(client, draft), comment)
    assert 'role="status"' not in later
    assert "Withdraw my support" in later
