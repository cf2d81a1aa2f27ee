"""Follows, events, delivery per kind, unsubscribing and the notifications page, with every
email read from a real SMTP server (tests/notifications/conftest.py)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from consultations import services as participation
from consultations.models import Comment, ModerationMode
from consultations.moderation import services as moderation
from consultations.moderation.models import ModerationAction
from notifications import services, tasks
from notifications.models import Delivery, DigestDay, Follow, Kind, Notification
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

from .conftest import free_port, smtp_mailers

pytestmark = pytest.mark.django_db


def unsubscribe_path(message) -> str:
    url = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"]).group(1)
    return re.sub(r"^https?://[^/]+", "", url)


def reply(parent: Comment, *, author=None, body="I disagree, and here is why.", language="en"):
    return participation.comment_submit(
        consultation=parent.consultation,
        author=author or CitizenFactory(),
        body=body,
        language=language,
        parent=parent,
    )


def test_a_reply_is_emailed_at_once_to_the_author_it_answers(
    mailbox, django_capture_on_commit_callbacks
):
    parent = CommentFactory(language="en", body="The first point is unclear.")
    with django_capture_on_commit_callbacks(execute=True):
        reply(parent, body="It is explained in the annex.")
    (message,) = mailbox.messages
    assert message["To"] == parent.author.email
    assert message["Subject"] == f"A reply to your comment in “{parent.consultation.title_en}”"
    body = message.get_content()
    assert "It is explained in the annex." in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_path(message) in body  # the same link in the text
    assert unsubscribe_path(message).startswith("/en/notifications/unsubscribe/")


def test_the_email_is_in_the_recipients_language(mailbox, django_capture_on_commit_callbacks):
    parent = CommentFactory(language="sl", body="Prva točka ni jasna.")
    with django_capture_on_commit_callbacks(execute=True):
        reply(parent, language="en")
    (message,) = mailbox.messages
    assert (
        message["Subject"]
        == f"Odgovor na vaš komentar v posvetovanju »{parent.consultation.title_sl}«"
    )
    assert unsubscribe_path(message).startswith("/sl/notifications/unsubscribe/")


def test_one_click_unsubscribe_as_a_mail_provider_posts_it(
    mailbox, django_capture_on_commit_callbacks
):
    parent = CommentFactory(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        reply(parent)
    (message,) = mailbox.messages
    provider = Client(enforce_csrf_checks=True)  # no session, no CSRF token
    response = provider.post(
        unsubscribe_path(message),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "you will get no more emails of this kind" in response.content.decode()
    # Replies are off now; responses are still at once.
    with django_capture_on_commit_callbacks(execute=True):
        reply(parent, body="Another reply.")
    assert len(mailbox.messages) == 1
    assert Notification.objects.filter(recipient=parent.author, kind=Kind.REPLY).count() == 2
    assert Notification.objects.filter(email=Notification.Email.NOT_SENT).count() == 1


def test_opening_the_unsubscribe_link_changes_nothing_until_the_button(mailbox, client):
    parent = CommentFactory(language="en")
    token = tasks.unsubscribe_token(user_id=parent.author.pk, kind=Kind.REPLY)
    url = reverse("notifications:unsubscribe", kwargs={"token": token})
    response = client.get(url)
    assert "Stop the emails of this kind?" in response.content.decode()
    assert services.selectors.delivery_for(parent.author, Kind.REPLY) == Delivery.AT_ONCE


def test_a_forged_unsubscribe_link_is_refused(client):
    user = CitizenFactory()
    token = tasks.unsubscribe_token(user_id=user.pk, kind=Kind.REPLY)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.post(reverse("notifications:unsubscribe", kwargs={"token": forged}))
    assert response.status_code == 400
    assert "This link is not valid." in response.content.decode()
    assert services.selectors.delivery_for(user, Kind.REPLY) == Delivery.AT_ONCE


def test_a_worker_that_retries_never_sends_one_event_twice(
    mailbox, settings, django_capture_on_commit_callbacks
):
    parent = CommentFactory(language="en")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        reply(parent)
    notification = Notification.objects.get(recipient=parent.author)
    # The first attempt meets a mail server that does not answer: the task fails, nothing sent.
    settings.MAILERS = smtp_mailers(free_port())
    with pytest.raises(ConnectionRefusedError):
        tasks.notification_send.call(notification.pk)
    settings.MAILERS = smtp_mailers(mailbox.port)
    notification.refresh_from_db()
    assert notification.email == Notification.Email.PENDING
    assert mailbox.messages == []
    # The worker retries, and runs the task again after it succeeded (and the queued one runs).
    assert tasks.notification_send.call(notification.pk) == "sent"
    assert tasks.notification_send.call(notification.pk) == "already handled"
    for callback in queued:
        callback()
    assert len(mailbox.messages) == 1
    notification.refresh_from_db()
    assert notification.email == Notification.Email.SENT


def test_the_same_event_is_recorded_once_per_person(django_capture_on_commit_callbacks):
    parent = CommentFactory(language="en")
    comment = reply(parent)
    services.reply_published(comment=comment, now=timezone.now())
    assert Notification.objects.filter(recipient=parent.author).count() == 1


def test_taking_part_follows_and_stopping_sticks(client):
    consultation = ConsultationFactory()
    citizen = CitizenFactory()
    CommentFactory(consultation=consultation, author=citizen)
    assert Follow.objects.filter(user=citizen, consultation=consultation).exists()
    client.force_login(citizen)
    client.post(
        reverse("notifications:follow", kwargs={"slug": consultation.slug_en}),
        {"action": "unfollow"},
    )
    assert not Follow.objects.filter(user=citizen, consultation=consultation).exists()
    participation.vote_cast(consultation=consultation, user=citizen, choice="agree")
    assert not Follow.objects.filter(user=citizen, consultation=consultation).exists()
    voter = CitizenFactory()
    participation.vote_cast(consultation=consultation, user=voter, choice="agree")
    assert Follow.objects.filter(user=voter, consultation=consultation).exists()


def test_the_follow_button_on_the_consultation_page(client):
    consultation = ConsultationFactory()
    citizen = CitizenFactory()
    client.force_login(citizen)
    page = client.get(consultation.get_absolute_url())
    assert "Follow this consultation" in page.content.decode()
    response = client.post(
        reverse("notifications:follow", kwargs={"slug": consultation.slug_en}),
        {"action": "follow"},
        follow=True,
    )
    assert "You follow this consultation." in response.content.decode()
    assert "Stop following" in response.content.decode()


def test_following_needs_an_account_and_a_published_consultation(client):
    hidden = ConsultationFactory(is_published=False)
    url = reverse("notifications:follow", kwargs={"slug": hidden.slug_en})
    assert client.post(url).status_code == 302  # to the sign-in page
    assert not Follow.objects.exists()
    client.force_login(CitizenFactory())
    assert client.post(url).status_code == 404
    assert not Follow.objects.exists()


def test_a_pending_reply_tells_nobody_until_it_is_published(
    mailbox, django_capture_on_commit_callbacks
):
    consultation = ConsultationFactory(moderation_mode=ModerationMode.POST)
    parent = CommentFactory(consultation=consultation, language="en")
    consultation.moderation_mode = ModerationMode.PRE
    consultation.save()
    with django_capture_on_commit_callbacks(execute=True):
        pending = reply(parent, body="Secret words awaiting moderation.")
    assert not Notification.objects.filter(recipient=parent.author).exists()
    assert mailbox.messages == []
    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_moderate(
            comment=pending, moderator=StaffFactory(), action=ModerationAction.Action.PUBLISH
        )
    (message,) = mailbox.to(parent.author.email)
    assert "Secret words awaiting moderation." in message.get_content()


def test_a_reply_hidden_before_the_email_leaves_keeps_its_words(
    mailbox, client, django_capture_on_commit_callbacks
):
    parent = CommentFactory(language="en")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        answer = reply(parent, body="Words a moderator hid.")
    moderation.comment_moderate(
        comment=answer, moderator=StaffFactory(), action=ModerationAction.Action.HIDE,
        reason="abuse",
    )  # fmt: skip
    for callback in queued:
        callback()
    (message,) = mailbox.to(parent.author.email)
    assert "Words a moderator hid." not in message.get_content()
    client.force_login(parent.author)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "A reply to your comment" in page
    assert "Words a moderator hid." not in page


def test_moderation_outcome_follows_the_persons_setting(
    mailbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory(language="en")
    services.delivery_settings_save(
        user=comment.author, choices={Kind.MODERATION: Delivery.OFF}, language="en"
    )
    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_moderate(
            comment=comment, moderator=StaffFactory(), action=ModerationAction.Action.HIDE,
            reason="spam",
        )  # fmt: skip
    assert mailbox.messages == []
    (notification,) = Notification.objects.filter(recipient=comment.author)
    assert (notification.kind, notification.event) == (Kind.MODERATION, "hidden")


def test_an_official_response_to_a_section_tells_who_commented_on_it(
    mailbox, django_capture_on_commit_callbacks
):
    section = SectionFactory()
    commenter = CommentFactory(consultation=section.consultation, section=section, language="en")
    elsewhere = CommentFactory(consultation=section.consultation, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.official_response_create(
            consultation=section.consultation, author=StaffFactory(), section=section,
            body_sl="Odgovor.", body_en="A response.",
        )  # fmt: skip
    (message,) = mailbox.messages
    assert message["To"] == commenter.author.email
    assert message["Subject"] == f"An official response in “{section.consultation.title_en}”"
    assert not Notification.objects.filter(recipient=elsewhere.author).exists()


def test_closing_and_results_go_in_one_digest_a_day(mailbox, django_capture_on_commit_callbacks):
    consultation = ConsultationFactory()
    follower = CommentFactory(consultation=consultation, language="en").author
    now = consultation.closes_at + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.time_events_record(now=now) == 1
        assert services.time_events_record(now=now) == 0  # recorded once
    assert mailbox.messages == []  # closings go to the digest by default
    consultation.outcome_en = "We changed article 3."
    participation.consultation_save(consultation=consultation)
    services.time_events_record(now=now)
    services.digests_send(now=now)
    (digest,) = mailbox.messages
    assert digest["To"] == follower.email
    assert digest["Subject"] == "Your INePA digest: 2 events"
    assert f"“{consultation.title_en}” has closed" in digest.get_content()
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Another event the same day waits for tomorrow's digest.
    consultation2 = ConsultationFactory()
    services.follow(user=follower, consultation=consultation2, language="en")
    services.time_events_record(now=consultation2.closes_at + timedelta(hours=1))
    services.digests_send(now=now)
    assert len(mailbox.messages) == 1
    services.digests_send(now=now + timedelta(days=1))
    assert len(mailbox.messages) == 2
    assert DigestDay.objects.filter(user=follower).count() == 2


def test_the_notifications_page_lists_unread_first_and_marks_read(client):
    parent = CommentFactory(language="en")
    older = reply(parent, body="Older reply.")
    newer = reply(parent, body="Newer reply.")
    client.force_login(parent.author)
    header = client.get(reverse("home")).content.decode()
    assert "Notifications (2 unread)" in header
    first = Notification.objects.get(comment=newer)
    client.post(reverse("notifications:list"), {"id": first.pk})
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Notifications (1 unread)" in page
    assert page.index("Older reply.") < page.index("Newer reply.")  # the unread one first
    client.post(reverse("notifications:list"))
    assert "unread)" not in client.get(reverse("home")).content.decode()
    assert older.pk != newer.pk


def test_nobody_marks_anothers_notifications_read(client):
    parent = CommentFactory(language="en")
    reply(parent)
    notification = Notification.objects.get(recipient=parent.author)
    client.force_login(CitizenFactory())
    client.post(reverse("notifications:list"), {"id": notification.pk})
    notification.refresh_from_db()
    assert notification.read_at is None


def test_delivery_settings_on_the_profile(client):
    citizen = CitizenFactory()
    client.force_login(citizen)
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "Replies to my comments" in page
    choices = dict.fromkeys(Kind.values, "digest") | {"reply": "off"}
    client.post(reverse("notifications:settings"), choices)
    assert services.selectors.delivery_settings(citizen)["reply"] == "off"
    assert services.selectors.delivery_settings(citizen)["closed"] == "digest"
    response = client.post(reverse("notifications:settings"), {"reply": "sometimes"})
    assert "Select a valid choice." in response.content.decode()


def test_a_visitor_subscribes_with_double_opt_in(
    mailbox, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("notifications:subscribe"), {"email": "Visitor@Example.org"})
    (confirmation,) = mailbox.messages
    link = re.search(r"https?://\S+/subscribe/\S+/", confirmation.get_content()).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    # Not confirmed yet: a new consultation is announced to nobody.
    with django_capture_on_commit_callbacks(execute=True):
        services.time_events_record()
        ConsultationFactory()
        services.time_events_record()
    assert len(mailbox.messages) == 1
    assert "Confirm my subscription" in client.get(path).content.decode()
    client.post(path)
    with django_capture_on_commit_callbacks(execute=True):
        consultation = ConsultationFactory()
        services.time_events_record()
    announcements = mailbox.to("visitor@example.org")[1:]
    assert {m["Subject"] for m in announcements} >= {
        f"A new consultation: “{consultation.title_en}”"
    }
    assert all(m["List-Unsubscribe-Post"] for m in announcements)
    Client(enforce_csrf_checks=True).post(unsubscribe_path(announcements[0]))
    from notifications.models import Subscription

    assert not Subscription.objects.exists()


def test_the_data_export_has_follows_settings_and_notifications(client):
    parent = CommentFactory(language="en")
    reply(parent)
    client.force_login(parent.author)
    data = client.get(reverse("accounts:data")).json()
    assert data["follows"][0]["consultation"] == parent.consultation.title_en
    assert data["notification_settings"]["delivery"]["reply"] == "at_once"
    assert data["notifications"][0]["kind"] == "reply"


def test_a_comment_that_answers_nobody_emails_nobody(mailbox):
    CommentFactory(language="en")
    assert mail.outbox == []
    assert mailbox.messages == []
    assert translation.get_language() == "en"


def test_published_results_files_tell_the_followers_once(mailbox):
    from consultations.results.models import KINDS, ResultsDossier

    consultation = ConsultationFactory()
    follower = CommentFactory(consultation=consultation, language="en").author
    now = consultation.closes_at + timedelta(hours=2)
    services.time_events_record(now=now)  # the closing only: no files yet
    assert not Notification.objects.filter(kind=Kind.RESULTS).exists()
    for kind in KINDS:
        ResultsDossier.objects.create(
            consultation=consultation, language="en", kind=kind, file=f"results/x.{kind}",
            status=ResultsDossier.Status.READY, sha256="0" * 64, size=1, generated_at=now,
        )  # fmt: skip
    services.time_events_record(now=now)
    services.time_events_record(now=now)
    (notification,) = Notification.objects.filter(kind=Kind.RESULTS)
    assert (notification.recipient, notification.event) == (follower, "dossier")
    services.digests_send(now=now)
    (digest,) = mailbox.messages
    assert f"The results of “{consultation.title_en}” are published" in digest.get_content()


def test_the_export_names_a_visitor_subscription_of_the_accounts_address(client):
    citizen = CitizenFactory(email="both@example.org")
    services.subscription_request(email="both@example.org", language="en")
    client.force_login(citizen)
    data = client.get(reverse("accounts:data")).json()
    assert data["notification_settings"]["new_consultations_subscription"]["confirmed_at"] is None


def test_confirmation_emails_to_one_address_are_limited(
    mailbox, client, django_capture_on_commit_callbacks
):
    for _attempt in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("notifications:subscribe"), {"email": "x@example.org"})
        assert "Check your inbox" in response.content.decode()
    assert len(mailbox.to("x@example.org")) == 2


def test_a_kind_moved_to_the_digest_before_the_email_left_goes_in_the_digest(
    mailbox, django_capture_on_commit_callbacks
):
    parent = CommentFactory(language="en")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        reply(parent)
    services.delivery_settings_save(
        user=parent.author, choices={Kind.REPLY: Delivery.DIGEST}, language="en"
    )
    for callback in queued:
        callback()
    assert mailbox.messages == []
    services.digests_send()
    (digest,) = mailbox.messages
    assert digest["Subject"] == "Your INePA digest: 1 event"


def test_account_holders_hear_of_new_consultations_only_when_they_ask(
    mailbox, django_capture_on_commit_callbacks
):
    quiet = CitizenFactory()
    keen = CitizenFactory()
    services.delivery_settings_save(user=keen, choices={Kind.NEW: Delivery.AT_ONCE}, language="en")
    consultation = ConsultationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.time_events_record()
        services.time_events_record()
    assert not Notification.objects.filter(recipient=quiet).exists()
    (message,) = mailbox.messages
    assert message["To"] == keen.email
    assert message["Subject"] == f"A new consultation: “{consultation.title_en}”"
