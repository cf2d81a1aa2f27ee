"""Staff manage consultations, their sections (inline, ordered by position) and see comments."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Comment, Consultation, Section


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
        ("Slovenščina", {"fields": ["title_sl", "slug_sl", "summary_sl"]}),
        ("English", {"fields": ["title_en", "slug_en", "summary_en"]}),
        (_("Window and publication"), {"fields": ["opens_at", "closes_at", "is_published"]}),
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


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Read-only for now: moderation actions arrive with the moderation queue."""

    list_display = ["__str__", "consultation", "section", "author", "status", "created_at"]
    list_filter = ["status", "consultation"]
    search_fields = ["body"]
    list_select_related = ["consultation", "section", "author"]
    readonly_fields = [
        "consultation", "section", "parent", "author", "body", "language", "status", "created_at",
    ]  # fmt: skip
    fields = readonly_fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
