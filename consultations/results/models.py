"""A consultation's results files, as stored after each render."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import Consultation


def results_storage():
    """The storage of results files (STORAGES["results"]): outside MEDIA_ROOT, with no URL."""
    return storages["results"]


class ResultsDossier(models.Model):
    """A consultation's results in one language and one format (the PDF dossier, CSV, JSON or
    XLSX).

    Rendered in the background and stored as a file; the row also records its latest render
    (status, failed attempts, last error). A new version replaces the file in one update.
    """

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        CSV = "csv", "CSV"
        JSON = "json", "JSON"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be prepared")
        RUNNING = "running", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="results_dossiers"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    kind = models.CharField(_("format"), max_length=4, choices=Kind.choices)
    file = models.FileField(
        _("file"), upload_to="dossiers/", storage=results_storage, max_length=255, blank=True
    )
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    generated_at = models.DateTimeField(
        _("generated at"),
        null=True,
        blank=True,
        help_text=_("When the data in the stored file was read."),
    )
    is_interim = models.BooleanField(
        _("interim"), default=False, help_text=_("Rendered while the consultation was open.")
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        db_table = "consultations_resultsdossier"  # made when it belonged to consultations
        verbose_name = _("results file")
        verbose_name_plural = _("results files")
        ordering = ["consultation", "language", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "language", "kind"],
                name="one_results_file_per_language_and_format",
            ),
            models.CheckConstraint(
                condition=Q(file="") | (~Q(sha256="") & Q(generated_at__isnull=False)),
                name="stored_results_file_has_checksum_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id}/{self.language}/{self.kind}"

    @property
    def is_stored(self) -> bool:
        return bool(self.file)


# Every format a consultation's results come in, in the order pages list them.
KINDS = [
    ResultsDossier.Kind.PDF,
    ResultsDossier.Kind.CSV,
    ResultsDossier.Kind.XLSX,
    ResultsDossier.Kind.JSON,
]
