"""Feedback where the person is (issue #13): after each action the confirmation or error stands
beside the place acted on, on the page that shows that place; a reported comment says so."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Comment
from consultations.moderation import services as moderation
from consultations.selectors import COMMENTS_PER_TARGET
from tests.consultations.factories import (
    CommentFactory,
    ConsultationFactory,
    SectionFactory,
    VoteFactory,
)
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    consultation = ConsultationFactory(title_en="Guidelines for involving NGOs")
    SectionFactory(consultation=consultation, position=1, heading_en="Purpose")
    return consultation


@pytest.fixture
def citizen(client):
    person = CitizenFactory(display_name="Maja K.")
    client.force_login(person)
    return person


def _url(consultation) -> str:
    return f"/en/consultations/{consultation.slug_en}/"


def _element(html: str, element_id: str) -> str:
    """The opening tag with `element_id` and what follows it up to the next comment or section."""
    start = html.index(f'id="{element_id}"')
    ends = [html.find(marker, start + 1) for marker in ('<article class="comment', "<section")]
    ends = [end for end in ends if end != -1]
    return html[start : min(ends) if ends else len(html)]


def _top_messages(html: str) -> str:
    match = re.search(r'<div class="messages">(.*?)</div>', html, re.S)
    return match.group(1) if match else ""


def test_a_vote_is_confirmed_beside_the_votes_of_its_section(client, draft, citizen):
    section = draft.sections.get()
    response = client.post(
        f"{_url(draft)}vote/", {"choice": "agree", "section": section.pk}, follow=True
    )

    assert response.redirect_chain[-1][0].endswith(f"#{section.anchor}-votes")
    html = response.content.decode()
    votes = _element(html, f"{section.anchor}-votes")
    assert (
        '<p class="feedback feedback-success" role="status">Your vote is recorded. You can change '
        "it until the consultation closes.</p>" in votes
    )
    assert "Your vote is recorded" not in _top_messages(html)
    assert html.count("Your vote is recorded") == 1


def test_a_vote_without_a_choice_is_an_alert_beside_the_vote_form(client, draft, citizen):
    response = client.post(f"{_url(draft)}vote/", {"choice": ""}, follow=True)

    assert response.redirect_chain[-1][0].endswith("#draft-votes")
    votes = _element(response.content.decode(), "draft-votes")
    assert 'class="feedback feedback-error" role="alert">Choose agree' in votes


def test_a_published_comment_carries_its_confirmation_and_is_the_target(client, draft, citizen):
    section = draft.sections.get()
    response = client.post(
        f"{_url(draft)}comments/", {"body": "Plain language, please.", "section": section.pk},
        follow=True,
    )  # fmt: skip

    comment = Comment.objects.get(author=citizen)
    assert response.redirect_chain[-1][0].endswith(f"{_url(draft)}#{comment.anchor}")
    mine = _element(response.content.decode(), comment.anchor)
    assert "Thank you: your comment is published." in mine
    assert "Plain language, please." in mine


def test_a_comment_awaiting_moderation_is_confirmed_at_the_form_it_came_from(client, citizen):
    consultation = ConsultationFactory(moderation_mode="pre")
    response = client.post(f"{_url(consultation)}comments/", {"body": "Wait for me."}, follow=True)

    assert response.redirect_chain[-1][0].endswith("#draft-new-comment")
    form = _element(response.content.decode(), "draft-new-comment")
    assert "Your comment awaits moderation" in form
    assert "Wait for me." not in response.content.decode()


def test_a_comment_past_the_first_threads_lands_on_the_discussion_page_that_shows_it(
    client, draft, citizen
):
    for number in range(COMMENTS_PER_TARGET):
        CommentFactory(consultation=draft, body=f"Earlier thread {number}.")
    response = client.post(f"{_url(draft)}comments/", {"body": "The newest."}, follow=True)

    comment = Comment.objects.get(author=citizen)
    assert response.redirect_chain[-1][0].endswith(f"discussion/draft/#{comment.anchor}")
    mine = _element(response.content.decode(), comment.anchor)
    assert "Thank you: your comment is published." in mine
    assert "The newest." in mine


def test_a_reply_and_a_support_are_confirmed_in_their_comment(client, draft, citizen):
    other = CommentFactory(consultation=draft, body="Someone else's.")
    response = client.post(
        f"{_url(draft)}comments/", {"body": "A reply.", "parent": other.pk}, follow=True
    )
    reply = Comment.objects.get(author=citizen)
    assert response.redirect_chain[-1][0].endswith(f"#{reply.anchor}")
    assert "Thank you: your comment is published." in _element(
        response.content.decode(), reply.anchor
    )

    response = client.post(
        f"{_url(draft)}comments/{other.pk}/support/", {"action": "support"}, follow=True
    )
    assert response.redirect_chain[-1][0].endswith(f"#{other.anchor}")
    supported = _element(response.content.decode(), other.anchor)
    assert '<p class="feedback feedback-success" role="status">You support this comment.</p>' in (
        supported
    )
    response = client.post(
        f"{_url(draft)}comments/{other.pk}/support/", {"action": "withdraw"}, follow=True
    )
    assert "You no longer support this comment." in _element(
        response.content.decode(), other.anchor
    )


def test_a_reported_comment_says_so_instead_of_offering_the_report_again(client, draft, citizen):
    other = CommentFactory(consultation=draft, body="Someone else's.")
    untouched = CommentFactory(consultation=draft, body="Another one.")
    flag_url = f"{_url(draft)}comments/{other.pk}/flag/"

    response = client.post(flag_url, {"reason": "spam"}, follow=True)

    html = response.content.decode()
    reported = _element(html, other.anchor)
    assert "Thank you. Moderators will look at this comment." in reported
    assert "You reported this" in reported
    assert "/flag/" not in reported
    assert f"comments/{untouched.pk}/flag/" in _element(html, untouched.anchor)
    # The form is not offered again: it sends the person back with a word.
    again = client.get(flag_url, follow=True)
    assert "You reported this comment." in _element(again.content.decode(), other.anchor)


def test_the_whole_discussion_offers_what_the_consultation_page_offers(client, draft, citizen):
    section = draft.sections.get()
    other = CommentFactory(consultation=draft, section=section, body="Someone else's.")
    reported = CommentFactory(consultation=draft, section=section, body="Reported one.")
    moderation.comment_flag(comment=reported, user=citizen, reason="spam")
    VoteFactory(consultation=draft, section=section, user=citizen, choice="disagree")

    html = client.get(f"{_url(draft)}discussion/{section.pk}/").content.decode()

    assert f"comments/{other.pk}/flag/" in _element(html, other.anchor)  # report
    assert "You reported this" in _element(html, reported.anchor)
    assert f"comments/{other.pk}/support/" in html  # support
    assert 'name="parent"' in html  # reply
    assert "Your vote on this section" in html  # vote, with the tally
    assert re.search(r'value="disagree"[^>]* checked', html)  # their vote, to change
    assert "Votes on this section" in html
    assert "Comment on this section" in html  # a new comment


def test_cards_show_comments_participants_and_time_left(client):
    consultation = ConsultationFactory(
        title_en="Closing soon", closes_at=timezone.now() + timedelta(days=2, hours=1)
    )
    voter_and_commenter, commenter = CitizenFactory(), CitizenFactory()
    VoteFactory(consultation=consultation, user=voter_and_commenter)
    VoteFactory(consultation=consultation)  # a voter only
    CommentFactory(consultation=consultation, author=voter_and_commenter)
    CommentFactory(consultation=consultation, author=commenter)
    CommentFactory(consultation=consultation, author=commenter)
    hidden = CommentFactory(consultation=consultation)  # hidden: neither counted nor a person
    hidden.status = Comment.Status.HIDDEN
    hidden.save(update_fields=["status"])

    for url in ("/en/", "/en/consultations/"):
        html = client.get(url).content.decode()
        card = html[html.index("Closing soon") : html.index("Read and take part")]
        assert "<strong>3</strong> comments" in card
        assert "<strong>3</strong> participants" in card
        assert re.search(r"\(2\xa0days(, \d+\xa0\w+)? left\)", card), card


def test_home_leads_with_open_consultations(client):
    ConsultationFactory(title_en="Open one")
    ConsultationFactory(
        title_en="Closed one",
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
    )
    html = client.get("/en/").content.decode()
    assert html.index("Take part now") < html.index("Latest articles")
    assert "Open one" in html
    assert "Closed one" not in html
