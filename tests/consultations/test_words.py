"""The words a citizen reads: automatic hiding named as such, Slovenian labels that cannot be
mistaken for one another, parallel vote choices, one full stop after a name."""

import re

import pytest
from django.core import mail
from pytest_django.asserts import assertContains, assertNotContains

from consultations.moderation import services as moderation
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _url(consultation, language) -> str:
    return f"/{language}/consultations/{getattr(consultation, f'slug_{language}')}/"


def _hide_by_reports(comment, reports):
    for _ in range(reports):
        moderation.comment_flag(comment=comment, user=CitizenFactory(), reason="spam")


@pytest.mark.parametrize(
    ("language", "placeholder"),
    [
        (
            "en",
            "Hidden automatically after reports by participants, "
            "until a moderator has looked at it. Reason given: spam.",
        ),
        (
            "sl",
            "Samodejno skrito po prijavah udeležencev, dokler ga ne pregleda moderator. "
            "Navedeni razlog: neželena vsebina (spam).",
        ),
    ],
)
def test_a_comment_hidden_by_reports_says_so_and_blames_no_moderator(client, language, placeholder):
    comment = CommentFactory(consultation=ConsultationFactory(flag_threshold=2))
    _hide_by_reports(comment, 2)

    page = client.get(_url(comment.consultation, language))

    assertContains(page, placeholder)
    assertNotContains(page, "Hidden by a moderator")
    assertNotContains(page, "skril moderator")


def test_a_moderator_hiding_the_comment_afterwards_is_named_as_the_moderators_act(client):
    comment = CommentFactory(consultation=ConsultationFactory(flag_threshold=1))
    _hide_by_reports(comment, 1)
    moderation.comment_moderate(
        comment=comment, moderator=StaffFactory(), action="hide", reason="abuse"
    )

    page = client.get(_url(comment.consultation, "en"))

    assertContains(page, "Hidden by a moderator: abuse or hate.")
    assertNotContains(page, "Hidden automatically")


@pytest.mark.parametrize(
    ("language", "subject", "sentence", "not_said"),
    [
        (
            "en",
            "Your comment was hidden automatically",
            "was hidden automatically after 2 reports by other participants",
            "A moderator hid your comment",
        ),
        (
            "sl",
            "Vaš komentar je bil samodejno skrit",
            "je bil samodejno skrit po 2 prijavah drugih udeležencev",
            "Moderator je skril",
        ),
    ],
)
def test_the_author_is_told_by_email_that_reports_hid_the_comment_automatically(
    django_capture_on_commit_callbacks, language, subject, sentence, not_said
):
    comment = CommentFactory(consultation=ConsultationFactory(flag_threshold=2), language=language)
    with django_capture_on_commit_callbacks(execute=True):
        _hide_by_reports(comment, 2)

    told = [message for message in mail.outbox if message.to == [comment.author.email]]
    assert len(told) == 1
    assert told[0].subject == subject
    body = " ".join(told[0].body.split())
    assert sentence in body
    assert not_said not in body


def _labels(page) -> list[str]:
    text = page.content.decode()
    found = re.findall(r"<(?:a|button|summary)\b[^>]*>\s*([^<]+?)\s*</(?:a|button|summary)>", text)
    found += re.findall(r'aria-label="([^"]+)"', text)
    found += re.findall(r"<label\b[^>]*>\s*(?:<input[^>]*>)?\s*([^<]+?)\s*</label>", text)
    return found


def test_slovenian_labels_of_taking_part_are_unambiguous(client):
    consultation = ConsultationFactory()
    SectionFactory(consultation=consultation, position=1)
    CommentFactory(consultation=consultation, body="Prvi komentar.")
    parent = CommentFactory(consultation=consultation, body="Drugi komentar.")
    CommentFactory(consultation=consultation, parent=parent, body="Odgovor nanj.")
    client.force_login(CitizenFactory(display_name="Maja K."))

    labels = _labels(client.get(_url(consultation, "sl")))

    # Reporting a comment does not read like signing in ("Prijavite se", "Prijava").
    assert "Opozori moderatorje" in labels
    assert "Prijavi" not in labels
    # The action "Reply" and the noun "Replies" differ.
    assert "Odgovorite" in labels
    assert "Odgovori na komentar" in labels
    assert "Odgovori" not in labels
    # The three choices are parallel: first person, present tense.
    assert {"Se strinjam", "Se ne strinjam", "Se vzdržim"} <= set(labels)
    assert "Vzdržan" not in labels


def test_the_report_form_in_slovenian_names_the_action_as_its_link_does(client):
    comment = CommentFactory()
    client.force_login(CitizenFactory())

    page = client.get(f"{_url(comment.consultation, 'sl')}comments/{comment.pk}/flag/")

    assertContains(page, "<h1>Opozorite moderatorje na komentar</h1>", html=True)
    assertContains(page, '<button type="submit">Pošlji opozorilo</button>', html=True)


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Signed in as Mojca N."), ("sl", "Prijavljeni ste kot Mojca N.")],
)
def test_a_name_ending_in_a_full_stop_gets_no_second_one(client, language, message):
    CitizenFactory(email="mojca@example.org", display_name="Mojca N.")

    response = client.post(
        f"/{language}/accounts/login/?next=/{language}/about/",
        {"login": "mojca@example.org", "password": "correct horse battery staple"},
        follow=True,
    )

    shown = [str(m) for m in response.context["messages"]]
    assert shown == [message]
    assertNotContains(response, "N..")


def test_a_name_without_a_full_stop_ends_the_sentence_with_one(client):
    CitizenFactory(email="ana@example.org", display_name="Ana Novak")

    response = client.post(
        "/en/accounts/login/?next=/en/about/",
        {"login": "ana@example.org", "password": "correct horse battery staple"},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == ["Signed in as Ana Novak."]


@pytest.mark.parametrize(
    ("language", "state"),
    [("en", "hidden automatically after reports"), ("sl", "samodejno skrito po prijavah")],
)
def test_the_authors_profile_names_hiding_by_reports_as_automatic(client, language, state):
    comment = CommentFactory(consultation=ConsultationFactory(flag_threshold=1))
    _hide_by_reports(comment, 1)
    client.force_login(comment.author)

    page = client.get(f"/{language}/accounts/profile/")

    text = " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())
    assert state in text
    assert "hidden by a moderator" not in text
    assert "skril moderator" not in text
