import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from consultations.models import Comment, Vote
from tests.consultations.factories import (
    CommentFactory,
    ConsultationFactory,
    SectionFactory,
    VoteFactory,
)
from tests.factories import CitizenFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    consultation = ConsultationFactory(
        title_sl="Smernice za vključevanje NVO", title_en="Guidelines for involving NGOs"
    )
    SectionFactory(consultation=consultation, position=1, heading_en="Purpose",
                   heading_sl="Namen", body_en="Why these **guidelines**.")  # fmt: skip
    SectionFactory(consultation=consultation, position=2, heading_en="Principles",
                   heading_sl="Načela")  # fmt: skip
    return consultation


@pytest.fixture
def citizen(client):
    person = CitizenFactory(display_name="Maja K.")
    client.force_login(person)
    return person


def _url(consultation, language="en") -> str:
    return f"/{language}/consultations/{getattr(consultation, f'slug_{language}')}/"


def test_list_orders_open_then_upcoming_then_closed(client):
    now = timezone.now()
    ConsultationFactory(title_en="Closed one", opens_at=now - timedelta(days=30),
                        closes_at=now - timedelta(days=1))  # fmt: skip
    ConsultationFactory(title_en="Upcoming one", opens_at=now + timedelta(days=3),
                        closes_at=now + timedelta(days=30))  # fmt: skip
    ConsultationFactory(title_en="Open one")

    html = client.get("/en/consultations/").content.decode()

    assert html.index("Open one") < html.index("Upcoming one") < html.index("Closed one")
    assert "left)." in html  # the time left of the open one
    assert "Opens on" in html
    assert "Closed on" in html


def test_unpublished_consultation_is_invisible_to_visitors(client):
    hidden = ConsultationFactory(title_en="Secret draft", is_published=False)

    assertNotContains(client.get("/en/consultations/"), "Secret draft")
    assertNotContains(client.get("/en/consultations/feed/"), "Secret draft")
    assert client.get(_url(hidden)).status_code == 404


def test_staff_see_an_unpublished_consultation_with_a_warning(client):
    hidden = ConsultationFactory(title_en="Secret draft", is_published=False)
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_consultation"))
    client.force_login(editor)

    response = client.get(_url(hidden))

    assertContains(response, "Preview: this consultation is not published")


def test_moderators_see_no_unpublished_consultation(client):
    """Pen test #17.6, for consultations: view-only staff read no unpublished draft."""
    hidden = ConsultationFactory(title_en="Secret draft", is_published=False)
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)

    assert client.get(_url(hidden)).status_code == 404
    assertNotContains(client.get("/en/consultations/"), "Secret draft")


def test_page_shows_the_draft_section_by_section_with_counts_and_tallies(client, draft):
    purpose = draft.sections.get(position=1)
    CommentFactory(consultation=draft, section=purpose, body="Clear *purpose*.")
    VoteFactory(consultation=draft, section=purpose, choice=Vote.Choice.AGREE)
    VoteFactory(consultation=draft, section=purpose, choice=Vote.Choice.DISAGREE)
    VoteFactory(consultation=draft, section=purpose, choice=Vote.Choice.AGREE)

    response = client.get(_url(draft))

    assertContains(response, "<h1>Guidelines for involving NGOs</h1>", html=True)
    assertContains(response, "<p>Why these <strong>guidelines</strong>.</p>", html=True)
    assertContains(response, "<p>Clear <em>purpose</em>.</p>", html=True)
    html = response.content.decode()
    purpose_part = html[html.index('id="section-') : html.index("Principles</h2>")]
    assert "1 comment</h3>" in purpose_part
    assert "<td>2</td>" in purpose_part
    assert "67&nbsp;%" in purpose_part


def test_visitors_are_invited_to_sign_in_and_come_back(client, draft):
    response = client.get(_url(draft))

    assertContains(response, "Sign in to comment and vote")
    assertContains(response, f'href="/en/accounts/login/?next={_url(draft).replace("/", "%2F")}"')
    assertNotContains(response, 'name="body"')


def test_citizen_comments_on_a_section(client, citizen, draft):
    purpose = draft.sections.get(position=1)

    response = client.post(
        f"{_url(draft)}comments/", {"body": "I **agree**.", "section": purpose.pk}, follow=True
    )

    comment = Comment.objects.get()
    assert (comment.author, comment.section, comment.language) == (citizen, purpose, "en")
    assertContains(response, "Thank you: your comment is published.")
    assertContains(response, "<p>I <strong>agree</strong>.</p>", html=True)
    assert response.redirect_chain[-1][0].endswith(f"#comment-{comment.pk}")


def test_empty_comment_is_refused_with_a_translated_error(client, citizen, draft):
    response = client.post("/sl/consultations/" + draft.slug_sl + "/comments/", {"body": "  "})

    assert response.status_code == 400
    assertContains(response, "Pred pošiljanjem komentarja nekaj napišite.", status_code=400)


def test_too_long_comment_keeps_what_was_typed(client, citizen, draft):
    text = "Dolgo besedilo. " * 400

    response = client.post(f"{_url(draft)}comments/", {"body": text})

    assert response.status_code == 400
    assertContains(response, "Ensure this value has at most 5000 characters", status_code=400)
    assertContains(response, text.strip()[:200], status_code=400)
    assert Comment.objects.count() == 0


def test_comment_after_closing_is_refused_with_the_text_kept(client, citizen):
    consultation = ConsultationFactory(opens_at=timezone.now() - timedelta(days=9),
                                       closes_at=timezone.now() + timedelta(days=1))  # fmt: skip
    type(consultation).objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )

    response = client.post(f"{_url(consultation)}comments/", {"body": "Just in time?"})

    assert response.status_code == 400
    assertContains(response, "This consultation closed on", status_code=400)
    assertContains(response, "Just in time?", status_code=400)
    assert Comment.objects.count() == 0


def test_visitor_post_is_sent_to_sign_in_and_nothing_is_recorded(client, draft):
    response = client.post(f"{_url(draft)}comments/", {"body": "Anonymous?"})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert Comment.objects.count() == 0


def test_unverified_account_cannot_take_part(client, draft):
    client.force_login(UserFactory())

    client.post(f"{_url(draft)}vote/", {"choice": "agree"})

    assert Vote.objects.count() == 0
    assertContains(client.get(_url(draft)), "Verify your email address")


def test_citizen_replies_to_a_comment(client, citizen, draft):
    parent = CommentFactory(consultation=draft, body="What about rural areas?")

    client.post(f"{_url(draft)}comments/", {"body": "Good question.", "parent": parent.pk})

    reply = Comment.objects.get(parent=parent)
    assert reply.author == citizen
    html = client.get(_url(draft)).content.decode()
    assert html.index("What about rural areas?") < html.index("Good question.")


def test_citizen_votes_changes_the_vote_and_sees_it(client, citizen, draft):
    client.post(f"{_url(draft)}vote/", {"choice": "agree"})
    response = client.post(f"{_url(draft)}vote/", {"choice": "abstain"}, follow=True)

    assert list(Vote.objects.values_list("user", "choice")) == [(citizen.pk, "abstain")]
    assertContains(response, "Your vote is recorded.")
    checked = re.findall(r'type="radio" name="choice" value="(\w+)"[^>]* checked>', response.text)
    assert checked == ["abstain"]


def test_citizen_supports_and_withdraws_support(client, citizen, draft):
    comment = CommentFactory(consultation=draft)

    client.post(f"{_url(draft)}comments/{comment.pk}/support/", {"action": "support"})
    assertContains(client.get(_url(draft)), "1 supporter")
    client.post(f"{_url(draft)}comments/{comment.pk}/support/", {"action": "withdraw"})

    assertContains(client.get(_url(draft)), "0 supporters")


def test_author_deletes_a_comment_after_confirming(client, citizen, draft):
    comment = CommentFactory(consultation=draft, author=citizen, body="Second thoughts.")
    CommentFactory(consultation=draft, parent=comment, body="A reply that stays.")

    confirm = client.get(f"{_url(draft)}comments/{comment.pk}/remove/")
    assertContains(confirm, "Delete your comment?")
    client.post(f"{_url(draft)}comments/{comment.pk}/remove/")

    page = client.get(_url(draft))
    assertNotContains(page, "Second thoughts.")
    assertContains(page, "Deleted by the author.")
    assertContains(page, "A reply that stays.")


def test_nobody_else_can_delete_a_comment(client, citizen, draft):
    comment = CommentFactory(consultation=draft)

    response = client.post(f"{_url(draft)}comments/{comment.pk}/remove/")

    assert response.status_code == 404
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PUBLISHED


def test_closed_consultation_is_read_only(client, citizen):
    consultation = ConsultationFactory(opens_at=timezone.now() - timedelta(days=30),
                                       closes_at=timezone.now() - timedelta(days=1))  # fmt: skip

    response = client.get(_url(consultation))

    assertContains(response, "This consultation is closed.")
    assertNotContains(response, 'name="body"')
    assertNotContains(response, 'name="choice"')


def test_other_languages_slug_redirects(client, draft):
    assertRedirects(client.get(f"/en/consultations/{draft.slug_sl}/"), _url(draft), status_code=301)


def test_long_discussions_link_to_their_paginated_page(client, draft):
    purpose = draft.sections.get(position=1)
    for number in range(12):
        CommentFactory(consultation=draft, section=purpose, body=f"Thread {number:02}")

    page = client.get(_url(draft))
    assertContains(page, "Thread 09")
    assertNotContains(page, "Thread 10")
    assertContains(page, "Read the whole discussion (12 threads)")

    discussion = client.get(f"{_url(draft)}discussion/{purpose.pk}/")
    assertContains(discussion, "Thread 11")


def test_feed_lists_open_and_closed_consultations(client, draft):
    ConsultationFactory(title_en="Finished one", opens_at=timezone.now() - timedelta(days=30),
                        closes_at=timezone.now() - timedelta(days=1))  # fmt: skip

    response = client.get("/en/consultations/feed/")

    assertContains(response, "Guidelines for involving NGOs")
    assertContains(response, "Open for comments and votes until")
    assertContains(response, "Finished one")
    assertContains(response, "Closed on")


def test_the_page_shows_a_few_replies_of_a_thread_and_links_to_all_of_them(client, draft):
    from consultations.selectors import REPLIES_PER_THREAD

    thread = CommentFactory(consultation=draft, body="Start of a long thread.")
    for number in range(REPLIES_PER_THREAD + 2):
        CommentFactory(consultation=draft, parent=thread, body=f"Reply number {number}.")
    short = CommentFactory(consultation=draft, body="A short thread.")
    CommentFactory(consultation=draft, parent=short, body="The only reply.")

    page = client.get(_url(draft)).content.decode()

    shown = [n for n in range(REPLIES_PER_THREAD + 2) if f"Reply number {n}." in page]
    assert shown == list(range(REPLIES_PER_THREAD))  # the first ones, in order
    link = f'href="/en/consultations/{draft.slug_en}/discussion/draft/?thread={thread.pk}"'
    assert f"{link}>All {REPLIES_PER_THREAD + 2} replies</a>" in page
    assert "The only reply." in page
    assert page.count("All ") == 1  # no link under the thread shown whole

    discussion = client.get(f"{_url(draft)}discussion/draft/").content.decode()
    assert f"{link}>All {REPLIES_PER_THREAD + 2} replies</a>" in discussion
    own_page = client.get(f"{_url(draft)}discussion/draft/?thread={thread.pk}").content.decode()
    assert all(f"Reply number {n}." in own_page for n in range(REPLIES_PER_THREAD + 2))
    assert "A short thread." not in own_page
    assert "replies</a>" not in own_page


def test_a_thread_page_shows_its_replies_page_by_page(client, draft):
    from consultations.views import REPLIES_PER_PAGE

    thread = CommentFactory(consultation=draft, body="A very long thread.")
    for number in range(REPLIES_PER_PAGE + 1):
        CommentFactory(consultation=draft, parent=thread, body=f"Reply {number:03}.")
    url = f"{_url(draft)}discussion/draft/?thread={thread.pk}"

    first = client.get(url).content.decode()
    second = client.get(f"{url}&page=2").content.decode()

    assert [n for n in range(REPLIES_PER_PAGE + 1) if f"Reply {n:03}." in first] == list(
        range(REPLIES_PER_PAGE)
    )
    assert f'href="?thread={thread.pk}&amp;page=2">Later replies</a>' in first
    assert f"Reply {REPLIES_PER_PAGE:03}." in second
    assert "A very long thread." in second
    assert f'href="?thread={thread.pk}&amp;page=1">Earlier replies</a>' in second


def test_a_thread_page_answers_404_for_what_is_no_thread_of_the_target(client, draft):
    from consultations.models import ModerationMode

    section = draft.sections.first()
    on_section = CommentFactory(consultation=draft, section=section, body="On a section.")
    reply = CommentFactory(consultation=draft, parent=CommentFactory(consultation=draft))
    other = CommentFactory(body="Elsewhere.")
    pending_place = ConsultationFactory(moderation_mode=ModerationMode.PRE)
    pending = CommentFactory(consultation=pending_place, body="Waiting.")
    base = f"{_url(draft)}discussion/draft/?thread="

    for thread in (on_section.pk, reply.pk, other.pk, "x1", 999999):
        assert client.get(f"{base}{thread}").status_code == 404, thread
    waiting = f"{_url(pending_place)}discussion/draft/?thread={pending.pk}"
    assert client.get(waiting).status_code == 404
    shown = client.get(f"{_url(draft)}discussion/{section.pk}/?thread={on_section.pk}")
    assert "On a section." in shown.content.decode()


def test_each_reply_form_names_its_own_comment(client, draft, citizen):
    first = CommentFactory(consultation=draft, body="First.")
    second = CommentFactory(consultation=draft, body="Second.")

    page = client.get(_url(draft)).content.decode()

    for comment in (first, second):
        hidden = f'name="parent" value="{comment.pk}" id="reply-{comment.pk}-parent"'
        assert f'<input type="hidden" {hidden}>' in page
        assert f'id="reply-{comment.pk}-body"' in page
    assert "__parent__" not in page
