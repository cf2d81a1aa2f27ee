"""The counters start from what the database holds: the migration that adds them counts the
rows written before it (votes per target and choice, published comments, supports)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import CitizenFactory

BEFORE = [("consultations", "0008_moderation_and_results_move_to_their_apps")]
AFTER = [("consultations", "0009_counters_kept_by_the_services")]

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_counters_migration_counts_the_rows_already_there():
    old = _migrate(BEFORE)
    now = timezone.now()
    people = [CitizenFactory() for _ in range(3)]
    consultation = old.get_model("consultations", "Consultation").objects.create(
        title_en="Counted", slug_en="counted", opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1), is_published=True,
    )  # fmt: skip
    section = old.get_model("consultations", "Section").objects.create(
        consultation=consultation, heading_en="Purpose"
    )
    comments = old.get_model("consultations", "Comment").objects
    shown = comments.create(consultation=consultation, author_id=people[0].pk, body="Shown.",
                            language="en", status="published")  # fmt: skip
    comments.create(consultation=consultation, section=section, author_id=people[0].pk,
                    body="Hidden.", language="en", status="hidden")  # fmt: skip
    comments.create(consultation=consultation, section=section, author_id=people[0].pk,
                    body="On the section.", language="en", status="published")  # fmt: skip
    for person in people[1:]:
        old.get_model("consultations", "CommentSupport").objects.create(
            comment=shown, user_id=person.pk
        )
    votes = old.get_model("consultations", "Vote").objects
    for person, choice in zip(people, ["agree", "agree", "abstain"], strict=True):
        votes.create(consultation=consultation, user_id=person.pk, choice=choice)
    votes.create(consultation=consultation, section=section, user_id=people[0].pk,
                 choice="disagree")  # fmt: skip

    new = _migrate(AFTER)

    counted = new.get_model("consultations", "Consultation").objects.get(pk=consultation.pk)
    assert (counted.votes_agree, counted.votes_disagree, counted.votes_abstain) == (2, 0, 1)
    assert counted.comments_published == 1
    counted = new.get_model("consultations", "Section").objects.get(pk=section.pk)
    assert (counted.votes_agree, counted.votes_disagree, counted.votes_abstain) == (0, 1, 0)
    assert counted.comments_published == 1
    comment = new.get_model("consultations", "Comment").objects.get(pk=shown.pk)
    assert comment.support_count == 2
    _migrate(_latest())


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
