"""Rules of participation that hold for every caller: called on the services and models
directly, not only through the views that happen to check them too."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations import services
from consultations.models import Comment, CommentSupport, Consultation, Section, Vote
from consultations.moderation import services as moderation
from consultations.results.models import ResultsDossier
from tests.consultations.factories import (
    CommentFactory,
    ConsultationFactory,
    SectionFactory,
    VoteFactory,
)
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", ["pending", "hidden", "rejected", "removed"])
def test_an_author_removes_only_a_published_comment(status):
    comment = CommentFactory()
    Comment.objects.filter(pk=comment.pk).update(status=status)

    with pytest.raises(ValidationError) as refused:
        services.comment_remove(comment=comment, author=comment.author)

    assert refused.value.messages == ["This comment can no longer be removed."]
    comment.refresh_from_db()
    assert (comment.status, comment.body) == (status, comment.body)


def test_nobody_but_the_author_removes_a_comment():
    comment = CommentFactory()

    with pytest.raises(ValidationError) as refused:
        services.comment_remove(comment=comment, author=CitizenFactory())

    assert refused.value.messages == ["Only the author can remove a comment."]
    assert Comment.objects.get(pk=comment.pk).status == "published"


def test_a_removed_comment_loses_its_text_and_supports_and_keeps_its_replies():
    comment = CommentFactory()
    reply = CommentFactory(consultation=comment.consultation, parent=comment)
    services.comment_support(comment=comment, user=CitizenFactory())

    services.comment_remove(comment=comment, author=comment.author)

    comment.refresh_from_db()
    assert (comment.status, comment.body, comment.body_html) == ("removed", "", "")
    assert not CommentSupport.objects.filter(comment=comment).exists()
    assert Comment.objects.get(pk=reply.pk).parent_id == comment.pk


def test_a_comment_on_another_consultations_section_is_refused_by_the_model():
    section = SectionFactory()
    comment = Comment(consultation=ConsultationFactory(), section=section, body="x", language="sl")

    with pytest.raises(ValidationError) as refused:
        comment.full_clean()

    assert refused.value.message_dict["section"] == [
        "This section belongs to another consultation."
    ]


def test_a_reply_to_another_consultations_comment_is_refused_by_the_model():
    parent = CommentFactory()
    reply = Comment(consultation=ConsultationFactory(), parent=parent, body="x", language="sl")

    with pytest.raises(ValidationError) as refused:
        reply.full_clean()

    assert refused.value.message_dict["parent"] == [
        "You can only reply to a comment of this consultation."
    ]


def test_a_reply_on_another_section_than_its_parent_is_refused_by_the_model():
    section = SectionFactory()
    parent = CommentFactory(consultation=section.consultation, section=section)
    other = SectionFactory(consultation=section.consultation)
    reply = Comment(
        consultation=section.consultation, section=other, parent=parent, body="x", language="sl"
    )

    with pytest.raises(ValidationError) as refused:
        reply.full_clean()

    assert refused.value.message_dict["section"] == [
        "A reply is on the section of the comment it answers."
    ]


def test_a_vote_on_another_consultations_section_is_refused_by_the_model():
    vote = Vote(consultation=ConsultationFactory(), section=SectionFactory(), choice="agree")

    with pytest.raises(ValidationError) as refused:
        vote.full_clean()

    assert refused.value.message_dict["section"] == [
        "This section belongs to another consultation."
    ]


@pytest.mark.parametrize("target", ["comment", "section"])
def test_an_official_response_to_another_consultations_item_is_refused_by_the_service(target):
    consultation = ConsultationFactory()
    elsewhere = {"comment": CommentFactory(), "section": SectionFactory()}[target]

    with pytest.raises(ValidationError) as refused:
        moderation.official_response_create(
            consultation=consultation,
            author=StaffFactory(),
            body_sl="Odziv.",
            body_en="Response.",
            **{target: elsewhere},
        )

    assert refused.value.message_dict[target] == ["This belongs to another consultation."]
    assert not consultation.official_responses.exists()


def _populated(comments: int) -> Consultation:
    consultation = ConsultationFactory()
    sections = [SectionFactory(consultation=consultation) for _ in range(max(1, comments // 5))]
    for number in range(comments):
        section = sections[number % len(sections)]
        comment = CommentFactory(consultation=consultation, section=section)
        CommentFactory(consultation=consultation, parent=comment)
        services.comment_support(comment=comment, user=CitizenFactory())
        VoteFactory(consultation=consultation, section=section)
    moderation.official_response_create(
        consultation=consultation, author=StaffFactory(), body_sl="Odziv.", body_en="Response.",
        section=sections[0],
    )  # fmt: skip
    ResultsDossier.objects.create(consultation=consultation, language="sl", kind="csv")
    return consultation


def _deletion_queries(consultation: Consultation) -> int:
    with CaptureQueriesContext(connection) as queries:
        services.consultation_delete(consultation=consultation)
    return len(queries)


def test_deleting_a_consultation_costs_the_same_queries_at_one_comment_and_at_twenty():
    small, large = _populated(1), _populated(20)

    at_one, at_twenty = _deletion_queries(small), _deletion_queries(large)

    assert (at_one, at_twenty) == (at_one, at_one)
    assert not Consultation.objects.filter(pk__in=[small.pk, large.pk]).exists()
    assert not Comment.objects.filter(consultation_id__in=[small.pk, large.pk]).exists()
    assert not Section.objects.filter(consultation_id__in=[small.pk, large.pk]).exists()
    assert not Vote.objects.exists()
    assert not CommentSupport.objects.exists()
    assert not ResultsDossier.objects.exists()
