from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from consultations import editing
from consultations.models import Comment, CommentVersion, ModerationMode
from consultations.moderation import services as moderation
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _edit_url(comment):
    return reverse(
        "consultations:comment_edit",
        kwargs={"slug": comment.consultation.slug_en, "pk": comment.pk},
    )


def test_the_author_corrects_a_typo_and_the_page_says_edited(client):
    comment = CommentFactory(body="Teh first point.", language="en")
    client.force_login(comment.author)
    page = client.get(comment.consultation.get_absolute_url()).content.decode()
    assert _edit_url(comment) in page
    response = client.post(_edit_url(comment), {"body": "The *first* point."}, follow=True)
    page = response.content.decode()
    assert "Your comment is changed." in page
    assert "The <em>first</em> point." in page
    assert '<span class="edited">edited</span>' in page
    (version,) = CommentVersion.objects.filter(comment=comment)
    assert version.body == "Teh first point."
    data = client.get(reverse("accounts:data")).json()
    assert data["comment_edits"][0]["text"] == "Teh first point."


def test_an_edit_is_sanitised_again(client):
    comment = CommentFactory(body="Fine.", language="en")
    client.force_login(comment.author)
    client.post(_edit_url(comment), {"body": "<script>alert(1)</script>[x](javascript:alert(1))"})
    comment.refresh_from_db()
    assert "<script" not in comment.body_html
    assert "javascript:" not in comment.body_html


def test_under_pre_moderation_an_edit_waits_for_a_moderator_again(client):
    consultation = ConsultationFactory(moderation_mode=ModerationMode.PRE)
    comment = CommentFactory(consultation=consultation, body="Original words.", language="en")
    moderation.comment_moderate(comment=comment, moderator=StaffFactory(), action="publish")
    client.force_login(comment.author)
    response = client.post(_edit_url(comment), {"body": "Changed words."}, follow=True)
    assert "waits for a moderator" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    visitor_page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Changed words." not in visitor_page


def test_no_edit_after_fifteen_minutes(client):
    comment = CommentFactory(body="Old words.", language="en")
    later = comment.created_at + editing.EDIT_WINDOW + timedelta(seconds=1)
    with pytest.raises(ValidationError, match="15 minutes"):
        editing.comment_edit(comment=comment, author=comment.author, body="New", now=later)
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(hours=1))
    client.force_login(comment.author)
    response = client.post(_edit_url(comment), {"body": "New words."}, follow=True)
    assert "can be edited for 15 minutes" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Old words."


@pytest.mark.parametrize("answered_by", ["reply", "report", "response"])
def test_no_edit_once_answered(answered_by):
    comment = CommentFactory(body="Old words.", language="en")
    if answered_by == "reply":
        CommentFactory(consultation=comment.consultation, parent=comment)
    elif answered_by == "report":
        moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="spam")
    else:
        moderation.official_response_create(
            consultation=comment.consultation, author=StaffFactory(), comment=comment,
            body_sl="Odgovor.", body_en="Response.",
        )  # fmt: skip
    with pytest.raises(ValidationError, match="no longer be edited"):
        editing.comment_edit(comment=comment, author=comment.author, body="New")


def test_nobody_edits_anothers_or_a_hidden_comment(client):
    comment = CommentFactory(body="Mine.", language="en")
    client.force_login(CitizenFactory())
    assert client.post(_edit_url(comment), {"body": "Yours now."}).status_code == 404
    hidden = CommentFactory(consultation=comment.consultation, body="Hidden.", language="en")
    moderation.comment_moderate(
        comment=hidden, moderator=StaffFactory(), action="hide", reason="spam"
    )
    client.force_login(hidden.author)
    response = client.post(_edit_url(hidden), {"body": "Sneaky."}, follow=True)
    assert "This comment can no longer be edited." in response.content.decode()
    other = ConsultationFactory()
    url = reverse("consultations:comment_edit", kwargs={"slug": other.slug_en, "pk": comment.pk})
    client.force_login(comment.author)
    assert client.post(url, {"body": "Elsewhere."}).status_code == 404
    comment.refresh_from_db()
    hidden.refresh_from_db()
    assert (comment.body, hidden.body) == ("Mine.", "Hidden.")


def test_moderators_see_the_earlier_versions_in_the_admin(client):
    comment = CommentFactory(body="First text.", language="en")
    editing.comment_edit(comment=comment, author=comment.author, body="Second text.")
    client.force_login(StaffFactory())
    page = client.get(
        reverse("admin:consultations_comment_change", args=[comment.pk])
    ).content.decode()
    assert "First text." in page
    assert "Second text." in page


def test_no_edit_once_the_consultation_has_closed():
    comment = CommentFactory(body="Old words.", language="en")
    closed = comment.consultation.closes_at + timedelta(seconds=1)
    Comment.objects.filter(pk=comment.pk).update(created_at=closed - timedelta(minutes=5))
    comment.refresh_from_db()
    with pytest.raises(ValidationError, match="no longer be edited"):
        editing.comment_edit(comment=comment, author=comment.author, body="New", now=closed)
