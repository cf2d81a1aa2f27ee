"""Issue #10: emails in the recipient's language whatever language the moderator or the
flagger works in; the log keeps facts (how many flags, which reason), worded when shown."""

import importlib

import pytest
from django.core import mail
from django.db import DatabaseError, connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from consultations.moderation import services as moderation
from consultations.moderation.models import ModerationAction
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}
SL = {"accept-language": "sl"}


@pytest.fixture
def moderator():
    return StaffFactory(display_name="Mojca")


def _hide(comment, moderator, capture, *, working_in: str):
    with translation.override(working_in), capture(execute=True):
        moderation.comment_moderate(
            comment=comment, moderator=moderator, action="hide", reason="abuse"
        )
    (message,) = mail.outbox
    return message


def test_a_slovenian_author_is_told_in_slovenian_by_a_moderator_working_in_english(
    moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(language="sl")

    message = _hide(comment, moderator, django_capture_on_commit_callbacks, working_in="en")

    assert message.subject == "Moderator je skril vaš komentar"
    assert "Razlog: žalitve ali sovražni govor" in message.body
    assert "abuse or hate" not in message.body


def test_an_english_author_is_told_in_english_by_a_moderator_working_in_slovenian(
    moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(language="en")

    message = _hide(comment, moderator, django_capture_on_commit_callbacks, working_in="sl")

    assert message.subject == "Your comment was hidden by a moderator"
    assert "Reason: abuse or hate" in message.body
    assert "Razlog" not in message.body


def _flag_until_hidden(comment, flags: int, capture, *, working_in: str) -> None:
    with translation.override(working_in), capture(execute=True):
        for _ in range(flags):
            moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="spam")


def test_automatic_hiding_is_logged_as_facts_not_as_a_sentence(django_capture_on_commit_callbacks):
    comment = CommentFactory(consultation=ConsultationFactory(flag_threshold=2), language="en")

    _flag_until_hidden(comment, 2, django_capture_on_commit_callbacks, working_in="sl")

    entry = ModerationAction.objects.get(action=ModerationAction.Action.AUTO_HIDE)
    assert (entry.flag_count, entry.reason, entry.note) == (2, "spam", "")
    with translation.override("en"):
        assert entry.details == "Hidden automatically after 2 flags."
    with translation.override("sl"):
        assert entry.details == "Samodejno skrito po 2 prijavah."


@pytest.mark.parametrize(
    ("count", "english", "slovenian"),
    [
        (1, "Hidden automatically after 1 flag.", "Samodejno skrito po 1 prijavi."),
        (2, "Hidden automatically after 2 flags.", "Samodejno skrito po 2 prijavah."),
        (3, "Hidden automatically after 3 flags.", "Samodejno skrito po 3 prijavah."),
        (5, "Hidden automatically after 5 flags.", "Samodejno skrito po 5 prijavah."),
        (101, "Hidden automatically after 101 flags.", "Samodejno skrito po 101 prijavi."),
    ],
)
def test_the_log_words_the_flag_count_with_plural_forms(count, english, slovenian):
    entry = ModerationAction(action=ModerationAction.Action.AUTO_HIDE, flag_count=count)

    with translation.override("en"):
        assert entry.details == english
    with translation.override("sl"):
        assert entry.details == slovenian


def test_the_admin_log_shows_the_count_in_the_readers_language(
    client, django_capture_on_commit_callbacks
):
    comment = CommentFactory(consultation=ConsultationFactory(flag_threshold=1), language="sl")
    _flag_until_hidden(comment, 1, django_capture_on_commit_callbacks, working_in="sl")
    client.force_login(StaffFactory())

    english = client.get("/admin/moderation/moderationaction/", headers=EN).content.decode()
    slovenian = client.get(
        f"/admin/consultations/comment/{comment.pk}/change/", headers=SL
    ).content.decode()

    assert "Hidden automatically after 1 flag." in english
    assert "Samodejno skrito po 1 prijavi." in slovenian
    assert "flags." not in english


def test_an_author_hidden_by_flags_is_told_so_in_their_language(
    django_capture_on_commit_callbacks,
):
    comment = CommentFactory(consultation=ConsultationFactory(flag_threshold=3), language="sl")

    _flag_until_hidden(comment, 3, django_capture_on_commit_callbacks, working_in="en")

    (message,) = [m for m in mail.outbox if m.to == [comment.author.email]]
    assert message.subject == "Vaš komentar je bil samodejno skrit"
    assert "po 3 prijavah drugih udeležencev" in message.body
    assert "Razlog: neželena vsebina" in message.body
    assert "moderator" not in message.subject.lower()
    assert "flag" not in message.body


def test_old_log_sentences_become_facts_and_the_log_stays_append_only():
    comment = CommentFactory()
    old = [
        ModerationAction.objects.create(
            comment=comment, actor_name="automatic", action="auto_hide", reason="spam", note=note
        )
        for note in (
            "Hidden after 1 flags.",
            "Samodejno skrito, ko je število prijav doseglo 4.",
            "Something a person wrote.",
        )
    ]
    migration = importlib.import_module("consultations.migrations.0005_moderation_log_flag_count")

    # As the migration runs: with the models of its time (the log in consultations).
    state = MigrationLoader(connection).project_state(
        ("consultations", "0005_moderation_log_flag_count")
    )
    with connection.schema_editor() as editor:
        migration.sentences_to_facts(state.apps, editor)

    rows = ModerationAction.objects.filter(pk__in=[e.pk for e in old]).order_by("pk")
    assert [(r.flag_count, r.note) for r in rows] == [
        (1, ""), (4, ""), (None, "Something a person wrote.")
    ]  # fmt: skip
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.filter(pk=old[0].pk).update(note="changed")
