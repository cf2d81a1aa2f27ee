"""Staff manage consultations, their sections (inline, ordered by position) and see comments."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import moderation_admin, services
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
    ]

    @admin.display(description=_("state"))
    def state_label(self, consultation: Consultation) -> str:
        return consultation.state().label

    def save_model(self, request, obj: Consultation, form, change: bool) -> None:
        services.consultation_save(consultation=obj)

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
