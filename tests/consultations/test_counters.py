"""Counters kept by the services that write (issue #12), and the command that recounts them."""

import io

import pytest
from django.core.management import CommandError, call_command

from consultations import account_data, services
from consultations.models import Comment, Consultation, ModerationMode, Vote
from consultations.moderation import services as moderation
from consultations.selectors import Tally, consultation_page, tallies
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _recount(*args: str) -> str:
    out = io.StringIO()
    call_command("recount_counters", *args, stdout=out)
    return out.getvalue()


def test_a_changed_vote_moves_from_one_choice_to_the_other():
    consultation = ConsultationFactory()
    section = SectionFactory(consultation=consultation)
    ana, bor = CitizenFactory(), CitizenFactory()

    services.vote_cast(consultation=consultation, user=ana, choice="agree")
    services.vote_cast(consultation=consultation, user=bor, choice="agree")
    services.vote_cast(consultation=consultation, user=ana, choice="disagree")
    services.vote_cast(consultation=consultation, user=ana, choice="disagree")  # no change
    services.vote_cast(consultation=consultation, section=section, user=bor, choice="abstain")

    assert tallies(consultation) == {
        None: Tally(agree=1, disagree=1, abstain=0),
        section.pk: Tally(agree=0, disagree=0, abstain=1),
    }
    assert _recount() == "Every counter matches its rows.\n"


def test_published_comments_are_counted_through_moderation_and_removal():
    consultation = ConsultationFactory(moderation_mode=ModerationMode.PRE)
    section = SectionFactory(consultation=consultation)
    waiting = CommentFactory(consultation=consultation, section=section)
    other = CommentFactory(consultation=consultation)
    moderator = StaffFactory()

    def counts() -> dict:
        page = consultation_page(Consultation.objects.get(pk=consultation.pk), user=moderator)
        return {d.section.pk if d.section else None: d.comment_count for d in page}

    assert counts() == {None: 0, section.pk: 0}  # pending: not published yet
    moderation.comment_moderate(comment=waiting, moderator=moderator, action="publish")
    moderation.comment_moderate(comment=other, moderator=moderator, action="publish")
    assert counts() == {None: 1, section.pk: 1}
    moderation.comment_moderate(comment=waiting, moderator=moderator, action="hide",
                                reason="abuse")  # fmt: skip
    assert counts() == {None: 1, section.pk: 0}
    moderation.comment_moderate(comment=waiting, moderator=moderator, action="restore")
    services.comment_remove(comment=Comment.objects.get(pk=other.pk), author=other.author)
    assert counts() == {None: 0, section.pk: 1}
    assert _recount() == "Every counter matches its rows.\n"


def test_supports_are_counted_when_given_taken_back_and_gone_with_an_account():
    comment = CommentFactory()
    ana, bor = CitizenFactory(), CitizenFactory()

    services.comment_support(comment=comment, user=ana)
    services.comment_support(comment=comment, user=ana)  # a second +1 changes nothing
    services.comment_support(comment=comment, user=bor)
    assert Comment.objects.get(pk=comment.pk).support_count == 2
    services.comment_unsupport(comment=comment, user=bor)
    assert Comment.objects.get(pk=comment.pk).support_count == 1
    account_data.participation_delete(ana, keep_comments=True)
    assert Comment.objects.get(pk=comment.pk).support_count == 0
    assert _recount() == "Every counter matches its rows.\n"


def test_recount_reports_drift_and_fixes_it_when_asked():
    consultation = ConsultationFactory()
    comment = CommentFactory(consultation=consultation)
    services.vote_cast(consultation=consultation, user=CitizenFactory(), choice="agree")
    # Rows written behind the services' back (a bulk import, a manual fix in SQL):
    Vote.objects.create(consultation=consultation, user=CitizenFactory(), choice="abstain")
    Comment.objects.filter(pk=comment.pk).update(support_count=7)

    with pytest.raises(CommandError, match="2 counters drifted"):
        _recount()
    assert tallies(consultation)[None] == Tally(agree=1, disagree=0, abstain=0)

    assert _recount("--fix") == (
        f"fixed consultation {consultation.pk}, draft, votes_abstain: counted 0, the rows give 1\n"
        f"fixed comment {comment.pk}, supports: counted 7, the rows give 0\n"
        "2 counters fixed.\n"
    )
    assert tallies(consultation)[None] == Tally(agree=1, disagree=0, abstain=1)
    assert _recount() == "Every counter matches its rows.\n"
