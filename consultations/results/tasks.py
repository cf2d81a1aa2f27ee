"""Rendering a consultation's results files in the background, by Django's tasks framework (at
once in the embedded default; in production by `manage.py db_worker --queue-name=dossiers`).

A render holds a lease while it runs: on PostgreSQL a session advisory lock, which the server
releases when the worker's connection ends, even if the worker was killed. It writes its files
under new names and then points the rows to them in one transaction, so a download gets the old
version or the new one, never half a file. A failed render is logged, recorded on the rows and
retried: by the task backend later when it can defer tasks, else by the next
`close_consultations` run (services.dossiers_schedule_due), up to MAX_ATTEMPTS times.
"""

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import partial

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from consultations.caching import consultation_pages_expire
from consultations.models import Consultation
from inepa_portal.translation import LANGUAGE_CODES

from . import exports
from .models import KINDS, ResultsDossier

logger = logging.getLogger(__name__)

Kind = ResultsDossier.Kind
Status = ResultsDossier.Status
RENDERERS = {
    Kind.PDF: exports.results_pdf,
    Kind.CSV: exports.results_csv,
    Kind.JSON: exports.results_json,
    Kind.XLSX: exports.results_xlsx,
}
MAX_ATTEMPTS = 3
RETRY_DELAYS = [timedelta(minutes=2), timedelta(minutes=15)]
# The first key of the renders' advisory locks on PostgreSQL (the second names the render).
LEASE_NAMESPACE = 0x1E9A


def _storage() -> Storage:
    return ResultsDossier._meta.get_field("file").storage


def _lease_key(consultation_id: int, language: str) -> tuple[int, int]:
    return LEASE_NAMESPACE, consultation_id * len(LANGUAGE_CODES) + LANGUAGE_CODES.index(language)


@contextmanager
def _render_lease(consultation_id: int, language: str) -> Iterator[None]:
    """Hold the lease of one render (waiting while another worker holds it) on PostgreSQL.

    A session lock, not a transaction's: the render stores its files in transactions of its
    own, and the lock must outlive them; PostgreSQL drops it with the connection.
    """
    if connection.vendor != "postgresql":
        yield
        return
    key = _lease_key(consultation_id, language)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", key)
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)
        except DatabaseError:  # the connection is gone, and the lock with it
            logger.warning("Could not release the render lease %s", key)


def lease_is_free(consultation_id: int, language: str) -> bool | None:
    """Whether no live render holds this lease; None where the database cannot tell."""
    if connection.vendor != "postgresql":
        return None
    key = _lease_key(consultation_id, language)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", key)
        (free,) = cursor.fetchone()
        if free:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)
    return free


class DossierRenderError(Exception):
    """A results dossier could not be rendered or stored."""


def ensure_rows(consultation: Consultation, language: str, now: datetime) -> None:
    ResultsDossier.objects.bulk_create(
        [
            ResultsDossier(
                consultation=consultation, language=language, kind=kind, requested_at=now
            )
            for kind in KINDS
        ],
        ignore_conflicts=True,
    )


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            _storage().delete(name)
        except OSError:
            logger.warning("Could not delete the superseded results file %s", name)


def _store(
    consultation: Consultation,
    language: str,
    files: dict[str, bytes],
    *,
    read_at: datetime,
    interim: bool,
) -> None:
    """Write the files under new names, then point the rows to them in one transaction."""
    stem = f"dossiers/{consultation.pk}/{consultation.localized(language).slug[:100]}-{language}"
    written: dict[str, tuple[str, str, int]] = {}
    try:
        for kind, content in files.items():
            digest = hashlib.sha256(content).hexdigest()
            name = _storage().save(f"{stem}-{digest[:16]}.{kind}", ContentFile(content))
            written[kind] = (name, digest, len(content))
        with transaction.atomic():
            rows = {
                row.kind: row
                for row in ResultsDossier.objects.select_for_update().filter(
                    consultation=consultation, language=language
                )
            }
            if any(row.generated_at and row.generated_at > read_at for row in rows.values()):
                # A render that read newer data has stored its files already: keep those.
                superseded = [name for name, _digest, _size in written.values()]
            else:
                superseded = []
                for kind, (name, digest, size) in written.items():
                    row = rows[kind]
                    if row.file.name:
                        superseded.append(row.file.name)
                    row.file.name = name
                    row.sha256, row.size, row.generated_at = digest, size, read_at
                    row.is_interim = interim
                    row.attempts, row.last_error = 0, ""
                    if row.status != Status.PENDING:  # else a newer render is queued
                        row.status = Status.READY
                    row.save()
            transaction.on_commit(partial(_delete_files, superseded))
            consultation_pages_expire(consultation.pk)  # its pages link to the new files
    except BaseException:
        _delete_files([name for name, _digest, _size in written.values()])
        raise


def dossier_render(*, consultation_id: int, language: str) -> str:
    """Render a consultation's results files (PDF, CSV, JSON) in one language and store them.

    Effects: files are interim while the consultation is open; the new files replace the old
    ones at once, which are deleted after commit; a failure is logged, recorded on the rows
    (status, attempts, last error), retried later, and raised as DossierRenderError.
    Returns the rows' new status.
    """
    with _render_lease(consultation_id, language):
        return _render(consultation_id=consultation_id, language=language)


def _render(*, consultation_id: int, language: str) -> str:
    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return "gone"
    read_at = timezone.now()
    ensure_rows(consultation, language, read_at)
    rows = ResultsDossier.objects.filter(consultation=consultation, language=language)
    rows.update(status=Status.RUNNING)
    try:
        data = exports.results_data(consultation, language, now=read_at)
        files = {kind: RENDERERS[kind](consultation, language, data=data) for kind in KINDS}
        _store(consultation, language, files, read_at=read_at, interim=data["interim"])
    except Exception as error:
        rows.update(
            status=Status.FAILED,
            attempts=F("attempts") + 1,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        attempts = rows.values_list("attempts", flat=True).first() or 0
        logger.exception(
            "Results dossier of consultation %s in %s failed (attempt %s of %s)",
            consultation_id,
            language,
            attempts,
            MAX_ATTEMPTS,
        )
        _retry_later(consultation_id, language, attempts=attempts)
        raise DossierRenderError(str(error)) from error
    return Status.READY


# A queue of its own: a worker for "dossiers" may spend a minute on one large dossier while
# another keeps the "default" queue's emails flowing.
@task(queue_name="dossiers")
def render_results_dossier(*, consultation_id: int, language: str) -> str:
    """Render and store a consultation's results files in one language."""
    return dossier_render(consultation_id=consultation_id, language=language)


def enqueue(consultation_id: int, language: str, *, run_after: datetime | None = None) -> None:
    """Queue the render of one consultation's files in one language."""
    queued = render_results_dossier
    if run_after is not None:
        queued = queued.using(run_after=run_after)
    queued.enqueue(consultation_id=consultation_id, language=language)


def _retry_later(consultation_id: int, language: str, *, attempts: int) -> None:
    """Queue the render again after a pause when the task backend can defer tasks; otherwise
    the next `close_consultations` run retries it."""
    if attempts >= MAX_ATTEMPTS or not render_results_dossier.get_backend().supports_defer:
        return
    delay = RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]
    ResultsDossier.objects.filter(consultation_id=consultation_id, language=language).update(
        status=Status.PENDING, requested_at=timezone.now()
    )
    enqueue(consultation_id, language, run_after=timezone.now() + delay)
