"""Reads of results files for pages and downloads."""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import pgettext

from consultations.models import Consultation
from inepa_portal.slugs import transliterated_slug

from .models import KINDS, ResultsDossier

Kind = ResultsDossier.Kind
CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.CSV: "text/csv; charset=utf-8",
    Kind.JSON: "application/json",
    Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download_name(consultation: Consultation, language: str, kind: str) -> str:
    """A readable file name: the consultation's address, "results", the language."""
    with translation.override(language):
        word = transliterated_slug(pgettext("file name", "results"))
    return f"{consultation.localized(language).slug[:120]}-{word}-{language}.{kind}"


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


def consultations_with_failed_results():
    """Consultations with a results file whose last render failed."""
    return Consultation.objects.filter(
        results_dossiers__status=ResultsDossier.Status.FAILED
    ).distinct()
