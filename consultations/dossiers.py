"""Results dossiers: asked for when a consultation closes or what they show changes, rendered in
the background, stored as files, and swapped for the previous version in one update.

Every request sets the rows of a consultation and language to "pending" and queues one render
after commit; a render that has not started yet is not queued twice, since it reads the data
when it starts. A render writes its files under new names and then points the rows to them in
one transaction, so a download gets the old version or the new one, never half a file. A
failed render is logged, recorded on the rows and retried: by the task backend later when it
can defer tasks, else by the next `close_consultations` run, up to MAX_ATTEMPTS times.

The files live in the results storage (STORAGES["results"], outside MEDIA_ROOT, no URL).

A render holds a lease while it runs: on PostgreSQL a session advisory lock, which the server
releases when the worker's connection ends, even if the worker was killed. The task backend
(django-tasks-db) does not run an abandoned task again, so `close_consultations` queues again
every render that says "running" while nobody holds its lease ("lost"); on other databases it
waits STALE_AFTER before it takes a render as lost.
"""

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import pgettext

from inepa_portal.slugs import transliterated_slug
from inepa_portal.translation import LANGUAGE_CODES

from . import exports
from .models import Consultation, ResultsDossier

logger = logging.getLogger(__name__)

Kind = ResultsDossier.Kind
Status = ResultsDossier.Status
KINDS = [Kind.PDF, Kind.CSV, Kind.JSON]
RENDERERS = {
    Kind.PDF: exports.results_pdf,
    Kind.CSV: exports.results_csv,
    Kind.JSON: exports.results_json,
}
CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.CSV: "text/csv; charset=utf-8",
    Kind.JSON: "application/json",
}
MAX_ATTEMPTS = 3
RETRY_DELAYS = [timedelta(minutes=2), timedelta(minutes=15)]
# A render queued or running for this long is taken as lost (a worker stopped) and queued again;
# on PostgreSQL a running render is known to be lost as soon as its worker is gone (the lease).
STALE_AFTER = timedelta(minutes=30)
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


def _lease_is_free(consultation_id: int, language: str) -> bool | None:
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


def _enqueue(consultation_id: int, language: str, *, run_after: datetime | None = None) -> None:
    from .tasks import render_results_dossier  # the task module imports this one

    task = render_results_dossier
    if run_after is not None:
        task = task.using(run_after=run_after)
    task.enqueue(consultation_id=consultation_id, language=language)


def _ensure_rows(consultation: Consultation, language: str, now: datetime) -> None:
    ResultsDossier.objects.bulk_create(
        [
            ResultsDossier(
                consultation=consultation, language=language, kind=kind, requested_at=now
            )
            for kind in KINDS
        ],
        ignore_conflicts=True,
    )


def _request(consultation: Consultation, language: str, *, now: datetime, retry: bool) -> bool:
    rows = ResultsDossier.objects.filter(consultation=consultation, language=language)
    if rows.filter(status=Status.PENDING, requested_at__gt=now - STALE_AFTER).exists():
        return False  # a queued render will read the latest data when it starts
    _ensure_rows(consultation, language, now)
    changes = {"status": Status.PENDING, "requested_at": now}
    if not retry:
        changes["attempts"] = 0
    rows.update(**changes)
    transaction.on_commit(partial(_enqueue, consultation.pk, language))
    return True


@transaction.atomic
def dossier_schedule(
    *, consultation: Consultation, interim: bool = False, now: datetime | None = None
) -> bool:
    """Ask for a consultation's results files to be rendered again, in every language.

    Effects: a closed consultation gets final files; an open one gets interim files when staff
    ask (`interim`), or new ones when it has interim files already; an upcoming one gets none.
    The renders are queued after commit, unless one is queued already. Returns whether the
    consultation's files are on their way.
    """
    now = now or timezone.now()
    state = consultation.state(now=now)
    if state == Consultation.State.UPCOMING:
        return False
    if state == Consultation.State.OPEN and not interim:
        has_interim = ResultsDossier.objects.filter(consultation=consultation).exclude(file="")
        if not has_interim.exists():
            return False
    for code in LANGUAGE_CODES:
        _request(consultation, code, now=now, retry=False)
    return True


def _needs_render(rows: list[ResultsDossier], *, closed: bool, now: datetime) -> str | None:
    """Why a consultation's files in one language should be queued: "missing", "retry",
    "lost"; None when they are fine, on their way, or failed too often."""
    if any(row.status in (Status.PENDING, Status.RUNNING) for row in rows):
        running = next((row for row in rows if row.status == Status.RUNNING), None)
        if running and _lease_is_free(running.consultation_id, running.language):
            return "lost"  # it says running, but no worker renders it: the worker died
        if all(row.requested_at > now - STALE_AFTER for row in rows):
            return None
        return "lost"
    if any(row.status == Status.FAILED for row in rows):
        return "retry" if max(row.attempts for row in rows) < MAX_ATTEMPTS else None
    final = len(rows) == len(KINDS) and all(row.is_stored and not row.is_interim for row in rows)
    return "missing" if closed and not final else None


def dossiers_schedule_due(*, now: datetime | None = None) -> list[tuple[Consultation, str, str]]:
    """Queue what is due: the final files of published consultations that have closed, renders
    that failed (fewer than MAX_ATTEMPTS times) and renders that were lost.

    Returns (consultation, language, why) for each render queued.
    """
    now = now or timezone.now()
    consultations = Consultation.objects.filter(
        Q(is_published=True, closes_at__lte=now)
        | Q(results_dossiers__status__in=[Status.PENDING, Status.RUNNING, Status.FAILED])
    ).distinct()
    consultations = list(consultations.order_by("closes_at", "id"))
    rows: dict[tuple[int, str], list[ResultsDossier]] = {}
    for row in ResultsDossier.objects.filter(consultation__in=consultations):
        rows.setdefault((row.consultation_id, row.language), []).append(row)
    queued = []
    for consultation in consultations:
        closed = consultation.state(now=now) == Consultation.State.CLOSED
        for code in LANGUAGE_CODES:
            why = _needs_render(rows.get((consultation.pk, code), []), closed=closed, now=now)
            if why is None:
                continue
            with transaction.atomic():
                if _request(consultation, code, now=now, retry=why != "missing"):
                    queued.append((consultation, code, why))
    return queued


def download_name(consultation: Consultation, language: str, kind: str) -> str:
    """A readable file name: the consultation's address, "results", the language."""
    with translation.override(language):
        word = transliterated_slug(pgettext("file name", "results"))
    return f"{consultation.localized(language).slug[:120]}-{word}-{language}.{kind}"


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
    _ensure_rows(consultation, language, read_at)
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


def _retry_later(consultation_id: int, language: str, *, attempts: int) -> None:
    """Queue the render again after a pause when the task backend can defer tasks; otherwise
    the next `close_consultations` run retries it."""
    from .tasks import render_results_dossier

    if attempts >= MAX_ATTEMPTS or not render_results_dossier.get_backend().supports_defer:
        return
    delay = RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]
    ResultsDossier.objects.filter(consultation_id=consultation_id, language=language).update(
        status=Status.PENDING, requested_at=timezone.now()
    )
    _enqueue(consultation_id, language, run_after=timezone.now() + delay)


# Reads for pages and downloads ----------------------------------------------------------------


def results_file(consultation: Consultation, *, language: str, kind: str) -> ResultsDossier | None:
    """The stored file of one format and language, or None (one query)."""
    return ResultsDossier.objects.filter(
        consultation=consultation, language=language, kind=kind
    ).first()


def has_final_files(consultation: Consultation, language: str) -> bool:
    """Whether the final (not interim) files of every format are stored in `language`."""
    stored = ResultsDossier.objects.filter(
        consultation=consultation, language=language, is_interim=False
    ).exclude(file="")
    return stored.count() == len(KINDS)


@dataclass
class ResultsLinks:
    """What a page links to: the stored files a reader may download, or that they are coming."""

    files: list[ResultsDossier] = field(default_factory=list)
    interim: bool = False

    @property
    def items(self) -> list[tuple[str, ResultsDossier | None]]:
        """Each format with its stored file, or None while it is being prepared."""
        stored = {row.kind: row for row in self.files}
        return [(kind, stored.get(kind)) for kind in KINDS]

    @property
    def is_preparing(self) -> bool:
        return len(self.files) < len(KINDS)


def results_links(
    consultations: list[Consultation], *, language: str, interim_allowed: bool
) -> dict[int, ResultsLinks]:
    """The downloadable files of several consultations in one language (one query)."""
    links = {consultation.pk: ResultsLinks() for consultation in consultations}
    if not links:
        return links
    order = {kind: position for position, kind in enumerate(KINDS)}
    rows = ResultsDossier.objects.filter(consultation__in=list(links), language=language).exclude(
        file=""
    )
    if not interim_allowed:
        rows = rows.filter(is_interim=False)
    for row in sorted(rows, key=lambda row: order[row.kind]):
        links[row.consultation_id].files.append(row)
        links[row.consultation_id].interim |= row.is_interim
    return links
