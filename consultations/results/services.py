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

from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from consultations.models import Consultation
from inepa_portal.translation import LANGUAGE_CODES

from . import tasks
from .models import KINDS, ResultsDossier

Status = ResultsDossier.Status
# A render queued or running for this long is taken as lost (a worker stopped) and queued again;
# on PostgreSQL a running render is known to be lost as soon as its worker is gone (the lease).
STALE_AFTER = timedelta(minutes=30)


def _request(consultation: Consultation, language: str, *, now: datetime, retry: bool) -> bool:
    rows = ResultsDossier.objects.filter(consultation=consultation, language=language)
    if rows.filter(status=Status.PENDING, requested_at__gt=now - STALE_AFTER).exists():
        return False  # a queued render will read the latest data when it starts
    tasks.ensure_rows(consultation, language, now)
    changes = {"status": Status.PENDING, "requested_at": now}
    if not retry:
        changes["attempts"] = 0
    rows.update(**changes)
    transaction.on_commit(partial(tasks.enqueue, consultation.pk, language))
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
        if running and tasks.lease_is_free(running.consultation_id, running.language):
            return "lost"  # it says running, but no worker renders it: the worker died
        if all(row.requested_at > now - STALE_AFTER for row in rows):
            return None
        return "lost"
    if any(row.status == Status.FAILED for row in rows):
        return "retry" if max(row.attempts for row in rows) < tasks.MAX_ATTEMPTS else None
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
