"""Staff edit both language versions side by side, save drafts, preview, then publish."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override

from inepa_portal.translation import LANGUAGE_CODES

from . import services
from .models import Article, ArticleAttachment, ArticleImage, ArticleReference


class ArticleImageInline(admin.StackedInline):
    model = ArticleImage
    extra = 0
    fields = [("image", "position"), ("alt_sl", "alt_en"), ("caption_sl", "caption_en")]


class ArticleAttachmentInline(admin.TabularInline):
    model = ArticleAttachment
    extra = 0
    fields = ["file", "title_sl", "title_en", "position"]


class ArticleReferenceInline(admin.TabularInline):
    model = ArticleReference
    extra = 0
    fields = ["position", "citation", "url"]


def _language_fieldset(code: str, name: str) -> tuple:
    return (
        name,
        {
            "classes": ["language-column"],
            "fields": [f"title_{code}", f"slug_{code}", f"lead_{code}", f"body_{code}"],
        },
    )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    change_form_template = "admin/articles/article/change_form.html"
    inlines = [ArticleImageInline, ArticleAttachmentInline, ArticleReferenceInline]
    list_display = ["__str__", "status", "published_at", "status_sl", "status_en", "preview_links"]
    list_filter = ["status"]
    search_fields = ["title_sl", "title_en", "author_name"]
    date_hierarchy = "published_at"
    readonly_fields = ["status", "preview_links", "translation_statuses"]
    actions = ["publish_selected", "unpublish_selected"]
    # Language names are written in their own language, like the public switcher.
    fieldsets = [
        _language_fieldset("sl", "Slovenščina"),
        _language_fieldset("en", "English"),
        (
            _("Publication"),
            {
                "fields": [
                    "author_name",
                    "status",
                    "published_at",
                    "translation_statuses",
                    "preview_links",
                ]
            },
        ),
    ]

    class Media:
        css = {"all": ["css/admin-articles.css"]}

    @admin.display(description=_("Slovenian"))
    def status_sl(self, article: Article) -> str:
        return article.translation_status("sl").label

    @admin.display(description=_("English"))
    def status_en(self, article: Article) -> str:
        return article.translation_status("en").label

    @admin.display(description=_("Translations"))
    def translation_statuses(self, article: Article) -> str:
        if article.pk is None:
            return "—"
        return format_html_join(
            ", ",
            "{}: {}",
            ((code.upper(), article.translation_status(code).label) for code in LANGUAGE_CODES),
        )

    @admin.display(description=_("Preview"))
    def preview_links(self, article: Article) -> str:
        if article.pk is None:
            return _("Save the article first.")
        links = []
        for code in LANGUAGE_CODES:
            with override(code):
                links.append((reverse("articles:preview", kwargs={"pk": article.pk}), code.upper()))
        return format_html_join(" ", '<a href="{}">{}</a>', links)

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        services.article_save(article=obj, changed_fields=form.changed_data)
        if "_publish" in request.POST:
            services.article_publish(article=obj)
            self.message_user(request, _("The article is published."), messages.SUCCESS)
        elif "_unpublish" in request.POST:
            services.article_unpublish(article=obj)
            self.message_user(request, _("The article is a draft again."), messages.SUCCESS)

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            services.article_publish(article=article)
        count = len(queryset)
        self.message_user(
            request,
            ngettext("%(count)d article published.", "%(count)d articles published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Return the selected articles to draft"), permissions=["change"])
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            services.article_unpublish(article=article)
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d article returned to draft.",
                "%(count)d articles returned to draft.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
