"""Moving moderation and results into apps of their own loses nothing: a database written on the
schema before the move (consultations 0007) finds every row through the new apps' models."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from consultations.models import Comment, CommentSupport, Consultation, Section, Vote
from consultations.moderation.models import Appeal, Flag, ModerationAction, OfficialResponse
from consultations.results.models import ResultsDossier
from tests.factories import CitizenFactory

BEFORE = [("consultations", "0007_results_files_in_their_own_storage")]

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _populate(old) -> dict[str, int]:
    """One row of every model, written with the models as they were before the move."""
    now = timezone.now()
    author, reader = CitizenFactory(), CitizenFactory()
    consultation = old.get_model("consultations", "Consultation").objects.create(
        title_sl="Pred selitvijo", title_en="Before the move", slug_sl="pred", slug_en="before",
        opens_at=now - timedelta(days=10), closes_at=now - timedelta(days=1), is_published=True,
    )  # fmt: skip
    section = old.get_model("consultations", "Section").objects.create(
        consultation=consultation, heading_sl="Namen", heading_en="Purpose"
    )
    comments = old.get_model("consultations", "Comment").objects
    comment = comments.create(
        consultation=consultation, section=section, author_id=author.pk, body="Prvi.",
        language="sl", status="hidden", moderation_reason="spam",
    )  # fmt: skip
    old.get_model("consultations", "CommentSupport").objects.create(
        comment=comment, user_id=reader.pk
    )
    old.get_model("consultations", "Vote").objects.create(
        consultation=consultation, section=section, user_id=reader.pk, choice="agree"
    )
    flag = old.get_model("consultations", "Flag").objects.create(
        comment=comment, user_id=reader.pk, reason="other", text="Oglas."
    )
    entry = old.get_model("consultations", "ModerationAction").objects.create(
        comment=comment, actor_name="automatic", action="auto_hide", flag_count=1
    )
    appeal = old.get_model("consultations", "Appeal").objects.create(
        comment=comment, message="Ni oglas."
    )
    response = old.get_model("consultations", "OfficialResponse").objects.create(
        consultation=consultation, section=section, body_sl="Odziv.", body_en="Response."
    )
    dossier = old.get_model("consultations", "ResultsDossier").objects.create(
        consultation=consultation, language="sl", kind="csv"
    )
    return {
        "consultation": consultation.pk, "section": section.pk, "comment": comment.pk,
        "flag": flag.pk, "entry": entry.pk, "appeal": appeal.pk, "response": response.pk,
        "dossier": dossier.pk, "author": author.pk, "reader": reader.pk,
    }  # fmt: skip


def test_every_row_written_before_the_move_is_found_through_the_new_apps():
    old = _migrate(BEFORE)
    assert old.get_model("consultations", "Flag")._meta.db_table == "consultations_flag"
    ids = _populate(old)

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert Consultation.objects.get(pk=ids["consultation"]).title_en == "Before the move"
    assert Section.objects.get(pk=ids["section"]).consultation_id == ids["consultation"]
    comment = Comment.objects.get(pk=ids["comment"])
    assert (comment.body, comment.status, comment.author_id) == ("Prvi.", "hidden", ids["author"])
    assert CommentSupport.objects.get(comment=comment).user_id == ids["reader"]
    assert Vote.objects.get(section_id=ids["section"]).choice == "agree"
    assert Flag.objects.get(pk=ids["flag"]).text == "Oglas."
    assert list(comment.flags.all()) == [Flag.objects.get(pk=ids["flag"])]
    assert (
        ModerationAction.objects.get(pk=ids["entry"]).details
        == "Hidden automatically after 1 flag."
    )
    assert comment.appeal == Appeal.objects.get(pk=ids["appeal"])
    assert comment.appeal.message == "Ni oglas."
    assert OfficialResponse.objects.get(pk=ids["response"]).body_en == "Response."
    assert ResultsDossier.objects.get(pk=ids["dossier"]).consultation_id == ids["consultation"]


def test_permissions_follow_the_models_and_the_moderators_keep_theirs():
    # From before the Moderators group was made (0003), as an installation of that time.
    _migrate([("consultations", "0002_moderation")])
    _migrate(BEFORE)
    assert ContentType.objects.filter(app_label="consultations", model="flag").exists()
    assert Group.objects.get(name="Moderators").permissions.filter(codename="view_flag").exists()

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert not ContentType.objects.filter(
        app_label="consultations",
        model__in=["flag", "moderationaction", "appeal", "officialresponse", "resultsdossier"],
    ).exists()
    moderators = set(
        Group.objects.get(name="Moderators").permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert {
        ("moderation", "view_flag"),
        ("moderation", "view_appeal"),
        ("moderation", "view_moderationaction"),
        ("moderation", "add_officialresponse"),
        ("consultations", "moderate_comment"),
    } <= moderators
    assert (
        Permission.objects.filter(
            content_type__app_label="results", codename="view_resultsdossier"
        ).count()
        == 1
    )
