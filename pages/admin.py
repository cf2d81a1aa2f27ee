"""Staff write each information page in both languages side by side."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import services
from .models import InformationPage


@admin.register(InformationPage)
class InformationPageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title_sl", "title_en", "updated_at", "public_link"]
    readonly_fields = ["updated_at", "public_link"]
    # Language names are written in their own language, like the public switcher.
    fieldsets = [
        (None, {"fields": ["kind", "updated_at", "public_link"]}),
        ("Slovenščina", {"classes": ["language-column"], "fields": ["title_sl", "body_sl"]}),
        ("English", {"classes": ["language-column"], "fields": ["title_en", "body_en"]}),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        # A page's kind is its address: it stays what it was created as.
        return [*self.readonly_fields, "kind"] if obj else self.readonly_fields

    @admin.display(description=_("on the site"))
    def public_link(self, obj: InformationPage) -> str:
        if obj.pk is None:
            return "—"
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())

    def save_model(self, request: HttpRequest, obj: InformationPage, form, change: bool) -> None:
        services.page_save(page=obj)
