"""Results dossiers are rendered in the background when due, stored, swapped and retried."""

import hashlib
import importlib
import io
import logging
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.tasks import default_task_backend
from django.utils import timezone
from pytest_django.asserts import assertContains

from consultations.models import Comment
from consultations.results import models as results_models
from consultations.results import selectors as results_selectors
from consultations.results import services as results_services
from consultations.results import tasks as results_tasks
from consultations.results.models import ResultsDossier
from tests.consultations.factories import ConsultationFactory
from tests.consultations.results.closed_consultation import (
    HIDDEN_TEXT,
    PUBLISHED_TEXT,
    closed_consultation,
    pdf_text,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "dossiers"],
    }
}


@pytest.fixture
def queued(settings):
    """Tasks are kept in a queue instead of running, as with a worker in production."""
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    return default_task_backend.results


def _content(row: ResultsDossier) -> bytes:
    with row.file.open("rb") as stored:
        return stored.read()


def _queued_renders(results) -> list[tuple[int, str]]:
    return sorted(
        (result.kwargs["consultation_id"], result.kwargs["language"])
        for result in results
        if result.task.name == "render_results_dossier"
    )


def test_closing_a_consultation_queues_its_render_in_both_languages(
    queued, django_capture_on_commit_callbacks
):
    closes_at = timezone.now() + timedelta(hours=1)
    consultation = ConsultationFactory(closes_at=closes_at)

    with django_capture_on_commit_callbacks(execute=True):
        before = results_services.dossiers_schedule_due(now=closes_at - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        after = results_services.dossiers_schedule_due(now=closes_at + timedelta(seconds=1))

    assert before == []
    assert [(c.pk, language, why) for c, language, why in after] == [
        (consultation.pk, "sl", "missing"),
        (consultation.pk, "en", "missing"),
    ]
    assert _queued_renders(queued) == [(consultation.pk, "en"), (consultation.pk, "sl")]
    assert set(ResultsDossier.objects.values_list("status", flat=True)) == {"pending"}
    assert not ResultsDossier.objects.exclude(file="").exists()  # nothing rendered yet


def test_a_waiting_render_is_not_queued_twice(queued, django_capture_on_commit_callbacks):
    consultation = closed_consultation()

    with django_capture_on_commit_callbacks(execute=True):
        assert results_services.dossier_schedule(consultation=consultation)
        assert results_services.dossier_schedule(consultation=consultation)
        results_services.dossiers_schedule_due()

    assert _queued_renders(queued) == [(consultation.pk, "en"), (consultation.pk, "sl")]


def test_close_consultations_command_renders_due_dossiers_at_once_in_the_embedded_default(
    django_capture_on_commit_callbacks,
):
    consultation = closed_consultation()
    output = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("close_consultations", stdout=output)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("close_consultations", stdout=output)

    assert "(missing)" in output.getvalue()
    assert output.getvalue().endswith("No results dossier is due.\n")
    assert results_selectors.has_final_files(consultation, "sl")
    assert results_selectors.has_final_files(consultation, "en")


def test_a_render_stores_each_format_with_its_checksum_and_size():
    consultation = closed_consultation()

    results_tasks.dossier_render(consultation_id=consultation.pk, language="sl")

    rows = {row.kind: row for row in ResultsDossier.objects.filter(language="sl")}
    assert set(rows) == {"pdf", "csv", "json", "xlsx"}
    pdf = rows["pdf"]
    content = _content(pdf)

    assert (pdf.status, pdf.is_interim, pdf.size) == ("ready", False, len(content))
    assert pdf.sha256 == hashlib.sha256(content).hexdigest()
    assert pdf.file.name.startswith(f"dossiers/{consultation.pk}/")
    assert "Čakalne dobe smo dodali." in pdf_text(content)


def test_a_new_version_replaces_the_old_file_which_is_then_deleted(
    django_capture_on_commit_callbacks,
):
    consultation = closed_consultation()
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    old = ResultsDossier.objects.get(language="en", kind="json")
    old_name, storage = old.file.name, old.file.storage
    Comment.objects.filter(body=PUBLISHED_TEXT).update(status=Comment.Status.HIDDEN)

    with django_capture_on_commit_callbacks(execute=True):
        results_tasks.dossier_render(consultation_id=consultation.pk, language="en")

    new = ResultsDossier.objects.get(language="en", kind="json")
    assert new.file.name != old_name
    assert not storage.exists(old_name)
    assert PUBLISHED_TEXT not in _content(new).decode()


def test_a_render_that_read_older_data_does_not_replace_a_newer_one():
    consultation = closed_consultation()
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    stored = ResultsDossier.objects.get(language="en", kind="pdf")
    newer = stored.generated_at
    files = dict.fromkeys(results_models.KINDS, b"stale")

    results_tasks._store(
        consultation, "en", files, read_at=newer - timedelta(minutes=1), interim=False
    )

    again = ResultsDossier.objects.get(language="en", kind="pdf")
    assert (again.file.name, again.generated_at) == (stored.file.name, newer)


def test_a_failed_render_is_logged_recorded_and_retried_by_the_next_round(
    settings, tmp_path, caplog, django_capture_on_commit_callbacks
):
    consultation = closed_consultation()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("the results folder cannot be created here")
    settings.RESULTS_ROOT = blocker

    with (
        caplog.at_level(logging.ERROR, logger="consultations.results.tasks"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("close_consultations", stdout=io.StringIO())

    row = ResultsDossier.objects.filter(language="sl").first()
    assert (row.status, row.attempts) == ("failed", 1)
    assert "Error" in row.last_error
    assert "Results dossier of consultation" in caplog.text
    assert not ResultsDossier.objects.exclude(file="").exists()

    settings.RESULTS_ROOT = tmp_path / "results"
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("close_consultations", stdout=output)

    assert "(retry)" in output.getvalue()
    assert results_selectors.has_final_files(consultation, "sl")
    assert ResultsDossier.objects.get(language="sl", kind="pdf").attempts == 0


def test_a_render_failing_every_time_stops_after_the_last_attempt(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    closed_consultation()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.RESULTS_ROOT = blocker

    for _round in range(results_tasks.MAX_ATTEMPTS + 2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("close_consultations", stdout=io.StringIO())

    assert set(ResultsDossier.objects.values_list("attempts", flat=True)) == {
        results_tasks.MAX_ATTEMPTS
    }


def test_a_backend_that_can_defer_gets_the_retry_after_a_pause(queued, settings, tmp_path):
    consultation = closed_consultation()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.RESULTS_ROOT = blocker

    with pytest.raises(results_tasks.DossierRenderError):
        results_tasks.dossier_render(consultation_id=consultation.pk, language="en")

    (retry,) = queued
    assert retry.kwargs == {"consultation_id": consultation.pk, "language": "en"}
    assert retry.task.run_after > timezone.now() + timedelta(minutes=1)


def test_an_open_consultation_is_rendered_only_when_staff_ask(
    queued, django_capture_on_commit_callbacks
):
    consultation = closed_consultation(closes_in_days=5)

    with django_capture_on_commit_callbacks(execute=True):
        after_a_decision = results_services.dossier_schedule(consultation=consultation)
    assert (after_a_decision, _queued_renders(queued)) == (False, [])

    with django_capture_on_commit_callbacks(execute=True):
        asked = results_services.dossier_schedule(consultation=consultation, interim=True)
    assert asked
    assert _queued_renders(queued) == [(consultation.pk, "en"), (consultation.pk, "sl")]


def test_interim_files_are_refreshed_after_a_change_and_replaced_by_final_ones():
    consultation = closed_consultation(closes_in_days=5)
    results_services.dossier_schedule(consultation=consultation, interim=True)
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    assert ResultsDossier.objects.get(language="en", kind="pdf").is_interim

    assert results_services.dossier_schedule(consultation=consultation)  # e.g. after a moderation

    type(consultation).objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    consultation.refresh_from_db()
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    assert not ResultsDossier.objects.get(language="en", kind="pdf").is_interim


def test_staff_prepare_an_interim_dossier_from_the_admin(
    client, django_capture_on_commit_callbacks
):
    consultation = closed_consultation(closes_in_days=5)
    client.force_login(StaffFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/consultations/consultation/",
            {"action": "prepare_interim_results", "_selected_action": [consultation.pk]},
            headers={"accept-language": "en"},
            follow=True,
        )

    assertContains(response, "The results dossier of 1 consultation is being prepared")
    pdf = ResultsDossier.objects.get(language="en", kind="pdf")
    assert (pdf.status, pdf.is_interim) == ("ready", True)
    assert HIDDEN_TEXT not in pdf_text(_content(pdf))


def test_the_migration_moves_stored_files_out_of_media_root_and_forgets_lost_ones(
    settings, django_capture_on_commit_callbacks
):
    migration = importlib.import_module(
        "consultations.migrations.0007_results_files_in_their_own_storage"
    )
    consultation = closed_consultation()
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    csv, pdf = (ResultsDossier.objects.get(language="en", kind=kind) for kind in ("csv", "pdf"))
    with csv.file.open("rb") as stored:
        content = stored.read()
    media = Path(settings.MEDIA_ROOT)
    (media / csv.file.name).parent.mkdir(parents=True)
    (media / csv.file.name).write_bytes(content)  # as the previous version stored it
    csv.file.storage.delete(csv.file.name)
    pdf.file.storage.delete(pdf.file.name)  # lost before the upgrade

    # As the migration runs: with the models of its time (ResultsDossier in consultations).
    state = MigrationLoader(connection).project_state(
        ("consultations", "0007_results_files_in_their_own_storage")
    )
    migration.to_results_storage(state.apps, None)

    assert not (media / csv.file.name).exists()
    with ResultsDossier.objects.get(pk=csv.pk).file.open("rb") as moved:
        assert moved.read() == content
    assert not ResultsDossier.objects.filter(pk=pdf.pk).exists()
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("close_consultations", stdout=output)
    assert f"#{consultation.pk}" in output.getvalue()  # rendered again
    assert results_selectors.has_final_files(consultation, "en")


def test_a_render_left_running_by_a_dead_worker_is_queued_again_at_once_not_a_live_one(
    queued, django_capture_on_commit_callbacks
):
    if connection.vendor != "postgresql":
        pytest.skip("Render leases are PostgreSQL advisory locks (elsewhere: a timeout).")
    consultation = closed_consultation()
    with django_capture_on_commit_callbacks(execute=True):
        results_services.dossier_schedule(consultation=consultation)
    # Both renders started (as a worker marks them); the English one still has its worker,
    # whose connection holds the lease; the Slovenian one's worker was killed.
    ResultsDossier.objects.update(status=ResultsDossier.Status.RUNNING)
    live_worker = connections.create_connection("default")
    try:
        with live_worker.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_lock(%s, %s)", results_tasks._lease_key(consultation.pk, "en")
            )
        queued.clear()
        with django_capture_on_commit_callbacks(execute=True):
            due = results_services.dossiers_schedule_due()
    finally:
        live_worker.close()

    assert [(c.pk, language, why) for c, language, why in due] == [(consultation.pk, "sl", "lost")]
    assert _queued_renders(queued) == [(consultation.pk, "sl")]


def test_files_rendered_before_the_xlsx_existed_are_rendered_again_with_it(
    settings, django_capture_on_commit_callbacks
):
    consultation = closed_consultation()
    for language in ("sl", "en"):
        results_tasks.dossier_render(consultation_id=consultation.pk, language=language)
    ResultsDossier.objects.filter(kind="xlsx").delete()  # as stored by the release before
    assert not results_selectors.has_final_files(consultation, "en")
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()

    with django_capture_on_commit_callbacks(execute=True):
        due = results_services.dossiers_schedule_due()

    assert [(c.pk, language, why) for c, language, why in due] == [
        (consultation.pk, "sl", "missing"),
        (consultation.pk, "en", "missing"),
    ]
    assert _queued_renders(default_task_backend.results) == [
        (consultation.pk, "en"),
        (consultation.pk, "sl"),
    ]
