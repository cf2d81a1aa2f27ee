"""The consultation's admin page with its results: the files and their state, preparing interim
files, and new files when staff change what the dossier shows."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consultations.admin import ConsultationAdmin
from consultations.models import Consultation

from . import selectors, services
from .models import ResultsDossier


def _download_url(consultation: Consultation, row: ResultsDossier) -> str:
    """The results view's address of a file, in the file's language (it serves it from there)."""
    with translation.override(row.language):
        return reverse(f"results:{row.kind}", kwargs={"slug": consultation.localized().slug})


class FailedResultsFilter(admin.SimpleListFilter):
    title = _("results files")
    parameter_name = "results"

    def lookups(self, request, model_admin):
        return [("failed", _("a render failed"))]

    def queryset(self, request, queryset):
        if self.value() == "failed":
            return queryset.filter(
                pk__in=selectors.consultations_with_failed_results().values("pk")
            )
        return queryset


class ConsultationWithResultsAdmin(ConsultationAdmin):
    fieldsets = [
        *ConsultationAdmin.fieldsets,
        (_("Results"), {"fields": ["results_files"]}),
    ]
    readonly_fields = [*ConsultationAdmin.readonly_fields, "results_files"]
    list_filter = [*ConsultationAdmin.list_filter, FailedResultsFilter]
    actions = [*ConsultationAdmin.actions, "prepare_interim_results", "render_results_again"]
    change_form_template = "admin/consultations/consultation/change_form.html"

    @admin.display(description=_("results files"))
    def results_files(self, consultation: Consultation) -> str:
        rows = list(consultation.results_dossiers.all()) if consultation.pk else []
        if not rows:
            return _("none yet")
        return render_to_string(
            "admin/results/files.html",
            {
                "rows": [
                    {
                        "row": row,
                        "language": dict(settings.LANGUAGES).get(row.language, row.language),
                        "url": _download_url(consultation, row) if row.is_stored else "",
                    }
                    for row in rows
                ]
            },
        )

    def has_render_permission(self, request) -> bool:
        """Whoever sees consultations may ask for their results files to be made again."""
        return self.has_view_permission(request)

    @admin.action(description=_("Render the results files again"), permissions=["render"])
    def render_results_again(self, request, queryset) -> None:
        """Queue new results files of the chosen consultations (those that have results)."""
        asked = [c for c in queryset if services.dossier_schedule(consultation=c)]
        if asked:
            self.message_user(
                request,
                ngettext(
                    "The results files of %(count)d consultation are being rendered again.",
                    "The results files of %(count)d consultations are being rendered again.",
                    len(asked),
                )
                % {"count": len(asked)},
                messages.SUCCESS,
            )
        skipped = len(queryset) - len(asked)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d consultation skipped: it has no results to render yet.",
                    "%(count)d consultations skipped: they have no results to render yet.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    def get_urls(self):
        return [
            path(
                "<int:object_id>/render-results/",
                self.admin_site.admin_view(self.render_again_view),
                name="consultations_consultation_render_results",
            ),
            *super().get_urls(),
        ]

    def render_again_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """GET asks to confirm; POST queues the consultation's results files again."""
        consultation = get_object_or_404(Consultation, pk=object_id)
        if not self.has_render_permission(request):
            raise PermissionDenied
        change_url = reverse("admin:consultations_consultation_change", args=[consultation.pk])
        if request.method == "POST":
            if services.dossier_schedule(consultation=consultation):
                self.message_user(
                    request, _("The results files are being rendered again."), messages.SUCCESS
                )
            else:
                self.message_user(
                    request,
                    _("This consultation has no results to render yet."),
                    messages.WARNING,
                )
            return HttpResponseRedirect(change_url)
        return TemplateResponse(
            request,
            "admin/results/render_again.html",
            {
                **self.admin_site.each_context(request),
                "opts": Consultation._meta,
                "title": _("Render the results files again"),
                "consultation": consultation,
                "change_url": change_url,
            },
        )

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
