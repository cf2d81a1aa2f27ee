"""The consultation's admin page with its results: the files and their state, preparing interim
files, and new files when staff change what the dossier shows."""

from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consultations.admin import ConsultationAdmin
from consultations.models import Consultation

from . import services


class ConsultationWithResultsAdmin(ConsultationAdmin):
    fieldsets = [
        *ConsultationAdmin.fieldsets,
        (_("Results"), {"fields": ["results_files"]}),
    ]
    readonly_fields = [*ConsultationAdmin.readonly_fields, "results_files"]
    actions = [*ConsultationAdmin.actions, "prepare_interim_results"]

    @admin.display(description=_("results files"))
    def results_files(self, consultation: Consultation) -> str:
        rows = consultation.results_dossiers.all() if consultation.pk else []
        return format_html_join(
            ", ",
            "{} {}: {}{}",
            (
                (
                    row.language,
                    row.get_kind_display(),
                    row.get_status_display(),
                    f" ({row.last_error})" if row.last_error else "",
                )
                for row in rows
            ),
        ) or _("none yet")

    # Interim files show results before the window closes: only for those who may change
    # consultations (moderators see consultations but may not make or read these).
    @admin.action(description=_("Prepare an interim results dossier"), permissions=["change"])
    def prepare_interim_results(self, request, queryset) -> None:
        """Render the results of the chosen consultations now (interim while they are open)."""
        asked = [c for c in queryset if services.dossier_schedule(consultation=c, interim=True)]
        if asked:
            self.message_user(
                request,
                ngettext(
                    "The results dossier of %(count)d consultation is being prepared; staff can "
                    "download it from the consultation's page.",
                    "The results dossiers of %(count)d consultations are being prepared; staff "
                    "can download them from each consultation's page.",
                    len(asked),
                )
                % {"count": len(asked)},
                messages.SUCCESS,
            )
        if len(asked) < len(queryset):
            self.message_user(
                request,
                _("A consultation that has not opened yet has no results to prepare."),
                messages.WARNING,
            )

    def save_model(self, request, obj: Consultation, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # The outcome, the title or the window may have changed: files already made follow.
        services.dossier_schedule(consultation=obj)


# The results app is installed after consultations: it extends that app's registration.
admin.site.unregister(Consultation)
admin.site.register(Consultation, ConsultationWithResultsAdmin)
