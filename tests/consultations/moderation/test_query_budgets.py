"""Query budgets of moderation's pages: reporting a comment, asking for a review, and the
comment queue in the admin; the same number of queries for one item as for many, asserted
together with what the page shows. None of these pages is in the page cache (they are for
signed-in people only)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from consultations.models import Comment, ModerationMode
from consultations.moderation import services as moderation
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

MANY = 6
SIZES = pytest.mark.parametrize("size", [1, MANY], ids=["1", f"{MANY}"])
EN = {"accept-language": "en"}


@pytest.fixture
def citizen(client):
    person = CitizenFactory(display_name="Maja K.")
    client.force_login(person)
    return person


@pytest.fixture
def moderator(client):
    """A staff member in the Moderators group, with nothing more."""
    person = CitizenFactory(display_name="Mojca", is_staff=True)
    person.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(person)
    return person


def _missing(page: str, texts: list[str]) -> list[str]:
    return [text for text in texts if text not in page]


def _url(comment: Comment, action: str) -> str:
    return f"/en/consultations/{comment.consultation.slug_en}/comments/{comment.pk}/{action}/"


def _much_discussed(size: int, *, author=None) -> Comment:
    """A comment with `size` replies and `size` reports, among `size` other comments."""
    consultation = ConsultationFactory(flag_threshold=size + 2)
    for number in range(size):
        CommentFactory(consultation=consultation, body=f"Another comment {number}.")
    comment = CommentFactory(
        consultation=consultation,
        body="Bus tickets for **pupils**.",
        **({"author": author} if author else {}),
    )
    for number in range(size):
        CommentFactory(consultation=consultation, parent=comment, body=f"Reply {number}.")
        moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="off_topic")
    return comment


@SIZES
def test_report_form_has_a_fixed_query_budget(client, django_assert_num_queries, citizen, size):
    comment = _much_discussed(size)

    # session, user, consultation, the comment, the citizen's verified address, whether they
    # reported it already, the header's unread notifications
    with django_assert_num_queries(7):
        response = client.get(_url(comment, "flag"))

    page = response.content.decode()
    assert "<h1>Report a comment</h1>" in page
    assert "Bus tickets for <strong>pupils</strong>." in page
    assert "Another comment" not in page
    assert "Reply 0." not in page
    assert 'value="off_topic"' in page


@SIZES
def test_review_request_form_has_a_fixed_query_budget(
    client, django_assert_num_queries, citizen, size
):
    comment = _much_discussed(size, author=citizen)
    staff = StaffFactory(display_name="Moderatorka")
    moderation.comment_moderate(
        comment=comment, moderator=staff, action="hide", reason="off_topic", note="Not about it."
    )
    for number in range(size):  # more of the citizen's comments, hidden too
        other = CommentFactory(consultation=comment.consultation, author=citizen,
                               body=f"My other comment {number}.")  # fmt: skip
        moderation.comment_moderate(comment=other, moderator=staff, action="hide", reason="spam")

    # session, user, consultation, the comment (any of the author's own), its review request,
    # the header's unread notifications
    with django_assert_num_queries(6):
        response = client.get(_url(comment, "appeal"))

    page = response.content.decode()
    assert "<h1>Ask for a review</h1>" in page
    assert "Your comment was hidden by a moderator (reason: off-topic)." in page
    assert "The moderator's note: Not about it." in page
    assert "Bus tickets for <strong>pupils</strong>." in page
    assert "My other comment" not in page


def _queue(size: int) -> None:
    """`size` comments of each kind that needs a moderator (reported, pending, hidden with a
    request for review) and `size` that need none, in `size` consultations."""
    staff = StaffFactory(display_name="Moderatorka")
    for number in range(size):
        consultation = ConsultationFactory(title_en=f"Consultation {number}")
        reported = CommentFactory(consultation=consultation, body=f"Reported {number}.")
        moderation.comment_flag(comment=reported, user=CitizenFactory(), reason="spam")
        CommentFactory(consultation=consultation, body=f"Quiet {number}.")
        appealed = CommentFactory(consultation=consultation, body=f"Appealed {number}.")
        appealed = moderation.comment_moderate(
            comment=appealed, moderator=staff, action="hide", reason="abuse"
        )
        moderation.appeal_submit(
            comment=appealed, author=appealed.author, message="Please look again."
        )
        waiting = ConsultationFactory(
            title_en=f"Pre-moderated {number}", moderation_mode=ModerationMode.PRE
        )
        CommentFactory(consultation=waiting, body=f"Pending {number}.")


@SIZES
def test_comment_queue_has_a_fixed_query_budget(client, django_assert_num_queries, moderator, size):
    _queue(size)

    # session, user, the moderator's permissions (own, groups'), the consultations to filter
    # by, the count of comments (shown, all), the page of comments with their consultation,
    # section, author (with their comments counted) and request for review, their reports
    with django_assert_num_queries(9):
        response = client.get("/admin/consultations/comment/", headers=EN)

    page = response.content.decode()
    kinds = ("Reported", "Quiet", "Appealed", "Pending")
    assert _missing(page, [f"{kind} {number}." for kind in kinds for number in range(size)]) == []
    assert page.count('<span class="quiet">review requested</span>') == size  # reviews asked
    assert f"{4 * size} comments" in page
    assert page.index(f"Reported {size - 1}.") < page.index("Quiet 0.")


@SIZES
def test_a_comment_in_the_queue_has_a_fixed_query_budget(
    client, django_assert_num_queries, moderator, size
):
    comment = _much_discussed(size)
    staff = StaffFactory(display_name="Moderatorka")
    for _ in range(size):
        comment = moderation.comment_moderate(comment=comment, moderator=staff, action="hide",
                                              reason="off_topic")  # fmt: skip
        comment = moderation.comment_moderate(comment=comment, moderator=staff, action="restore")

    reporters = [flag.user.display_name for flag in comment.flags.select_related("user")]
    # The admin reads a model's content type once per process; it is not this page's cost.
    ContentType.objects.get_for_model(Comment)

    # session, user, the comment, the moderator's permissions (own, groups'), its reports with
    # their reporters, the log, the author, the consultation, the author's comments counted
    # by state, the request for review
    with django_assert_num_queries(11):
        response = client.get(f"/admin/consultations/comment/{comment.pk}/change/", headers=EN)

    page = response.content.decode()
    assert "Bus tickets for <strong>pupils</strong>." in page  # as the public sees it
    assert _missing(page, reporters) == []
    # every decision in the log, with who took it
    assert len(re.findall(r'field-actor_shown">\s*<p>Moderatorka</p>', page)) == 2 * size


@SIZES
def test_a_decision_on_comments_of_the_queue_has_a_fixed_query_budget(
    client, django_assert_num_queries, moderator, size
):
    comments = [
        CommentFactory(
            consultation=ConsultationFactory(title_en=f"Consultation {number}"),
            body=f"Reported {number}.",
        )
        for number in range(size)
    ]
    ids = ",".join(str(comment.pk) for comment in comments)

    # session, user, the moderator's permissions (own, groups'), the comments with their
    # consultation and author
    with django_assert_num_queries(5):
        response = client.get(f"/admin/consultations/comment/moderate/hide/?ids={ids}", headers=EN)

    page = response.content.decode()
    for number, comment in enumerate(comments):
        assert f"<strong>#{comment.pk}</strong> (published) · Consultation {number} ·" in page
        assert f"{comment.author.display_name}" in page
        assert f"<blockquote>Reported {number}.</blockquote>" in page
