"""Staff manage consultations, their sections (inline, ordered by position) and see comments."""

from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import dossiers, moderation_admin, services
from .models import Appeal, Comment, Consultation, ModerationAction, OfficialResponse, Section


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["position", ("heading_sl", "heading_en"), ("body_sl", "body_en")]
    ordering = ["position", "id"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    inlines = [SectionInline]
    list_display = ["__str__", "opens_at", "closes_at", "state_label", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title_sl", "title_en"]
    view_on_site = True  # staff see an unpublished consultation there, marked as a preview
    fieldsets = [
        ("Slovenščina", {"fields": ["title_sl", "slug_sl", "summary_sl", "outcome_sl"]}),
        ("English", {"fields": ["title_en", "slug_en", "summary_en", "outcome_en"]}),
        (_("Window and publication"), {"fields": ["opens_at", "closes_at", "is_published"]}),
        (_("Moderation"), {"fields": ["moderation_mode", "flag_threshold"]}),
        (_("Results"), {"fields": ["results_files"]}),
    ]
    readonly_fields = ["results_files"]
    actions = ["prepare_interim_results"]

    @admin.display(description=_("state"))
    def state_label(self, consultation: Consultation) -> str:
        return consultation.state().label

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
        asked = [c for c in queryset if dossiers.dossier_schedule(consultation=c, interim=True)]
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
        services.consultation_save(consultation=obj)
        # The outcome, the title or the window may have changed: files already made follow.
        dossiers.dossier_schedule(consultation=obj)

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is not Section:
            return super().save_formset(request, form, formset, change)
        for section in formset.save(commit=False):
            services.section_save(section=section)
        for section in formset.deleted_objects:
            section.delete()
        return None


admin.site.register(Comment, moderation_admin.CommentAdmin)
admin.site.register(ModerationAction, moderation_admin.ModerationActionAdmin)
admin.site.register(OfficialResponse, moderation_admin.OfficialResponseAdmin)
admin.site.register(Appeal, moderation_admin.AppealAdmin)
