import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from consultations import services
from consultations.models import Comment, CommentSupport, Vote
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def test_comment_markdown_is_rendered_once_and_sanitised():
    comment = CommentFactory(body="**Strinjam se** <script>alert(1)</script>")

    assert (
        comment.body_html
        == "<p><strong>Strinjam se</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )


def test_a_reply_joins_its_parents_section():
    section = SectionFactory()
    parent = CommentFactory(consultation=section.consultation, section=section)

    reply = CommentFactory(consultation=section.consultation, parent=parent)

    assert (reply.section, reply.parent) == (section, parent)


def test_replies_go_one_level_deep_only():
    parent = CommentFactory()
    reply = CommentFactory(consultation=parent.consultation, parent=parent)

    with pytest.raises(ValidationError, match="You can only reply to a comment"):
        CommentFactory(consultation=parent.consultation, parent=reply)


def test_comment_longer_than_5000_characters_is_refused():
    with pytest.raises(ValidationError):
        CommentFactory(body="x" * 5001)


def test_comment_after_closing_time_is_refused_and_nothing_is_recorded():
    consultation = ConsultationFactory()

    with pytest.raises(ValidationError, match="This consultation closed on"):
        services.comment_submit(
            consultation=consultation,
            author=CitizenFactory(),
            body="Too late.",
            language="en",
            now=consultation.closes_at + timedelta(seconds=1),
        )
    assert Comment.objects.count() == 0


def test_vote_before_opening_is_refused():
    consultation = ConsultationFactory(opens_at=timezone.now() + timedelta(days=1),
                                       closes_at=timezone.now() + timedelta(days=9))  # fmt: skip

    with pytest.raises(ValidationError, match="This consultation opens on"):
        services.vote_cast(consultation=consultation, user=CitizenFactory(), choice="agree")
    assert Vote.objects.count() == 0


def test_a_citizen_can_change_their_vote_while_open():
    consultation = ConsultationFactory()
    citizen = CitizenFactory()

    services.vote_cast(consultation=consultation, user=citizen, choice="agree")
    services.vote_cast(consultation=consultation, user=citizen, choice="disagree")

    assert list(Vote.objects.values_list("choice", flat=True)) == ["disagree"]


def test_votes_on_the_draft_and_on_sections_are_separate():
    section = SectionFactory()
    citizen = CitizenFactory()

    services.vote_cast(consultation=section.consultation, user=citizen, choice="agree")
    services.vote_cast(consultation=section.consultation, user=citizen, choice="abstain",
                       section=section)  # fmt: skip

    assert set(Vote.objects.values_list("section_id", "choice")) == {
        (None, "agree"),
        (section.pk, "abstain"),
    }


def test_supporting_twice_counts_once_and_can_be_taken_back():
    comment = CommentFactory()
    citizen = CitizenFactory()

    services.comment_support(comment=comment, user=citizen)
    services.comment_support(comment=comment, user=citizen)
    assert CommentSupport.objects.filter(comment=comment).count() == 1

    services.comment_unsupport(comment=comment, user=citizen)
    assert CommentSupport.objects.filter(comment=comment).count() == 0


def test_authors_cannot_support_their_own_comment():
    comment = CommentFactory()

    with pytest.raises(ValidationError, match="your own comment"):
        services.comment_support(comment=comment, user=comment.author)


def test_removing_a_comment_erases_its_text_and_keeps_replies():
    parent = CommentFactory(body="Original text")
    reply = CommentFactory(consultation=parent.consultation, parent=parent)

    services.comment_remove(comment=parent, author=parent.author)

    parent.refresh_from_db()
    assert (parent.status, parent.body, parent.body_html) == (Comment.Status.REMOVED, "", "")
    assert Comment.objects.get(pk=reply.pk).status == Comment.Status.PUBLISHED


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrency")
def test_concurrent_double_votes_leave_exactly_one_vote():
    consultation = ConsultationFactory()
    citizen = CitizenFactory()
    attempts = 8
    barrier = threading.Barrier(attempts)
    errors: list[BaseException] = []

    def cast(choice: str) -> None:
        try:
            barrier.wait()
            services.vote_cast(consultation=consultation, user=citizen, choice=choice)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=cast, args=(["agree", "disagree"][i % 2],)) for i in range(attempts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Vote.objects.filter(consultation=consultation, user=citizen).count() == 1
