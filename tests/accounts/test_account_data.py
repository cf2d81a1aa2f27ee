"""What the apps contribute to a person's account: the export of everything stored about them
(reports and requests for review included), the profile's query budget, and what account
deletion does with reports and requests for review."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts import contributions
from accounts.models import User
from consultations import services
from consultations.models import Comment
from consultations.moderation import services as moderation
from consultations.moderation.models import Appeal, Flag
from consultations.moderation.selectors import comments_needing_attention
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return StaffFactory(display_name="Mojca (moderator)")


@pytest.fixture
def draft():
    return ConsultationFactory(title_sl="Smernice za NVO", title_en="Guidelines for NGOs")


def _my_data(client, language: str = "en") -> dict:
    response = client.get(f"/{language}/accounts/profile/my-data.json")
    assert response.status_code == 200
    return json.loads(response.content)


def _hidden_and_appealed(comment: Comment, moderator, message: str) -> Appeal:
    hidden = moderation.comment_moderate(
        comment=comment, moderator=moderator, action="hide", reason="spam"
    )
    return moderation.appeal_submit(comment=hidden, author=comment.author, message=message)


def test_my_data_lists_my_reports_with_their_text_and_my_appeals_with_their_message(
    client, maja, moderator, draft
):
    luka = CitizenFactory(display_name="Luka P.")
    advert = CommentFactory(consultation=draft, author=luka, body="Buy cheap watches.")
    rude = CommentFactory(consultation=draft, author=luka, body="A rude remark.")
    moderation.comment_flag(comment=advert, user=maja, reason="spam", text="An advert.")
    moderation.comment_flag(comment=rude, user=maja, reason="other", text="Mocks my neighbour.")
    waiting = _hidden_and_appealed(
        CommentFactory(consultation=draft, author=maja, body="Cheap bus tickets for pupils!"),
        moderator,
        "It is about school transport, not an advert.",
    )
    restored = _hidden_and_appealed(
        CommentFactory(consultation=draft, author=maja, body="Visit www.example.org."),
        moderator,
        "The address is the ministry's own.",
    )
    moderation.comment_moderate(comment=restored.comment, moderator=moderator, action="restore")
    restored.refresh_from_db()

    data = _my_data(client)

    assert [
        (report["comment"], report["consultation"], report["reason"], report["text"])
        for report in data["reports"]
    ] == [
        (rude.pk, "Guidelines for NGOs", "other", "Mocks my neighbour."),
        (advert.pk, "Guidelines for NGOs", "spam", "An advert."),
    ]
    decided = restored.decided_at.isoformat()
    assert [
        (appeal["comment"], appeal["message"], appeal["decided_at"], appeal["comment_restored"])
        for appeal in data["appeals"]
    ] == [
        (restored.comment_id, "The address is the ministry's own.", decided, True),
        (waiting.comment_id, "It is about school transport, not an advert.", None, None),
    ]


def test_my_data_never_shows_another_persons_reports_or_appeals(client, maja, moderator, draft):
    luka = CitizenFactory(display_name="Luka P.")
    mine = CommentFactory(consultation=draft, author=maja, body="My own comment.")
    moderation.comment_flag(comment=mine, user=luka, reason="other", text="Luka-report-text")
    _hidden_and_appealed(
        CommentFactory(consultation=draft, author=luka, body="Luka-hidden-comment"),
        moderator,
        "Luka-appeal-message",
    )
    # Maja reports a comment that her report then helps to hide: its text is not hers.
    reported = CommentFactory(consultation=draft, author=luka, body="Luka-reported-comment")
    for reporter in [CitizenFactory(), CitizenFactory()]:
        moderation.comment_flag(comment=reported, user=reporter, reason="abuse")
    moderation.comment_flag(comment=reported, user=maja, reason="abuse", text="Hurtful.")

    data = _my_data(client)
    text = json.dumps(data, ensure_ascii=False)

    assert Comment.objects.get(pk=reported.pk).status == Comment.Status.HIDDEN
    assert [report["text"] for report in data["reports"]] == ["Hurtful."]
    assert data["appeals"] == []
    for secret in [
        "Luka",
        "Luka-report-text",
        "Luka-appeal-message",
        "Luka-hidden-comment",
        "Luka-reported-comment",
    ]:
        assert secret not in text


def test_my_data_names_sections_in_the_language_of_the_request(client, maja, draft):
    both = SectionFactory(consultation=draft, heading_sl="Namen", heading_en="Purpose")
    slovenian_only = SectionFactory(consultation=draft, heading_sl="Obseg", heading_en="")
    CommentFactory(consultation=draft, section=both, author=maja, body="On the purpose.")
    CommentFactory(consultation=draft, section=slovenian_only, author=maja, body="On scope.")

    english = _my_data(client, "en")
    slovenian = _my_data(client, "sl")

    assert [comment["section"] for comment in english["comments"]] == ["Obseg", "Purpose"]
    assert [comment["section"] for comment in slovenian["comments"]] == ["Obseg", "Namen"]
    assert english["comments"][0]["consultation"] == "Guidelines for NGOs"
    assert slovenian["comments"][0]["consultation"] == "Smernice za NVO"


def _grow(maja, moderator, size: int) -> None:
    """`size` of each kind: comments (hidden, each with a request for review), votes, and
    reports of another person's comments, across as many sections."""
    consultation = ConsultationFactory(title_en="Guidelines for NGOs")
    luka = CitizenFactory(display_name="Luka P.")
    for number in range(size):
        section = SectionFactory(consultation=consultation, heading_en=f"Chapter {number}")
        _hidden_and_appealed(
            CommentFactory(
                consultation=consultation, section=section, author=maja, body=f"Idea {number}."
            ),
            moderator,
            f"Please look again at idea {number}.",
        )
        services.vote_cast(consultation=consultation, user=maja, choice="agree", section=section)
        other = CommentFactory(consultation=consultation, section=section, author=luka)
        moderation.comment_flag(comment=other, user=maja, reason="spam")


@pytest.mark.parametrize("size", [1, 12])
def test_profile_page_has_a_fixed_query_budget(
    client, django_assert_num_queries, maja, moderator, size
):
    _grow(maja, moderator, size)

    # the session, the user, my comments (with consultation, section and appeal), my votes,
    # my supports (with comment and consultation), my reports (with comment and consultation),
    # the consultations I follow, the header's unread notifications
    with django_assert_num_queries(8):
        response = client.get("/en/accounts/profile/")

    page = response.content.decode()
    assert [f"Idea {number}." in page for number in range(size)] == [True] * size
    assert page.count("Review requested") == size
    assert page.count('<td data-label="Vote">agree</td>') == size


def test_deleting_the_account_keeps_my_reports_counting_without_my_name_or_words(
    client, maja_rechecked, draft
):
    maja = maja_rechecked
    draft.flag_threshold = 2
    draft.save(update_fields=["flag_threshold"])
    luka = CitizenFactory(display_name="Luka P.")
    advert = CommentFactory(consultation=draft, author=luka, body="Buy cheap watches.")
    rude = CommentFactory(consultation=draft, author=luka, body="A rude remark.")
    moderation.comment_flag(
        comment=advert, user=maja, reason="spam", text="I live at Trubarjeva 7."
    )
    moderation.comment_flag(comment=rude, user=maja, reason="other", text="About me, Maja K.")

    client.post("/en/accounts/profile/delete/", {"comments": "keep"})
    ana = CitizenFactory()
    moderation.comment_flag(comment=advert, user=ana, reason="spam")

    assert not User.objects.filter(pk=maja.pk).exists()
    assert list(Flag.objects.order_by("id").values_list("comment", "user", "reason", "text")) == [
        (advert.pk, None, "spam", ""),
        (rude.pk, None, "other", "—"),
        (advert.pk, ana.pk, "spam", ""),
    ]
    advert.refresh_from_db()
    assert (advert.flag_count, advert.status) == (2, Comment.Status.HIDDEN)  # hers still counts


@pytest.mark.parametrize(
    ("choice", "appeal_left"), [("keep", True), ("remove", False)], ids=["keep", "remove"]
)
def test_deleting_the_account_keeps_or_removes_review_requests_with_the_comments(
    client, maja_rechecked, moderator, draft, choice, appeal_left
):
    maja = maja_rechecked
    appeal = _hidden_and_appealed(
        CommentFactory(consultation=draft, author=maja, body="Cheap bus tickets for pupils!"),
        moderator,
        "It is about school transport.",
    )

    client.post("/en/accounts/profile/delete/", {"comments": choice})

    comment = Comment.objects.get(pk=appeal.comment_id)
    assert comment.author is None
    assert Appeal.objects.filter(message="It is about school transport.").exists() is appeal_left
    # A removed comment has nothing left to restore: it no longer waits in the queue.
    assert (comment in comments_needing_attention()) is appeal_left


@pytest.mark.parametrize("key", ["account", "comments", "reports"])
def test_an_app_cannot_take_an_export_key_already_taken(key):
    before = [item.name for item in contributions.contributions()]

    with pytest.raises(ImproperlyConfigured, match=key):
        contributions.register(
            contributions.Contribution(
                name="newcomer", exports=(contributions.ExportPart(key, lambda user: None),)
            )
        )

    assert [item.name for item in contributions.contributions()] == before
