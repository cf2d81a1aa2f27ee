"""Query budget of a person's data download: the same number of queries for one thing of each
kind stored about them as for many, asserted together with what the file holds. (The
profile page's budget is in test_account_data.py.)"""

import json

import pytest

from consultations import services
from consultations.moderation import services as moderation
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

MANY = 6


def _stored_about(maja, size: int) -> None:
    """In each of `size` consultations, on a section: a comment of Maja's (hidden, and she
    asked for a review), her vote, her support and her report of another person's comment."""
    moderator = StaffFactory(display_name="Mojca (moderator)")
    luka = CitizenFactory(display_name="Luka P.")
    for number in range(size):
        consultation = ConsultationFactory(title_en=f"Consultation {number}")
        section = SectionFactory(consultation=consultation, heading_en=f"Chapter {number}")
        mine = CommentFactory(
            consultation=consultation, section=section, author=maja, body=f"Idea {number}."
        )
        hidden = moderation.comment_moderate(
            comment=mine, moderator=moderator, action="hide", reason="spam"
        )
        moderation.appeal_submit(comment=hidden, author=maja, message=f"Look again at {number}.")
        services.vote_cast(consultation=consultation, user=maja, choice="agree", section=section)
        other = CommentFactory(consultation=consultation, section=section, author=luka)
        services.comment_support(comment=other, user=maja)
        moderation.comment_flag(comment=other, user=maja, reason="other", text=f"Why {number}.")


@pytest.mark.parametrize("size", [1, MANY], ids=["1", f"{MANY}"])
def test_my_data_has_a_fixed_query_budget(client, django_assert_num_queries, maja, size):
    _stored_about(maja, size)

    # session, user, display name changes, email addresses, comments (with consultation,
    # section), earlier versions of edited comments, votes (with consultation, section),
    # supports, reports (with the comment's consultation), requests for review (with the
    # comment's consultation), follows (with consultation), notification settings,
    # notification language, a visitor's subscription of the address, notifications (with
    # consultation)
    with django_assert_num_queries(15):
        response = client.get("/en/accounts/profile/my-data.json")

    data = json.loads(response.content)
    assert data["account"]["display_name"] == "Maja K."
    assert sorted(comment["text"] for comment in data["comments"]) == sorted(
        f"Idea {number}." for number in range(size)
    )
    assert sorted(vote["section"] for vote in data["votes"]) == sorted(
        f"Chapter {number}" for number in range(size)
    )
    assert len(data["supported_comments"]) == size
    assert sorted(report["text"] for report in data["reports"]) == sorted(
        f"Why {number}." for number in range(size)
    )
    assert sorted(appeal["consultation"] for appeal in data["appeals"]) == sorted(
        f"Consultation {number}" for number in range(size)
    )
