"""Downloads of a consultation's results: the stored PDF dossier, CSV and JSON, never rendered
in the request; a "being prepared" page until the first version is stored."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from consultations import selectors as participation
from consultations.models import Consultation
from consultations.permissions import can_view
from inepa_portal.translation import current_language

from . import permissions, selectors, services
from .models import ResultsDossier

RETRY_AFTER_SECONDS = 60
PUBLIC_MAX_AGE = 300  # a final dossier changes only after a moderation decision or a response


def _servable(dossier: ResultsDossier | None, *, interim_allowed: bool) -> bool:
    return bool(dossier and dossier.is_stored and (interim_allowed or not dossier.is_interim))


def _file_response(
    request: HttpRequest, consultation: Consultation, dossier: ResultsDossier, *, private: bool
) -> HttpResponse:
    etag = f'"{dossier.sha256}"'
    last_modified = dossier.generated_at.timestamp()
    cache_control = "private, no-cache" if private else f"public, max-age={PUBLIC_MAX_AGE}"
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        response = not_modified
    else:
        response = FileResponse(
            dossier.file.open("rb"),
            as_attachment=True,
            filename=selectors.download_name(consultation, dossier.language, dossier.kind),
            content_type=selectors.CONTENT_TYPES[dossier.kind],
        )
        response["Content-Language"] = dossier.language
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = cache_control
    return response


def _preparing(request: HttpRequest, consultation: Consultation, *, status: int) -> HttpResponse:
    response = render(
        request,
        "results/results_preparing.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "is_interim_missing": status == 404,
            "section": "consultations",
        },
        status=status,
    )
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _not_yet(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    """A results address asked for before the consultation has closed: when they will be there.

    404, so that no crawler takes this page for the file, with the date a person came for.
    """
    response = render(
        request,
        "results/results_not_yet.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "section": "consultations",
        },
        status=404,
    )
    response["Cache-Control"] = "no-store"  # it changes when the consultation closes
    return response


@require_safe
def results_file(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """A results file in the page's language: served when stored (2 queries for a visitor)."""
    consultation = participation.consultation_for_slug(slug, user=request.user)
    if consultation is None or not can_view(request.user, consultation):
        raise Http404
    if not permissions.can_download_results(request.user, consultation):
        return _not_yet(request, consultation)
    canonical_slug = consultation.localized().slug
    if slug != canonical_slug:
        return redirect(
            reverse(f"results:{kind}", kwargs={"slug": canonical_slug}),
            permanent=True,
        )
    language = current_language()
    interim_allowed = permissions.can_see_interim_results(request.user)
    dossier = selectors.results_file(consultation, language=language, kind=kind)
    if _servable(dossier, interim_allowed=interim_allowed):
        return _file_response(request, consultation, dossier, private=dossier.is_interim)
    if consultation.state() != Consultation.State.CLOSED:
        # Staff on an open consultation: interim files are prepared from the admin only.
        return _preparing(request, consultation, status=404)
    if dossier is None:
        # Closed, and never asked for yet (e.g. before the worker's next round): ask now.
        services.dossier_schedule(consultation=consultation)
        dossier = selectors.results_file(consultation, language=language, kind=kind)
        if _servable(dossier, interim_allowed=interim_allowed):  # rendered at once (embedded)
            return _file_response(request, consultation, dossier, private=False)
    return _preparing(request, consultation, status=503)
