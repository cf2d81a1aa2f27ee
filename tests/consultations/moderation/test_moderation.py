from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import Comment, ModerationMode, ModerationReason
from consultations.moderation import services as moderation
from consultations.moderation.models import Appeal, Flag, ModerationAction
from consultations.moderation.selectors import comments_needing_attention
from consultations.results import services as results_services
from consultations.results.models import ResultsDossier
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.consultations.results.closed_consultation import pdf_text
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db
HIDE = ModerationAction.Action.HIDE


@pytest.fixture
def moderator():
    return StaffFactory(display_name="Mojca (moderator)")


def test_pre_moderated_comment_waits_and_is_invisible(client):
    consultation = ConsultationFactory(moderation_mode=ModerationMode.PRE)

    comment = CommentFactory(consultation=consultation, body="Waiting for approval.")

    assert comment.status == Comment.Status.PENDING
    assertNotContains(client.get(consultation.get_absolute_url()), "Waiting for approval.")


def test_post_moderated_comment_is_published_at_once():
    assert CommentFactory().status == Comment.Status.PUBLISHED


def test_publishing_a_pending_comment_logs_who_did_it(moderator):
    comment = CommentFactory(consultation=ConsultationFactory(moderation_mode=ModerationMode.PRE))

    moderation.comment_moderate(comment=comment, moderator=moderator, action="publish")

    entry = ModerationAction.objects.get()
    assert (entry.actor_name, entry.action, entry.from_status, entry.to_status) == (
        "Mojca (moderator)", "publish", "pending", "published",
    )  # fmt: skip


@pytest.mark.parametrize("action", ["hide", "reject"])
def test_hiding_and_rejecting_need_a_reason(moderator, action):
    consultation = ConsultationFactory(
        moderation_mode=ModerationMode.PRE if action == "reject" else ModerationMode.POST
    )
    comment = CommentFactory(consultation=consultation)

    with pytest.raises(ValidationError, match="Choose a reason"):
        moderation.comment_moderate(comment=comment, moderator=moderator, action=action)
    assert ModerationAction.objects.count() == 0


def test_a_published_comment_cannot_be_rejected(moderator):
    comment = CommentFactory()

    with pytest.raises(ValidationError, match="cannot be"):
        moderation.comment_moderate(
            comment=comment, moderator=moderator, action="reject", reason="spam"
        )


def test_hidden_comment_leaves_a_placeholder_with_its_reason_and_keeps_replies(client, moderator):
    parent = CommentFactory(body="My neighbour Janez Novak lives at Trubarjeva 5.")
    CommentFactory(consultation=parent.consultation, parent=parent, body="A reply that stays.")

    moderation.comment_moderate(
        comment=parent, moderator=moderator, action=HIDE, reason=ModerationReason.PERSONAL_DATA
    )

    page = client.get(parent.consultation.get_absolute_url())
    assertNotContains(page, "Trubarjeva")
    assertContains(page, "Hidden by a moderator: personal data.")
    assertContains(page, "A reply that stays.")


def test_hidden_pending_and_rejected_text_never_appears_in_pages_or_feeds(client, moderator):
    section = SectionFactory()
    consultation = section.consultation
    hidden = CommentFactory(consultation=consultation, section=section, body="HIDDEN-TEXT")
    moderation.comment_moderate(comment=hidden, moderator=moderator, action=HIDE, reason="spam")
    consultation.moderation_mode = ModerationMode.PRE
    consultation.save()
    CommentFactory(consultation=consultation, section=section, body="PENDING-TEXT")
    rejected = CommentFactory(consultation=consultation, section=section, body="REJECTED-TEXT")
    moderation.comment_moderate(
        comment=rejected, moderator=moderator, action="reject", reason="abuse"
    )
    CommentFactory(consultation=consultation, section=section, body="PUBLISHED-TEXT")
    Comment.objects.filter(body="PUBLISHED-TEXT").update(status=Comment.Status.PUBLISHED)

    urls = [
        f"/en/consultations/{consultation.slug_en}/",
        f"/sl/consultations/{consultation.slug_sl}/",
        f"/en/consultations/{consultation.slug_en}/discussion/{section.pk}/",
        "/en/consultations/feed/",
        "/sitemap.xml",
        "/en/",
    ]
    for url in urls:
        content = client.get(url).content.decode()
        for secret in ("HIDDEN-TEXT", "PENDING-TEXT", "REJECTED-TEXT"):
            assert secret not in content, (secret, url)
    assert "PUBLISHED-TEXT" in client.get(urls[0]).content.decode()
    assert Comment.objects.filter(body__endswith="-TEXT").count() == 4


def test_flags_at_the_threshold_hide_the_comment_and_queue_it_first(moderator):
    consultation = ConsultationFactory(flag_threshold=2)
    comment = CommentFactory(consultation=consultation)
    other = CommentFactory(consultation=consultation)

    moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="abuse")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED
    moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="abuse")

    comment.refresh_from_db()
    assert (comment.status, comment.moderation_reason) == ("hidden", "abuse")
    entry = ModerationAction.objects.get(action=ModerationAction.Action.AUTO_HIDE)
    assert (entry.actor, entry.actor_name) == (None, "automatic")
    assert list(comments_needing_attention()) == [comment]
    assert other not in comments_needing_attention()


def test_a_citizen_flags_a_comment_once():
    comment = CommentFactory()
    citizen = CitizenFactory()
    moderation.comment_flag(comment=comment, user=citizen, reason="spam")

    with pytest.raises(ValidationError, match="already flagged"):
        moderation.comment_flag(comment=comment, user=citizen, reason="spam")
    assert Flag.objects.count() == 1


def test_other_as_a_reason_needs_an_explanation():
    with pytest.raises(ValidationError, match="Tell us what is wrong"):
        moderation.comment_flag(comment=CommentFactory(), user=CitizenFactory(), reason="other")


def test_the_author_appeals_once_and_the_outcome_is_logged_and_told(
    moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(body="Please reconsider.", language="sl")
    comment = moderation.comment_moderate(
        comment=comment, moderator=moderator, action=HIDE, reason="spam"
    )

    appeal = moderation.appeal_submit(
        comment=comment, author=comment.author, message="It is not spam."
    )
    assert comment in comments_needing_attention()
    with pytest.raises(ValidationError, match="already asked"):
        moderation.appeal_submit(comment=comment, author=comment.author, message="Again!")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_moderate(comment=comment, moderator=moderator, action="restore")

    appeal.refresh_from_db()
    assert appeal.upheld is True
    assert list(ModerationAction.objects.order_by("id").values_list("action", flat=True)) == [
        "hide", "appeal", "restore", "appeal_decided",
    ]  # fmt: skip
    assert mail.outbox[-1].to == [comment.author.email]
    assert mail.outbox[-1].subject == "Vaša prošnja za ponoven pregled: komentar je obnovljen"


def test_the_author_is_told_in_their_language_with_the_reason(
    moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(language="en")

    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_moderate(
            comment=comment, moderator=moderator, action=HIDE, reason="off_topic",
            note="Please stay with the draft.",
        )  # fmt: skip

    message = mail.outbox[0]
    assert message.subject == "Your comment was hidden by a moderator"
    assert "Reason: off-topic" in message.body
    assert "Note from the moderator: Please stay with the draft." in message.body


def test_a_failing_mail_server_loses_no_moderation_action(
    moderator, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    comment = CommentFactory()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_moderate(comment=comment, moderator=moderator, action=HIDE,
                                    reason="spam")  # fmt: skip

    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert ModerationAction.objects.filter(comment=comment, action=HIDE).exists()


def test_moderators_get_a_digest_not_a_flood(moderator, django_capture_on_commit_callbacks):
    consultation = ConsultationFactory(flag_threshold=10)

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            moderation.comment_flag(
                comment=CommentFactory(consultation=consultation), user=CitizenFactory(),
                reason="spam",
            )  # fmt: skip

    to_moderator = [m for m in mail.outbox if m.to == [moderator.email]]
    assert len(to_moderator) == 1
    assert to_moderator[0].subject == "3 komentarji potrebujejo moderiranje"


def test_blocking_ends_sessions_and_can_hide_the_comments(moderator):
    troll = CitizenFactory()
    CommentFactory(author=troll, body="Troll one.")
    CommentFactory(author=troll, body="Troll two.")
    browser = Client()
    browser.force_login(troll)

    hidden = moderation.user_block(
        user=troll, moderator=moderator, hide_comments=True, reason="abuse"
    )

    assert hidden == 2
    assert not Comment.objects.filter(author=troll, status=Comment.Status.PUBLISHED).exists()
    response = browser.get("/en/accounts/profile/")
    assert response.status_code == 302  # signed out at their next request
    entry = ModerationAction.objects.get(action=ModerationAction.Action.BLOCK_USER)
    assert entry.target_user_id == troll.pk


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL trigger")
def test_the_moderation_log_refuses_changes_and_deletions(moderator):
    comment = CommentFactory()
    moderation.comment_moderate(comment=comment, moderator=moderator, action=HIDE, reason="spam")
    entry = ModerationAction.objects.get()

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ModerationAction.objects.filter(pk=entry.pk).update(note="rewritten")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ModerationAction.objects.filter(pk=entry.pk).delete()
    assert ModerationAction.objects.get().note == ""


def test_official_response_is_shown_under_the_comment_and_told_to_its_author(
    client, django_capture_on_commit_callbacks
):
    comment = CommentFactory(language="en", body="What about older people?")
    staff = StaffFactory()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.official_response_create(
            consultation=comment.consultation, author=staff, comment=comment,
            body_sl="Dodali bomo **poglavje**.", body_en="We will add a **chapter**.",
        )  # fmt: skip

    page = client.get(comment.consultation.get_absolute_url())
    assertContains(page, "Official response of INePA")
    assertContains(page, "<p>We will add a <strong>chapter</strong>.</p>", html=True)
    assert mail.outbox[-1].subject == "INePA responded to your comment"


def test_outcome_summary_is_shown_first_on_the_page(client):
    consultation = ConsultationFactory(
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
        outcome_en="We adopted **12** of your proposals.",
    )

    page = client.get(consultation.get_absolute_url()).content.decode()

    assert '<h2 id="outcome-heading">What we did with your input</h2>' in page
    assert "<p>We adopted <strong>12</strong> of your proposals.</p>" in page
    assert page.index("outcome-heading") < page.index('id="draft"')


def test_public_moderation_summary_counts_by_reason_without_content(client, moderator):
    consultation = ConsultationFactory()
    for body, reason in [("S1", "spam"), ("S2", "spam"), ("P1", "personal_data")]:
        comment = CommentFactory(consultation=consultation, body=f"SECRET-{body}")
        moderation.comment_moderate(comment=comment, moderator=moderator, action=HIDE,
                                    reason=reason)  # fmt: skip

    page = client.get(consultation.get_absolute_url())

    assertContains(page, "<dd>spam: 2</dd>", html=True)
    assertContains(page, "<dd>personal data: 1</dd>", html=True)
    assertNotContains(page, "SECRET-")


def test_appeal_page_only_for_the_author_of_a_hidden_comment(client, moderator):
    comment = CommentFactory()
    comment = moderation.comment_moderate(
        comment=comment, moderator=moderator, action=HIDE, reason="spam"
    )
    url = f"/en/consultations/{comment.consultation.slug_en}/comments/{comment.pk}/appeal/"

    client.force_login(CitizenFactory())
    assert client.get(url).status_code == 404
    client.force_login(comment.author)
    response = client.post(url, {"message": "This was a fair point, not spam."}, follow=True)

    assertContains(response, "Your request is with the moderators.")
    assertContains(response, "Review requested")
    assert Appeal.objects.get().message == "This was a fair point, not spam."


def test_flag_form_keeps_the_text_when_the_reason_is_missing(client):
    comment = CommentFactory()
    client.force_login(CitizenFactory())
    url = f"/en/consultations/{comment.consultation.slug_en}/comments/{comment.pk}/flag/"

    response = client.post(url, {"text": "Looks like an advert."})

    assert response.status_code == 400
    assertContains(response, "Choose a reason.", status_code=400)
    assertContains(response, "Looks like an advert.", status_code=400)


def test_comment_rate_limit_refuses_with_the_text_kept_and_says_when(client, settings):
    settings.PARTICIPATION_LIMITS = {"comment": [(2, 60)], "reply": [], "flag": []}
    consultation = ConsultationFactory()
    client.force_login(CitizenFactory())
    url = f"/en/consultations/{consultation.slug_en}/comments/"

    client.post(url, {"body": "One."})
    client.post(url, {"body": "Two."})
    response = client.post(url, {"body": "Three, too fast."})

    assert response.status_code == 400
    assertContains(response, "Please wait 1 minute and try again.", status_code=400)
    assertContains(response, "Three, too fast.", status_code=400)
    assert Comment.objects.count() == 2


def test_a_blocked_citizen_with_an_old_session_cannot_vote(client, moderator):
    troll = CitizenFactory()
    consultation = ConsultationFactory()
    moderation.user_block(user=troll, moderator=moderator, hide_comments=False, reason="abuse")
    client.force_login(troll)  # an old session

    client.post(f"/en/consultations/{consultation.slug_en}/vote/", {"choice": "agree"})

    assert not consultation.votes.exists()


def test_hiding_a_comment_of_a_closed_consultation_renders_its_dossier_anew(
    moderator, django_capture_on_commit_callbacks
):
    consultation = ConsultationFactory(
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() + timedelta(days=1),
    )
    comment = CommentFactory(consultation=consultation, language="en", body="FIRST-PUBLISHED")
    type(consultation).objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(minutes=5)
    )
    consultation.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        results_services.dossier_schedule(consultation=consultation)
    with ResultsDossier.objects.get(language="en", kind="pdf").file.open("rb") as before:
        assert "FIRST-PUBLISHED" in pdf_text(before.read())

    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_moderate(comment=comment, moderator=moderator, action=HIDE,
                                    reason="personal_data")  # fmt: skip

    with ResultsDossier.objects.get(language="en", kind="pdf").file.open("rb") as after:
        assert "FIRST-PUBLISHED" not in pdf_text(after.read())
    assert Comment.objects.filter(body="FIRST-PUBLISHED").exists()
