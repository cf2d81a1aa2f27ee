import json
import re

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from accounts.models import User
from consultations import services
from consultations.models import Comment, Vote
from consultations.moderation import services as moderation
from consultations.selectors import tallies
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    consultation = ConsultationFactory(title_en="Guidelines for NGOs")
    SectionFactory(consultation=consultation, heading_en="Purpose")
    return consultation


def test_profile_lists_my_comments_with_their_state_and_my_votes(client, maja, draft):
    section = draft.sections.get()
    CommentFactory(consultation=draft, section=section, author=maja, body="My first thought.")
    removed = CommentFactory(consultation=draft, author=maja, body="Withdrawn idea.")
    services.comment_remove(comment=removed, author=removed.author)
    services.vote_cast(consultation=draft, user=maja, choice="disagree", section=section)

    response = client.get("/en/accounts/profile/")

    assertContains(response, "<h1>My account</h1>", html=True)
    assertContains(response, "My first thought.")
    assertContains(response, '<td data-label="State">published</td>', html=True)
    assertContains(response, '<td data-label="State">removed by the author</td>', html=True)
    assertNotContains(response, "Withdrawn idea.")
    assertContains(response, '<td data-label="Vote">disagree</td>', html=True)


def test_profile_offers_a_review_of_a_hidden_or_rejected_comment_once(client, maja, draft):
    moderator = StaffFactory()
    hidden, rejected, asked, _published = (
        CommentFactory(consultation=draft, author=maja, body=body)
        for body in ("Hidden one.", "Rejected one.", "Already asked.", "Published one.")
    )
    Comment.objects.filter(pk=rejected.pk).update(status=Comment.Status.PENDING)
    rejected.refresh_from_db()
    hidden, rejected, asked = (
        moderation.comment_moderate(
            comment=comment, moderator=moderator, action=action, reason="off_topic"
        )
        for comment, action in ((hidden, "hide"), (rejected, "reject"), (asked, "hide"))
    )
    moderation.appeal_submit(comment=asked, author=maja, message="Please look again.")

    html = client.get("/en/accounts/profile/").content.decode()

    offered = re.findall(r"/comments/(\d+)/appeal/", html)
    assert sorted(map(int, offered)) == sorted([hidden.pk, rejected.pk])
    assert html.count("Review requested") == 1


def test_profile_never_shows_another_persons_data(client, maja, draft):
    other = CitizenFactory(display_name="Luka P.")
    CommentFactory(consultation=draft, author=other, body="Luka's private musing.")
    services.vote_cast(consultation=draft, user=other, choice="agree")

    page = client.get("/en/accounts/profile/")
    data = client.get("/en/accounts/profile/my-data.json").content.decode()

    assertNotContains(page, "Luka's private musing.")
    assertContains(page, "You have not voted yet.")
    assert "Luka" not in data


def test_visitors_are_sent_to_sign_in(client):
    response = client.get("/en/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_my_data_downloads_as_json_with_everything_of_mine(client, maja, draft):
    CommentFactory(consultation=draft, author=maja, body="Čas je za **spremembe**.")
    services.vote_cast(consultation=draft, user=maja, choice="agree")

    response = client.get("/en/accounts/profile/my-data.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="inepa-my-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == "maja@example.org"
    assert data["account"]["display_name"] == "Maja K."
    assert [comment["text"] for comment in data["comments"]] == ["Čas je za **spremembe**."]
    assert [(vote["section"], vote["choice"]) for vote in data["votes"]] == [(None, "agree")]


def test_deleting_the_account_keeps_comments_anonymised_and_votes_in_the_tallies(
    client, maja_rechecked, draft
):
    maja = maja_rechecked
    comment = CommentFactory(consultation=draft, author=maja, body="Keep this idea.")
    services.vote_cast(consultation=draft, user=maja, choice="agree")

    confirm = client.get("/en/accounts/profile/delete/")
    response = client.post("/en/accounts/profile/delete/", {"comments": "keep"}, follow=True)

    assertContains(confirm, "What should happen to your comments?")
    assertContains(response, "Your account is deleted.")
    assert not User.objects.filter(pk=maja.pk).exists()
    comment.refresh_from_db()
    assert (comment.author, comment.body) == (None, "Keep this idea.")
    assert tallies(draft)[None].agree == 1
    assert Vote.objects.get().user is None
    page = client.get(f"/en/consultations/{draft.slug_en}/")
    assertContains(page, "deleted user")
    assertContains(page, "Keep this idea.")
    assert client.get("/en/accounts/profile/").status_code == 302  # signed out


def test_deleting_the_account_can_remove_the_comments(client, maja_rechecked, draft):
    maja = maja_rechecked
    comment = CommentFactory(consultation=draft, author=maja, body="Remove this idea.")

    client.post("/en/accounts/profile/delete/", {"comments": "remove"})

    comment.refresh_from_db()
    assert (comment.status, comment.body, comment.author) == (Comment.Status.REMOVED, "", None)
    assertNotContains(client.get(f"/en/consultations/{draft.slug_en}/"), "Remove this idea.")


def test_deletion_asks_for_the_password_first(client, maja):
    response = client.post("/en/accounts/profile/delete/", {"comments": "keep"})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    assert User.objects.filter(pk=maja.pk).exists()


def test_deletion_needs_a_choice_and_says_so(client, maja_rechecked):
    maja = maja_rechecked
    response = client.post("/en/accounts/profile/delete/", {})

    assertContains(response, "Choose what should happen to your comments.")
    assert User.objects.filter(pk=maja.pk).exists()


def test_deleting_ends_every_session_of_the_account(client, maja_rechecked):
    maja = maja_rechecked
    other_device = Client()
    other_device.force_login(maja)

    client.post("/en/accounts/profile/delete/", {"comments": "keep"})

    assert other_device.get("/en/accounts/profile/").status_code == 302
