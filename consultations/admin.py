"""Staff manage consultations and their sections (inline, ordered by position).

Comments are moderated in the moderation app's queue; the results app adds its files and
actions to this admin (consultations.results.admin).
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Consultation, Section


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["position", ("heading_sl", "heading_en"), ("body_sl", "body_en"), "respond"]
    readonly_fields = ["respond"]
    ordering = ["position", "id"]

    def has_view_permission(self, request, obj=None) -> bool:
        # Whoever may see a consultation sees its sections (moderators respond on them).
        return super().has_view_permission(request, obj) or request.user.has_perm(
            "consultations.view_consultation"
        )

    @admin.display(description=_("official response"))
    def respond(self, section: Section) -> str:
        # The moderation app's form, bound to this section (only once the section exists).
        if section.pk is None:
            return "—"
        url = reverse("admin:moderation_officialresponse_add")
        return format_html(
            '<a href="{}?section={}">{}</a>', url, section.pk, _("Respond officially")
        )


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

    def delete_model(self, request, obj: Consultation) -> None:
        services.consultation_delete(consultation=obj)

    def delete_queryset(self, request, queryset) -> None:
        for consultation in queryset:
            services.consultation_delete(consultation=consultation)

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is not Section:
            return super().save_formset(request, form, formset, change)
        for section in formset.save(commit=False):
            services.section_save(section=section)
        for section in formset.deleted_objects:
            services.section_delete(section=section)
        return None
