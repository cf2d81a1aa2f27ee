import pytest
from django.urls import reverse

from consultations import services as participation
from consultations.moderation import services as moderation
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_my_supports_show_public_comments_only(client):
    consultation = ConsultationFactory()
    me = CitizenFactory()
    shown = CommentFactory(consultation=consultation, body="A comment still shown.")
    hidden = CommentFactory(consultation=consultation, body="A comment later hidden.")
    for comment in (shown, hidden):
        participation.comment_support(comment=comment, user=me)
    moderation.comment_moderate(
        comment=hidden, moderator=StaffFactory(), action="hide", reason="abuse"
    )
    client.force_login(me)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "My supports" in page
    assert "A comment still shown." in page
    assert "A comment later hidden." not in page
    assert "(this comment is no longer shown)" in page


def test_my_reports_list_my_reason_and_never_the_reported_text(client):
    me = CitizenFactory()
    reported = CommentFactory(body="Buy cheap watches here.")
    moderation.comment_flag(comment=reported, user=me, reason="spam")
    client.force_login(me)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "My reports" in page
    assert "spam" in page
    assert "Buy cheap watches here." not in page
    other = CitizenFactory()
    client.force_login(other)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "You have not reported any comment." in page
