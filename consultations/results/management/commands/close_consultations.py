"""Queue the results dossiers that are due; run every few minutes (cron or the worker's host)."""

from django.core.management.base import BaseCommand

from consultations.results import services


class Command(BaseCommand):
    help = (
        "Queue the results dossiers of published consultations that have closed and lack a "
        "final one, and retry failed or lost renders."
    )

    def handle(self, *args, **options) -> None:
        queued = services.dossiers_schedule_due()
        for consultation, language, why in queued:
            self.stdout.write(
                f"Queued the results of #{consultation.pk} “{consultation}” in {language} ({why})."
            )
        if not queued:
            self.stdout.write("No results dossier is due.")
