"""Render the closed demo consultations' results dossiers in both languages, ready to download."""

from collections.abc import Iterable
from datetime import datetime

from consultations.models import Consultation
from consultations.results import selectors, tasks
from inepa_portal.translation import LANGUAGE_CODES


def results_render(*, consultations: Iterable[dict], now: datetime) -> None:
    """Render each closed one's files in every language that lacks its final files."""
    for data in consultations:
        consultation = Consultation.objects.filter(title_en=data["en"]["title"]).first()
        if consultation is None or consultation.state(now=now) != Consultation.State.CLOSED:
            continue
        for language in LANGUAGE_CODES:
            if not selectors.has_final_files(consultation, language):
                tasks.dossier_render(consultation_id=consultation.pk, language=language)
