"""Bilingual articles with images, attachments and numbered references."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inepa_portal.translation import (
    TranslatedTitleAndSlug,
    other_languages,
    per_language,
    title_and_slug_constraints,
    translated,
)

TRANSLATED_CONTENT_FIELDS = ("title", "lead", "body")


class TranslationStatus(models.TextChoices):
    COMPLETE = "complete", _("complete")
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Articles a visitor may see: published, with a publication time that has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now or timezone.now())


class Article(TranslatedTitleAndSlug):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    lead_sl, lead_en = per_language(
        models.TextField, {"sl": _("lead (Slovenian)"), "en": _("lead (English)")}, blank=True
    )
    body_sl, body_en = per_language(
        models.TextField,
        {"sl": _("body (Slovenian)"), "en": _("body (English)")},
        blank=True,
        help_text=_("Markdown."),
    )
    body_html_sl, body_html_en = per_language(models.TextField, editable=False, blank=True)
    content_changed_at_sl, content_changed_at_en = per_language(
        models.DateTimeField, null=True, blank=True, editable=False
    )
    author_name = models.CharField(_("author"), max_length=120)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("Set when the article is first published; a future time schedules it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"], name="article_listing")]
        constraints = [
            *title_and_slug_constraints(
                "article",
                title_message=_("Give the article a title in at least one language."),
                slug_message=_("Another article already uses this address."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="published_article_has_a_date",
                violation_error_message=_("A published article needs a publication time."),
            ),
        ]

    def __str__(self) -> str:
        return translated(self, "title")

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.localized().slug})

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def translation_status(self, language: str) -> TranslationStatus:
        """Missing without a title or body; outdated when another language was edited later."""
        if not (getattr(self, f"title_{language}") and getattr(self, f"body_{language}")):
            return TranslationStatus.MISSING
        changed_at = getattr(self, f"content_changed_at_{language}")
        for other in other_languages(language):
            other_changed_at = getattr(self, f"content_changed_at_{other}")
            if (
                self.has_language(other)
                and changed_at
                and other_changed_at
                and other_changed_at > changed_at
            ):
                return TranslationStatus.OUTDATED
        return TranslationStatus.COMPLETE


class ArticleImage(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        _("image"), upload_to="articles/images/%Y/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_sl = models.CharField(
        _("alternative text (Slovenian)"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    alt_en = models.CharField(_("alternative text (English)"), max_length=250)
    caption_sl = models.CharField(_("caption (Slovenian)"), max_length=250, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=250, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return translated(self, "alt")


class ArticleAttachment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="articles/attachments/%Y/")
    title_sl = models.CharField(_("title (Slovenian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return translated(self, "title")

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def extension(self) -> str:
        return self.filename.rsplit(".", 1)[-1].upper() if "." in self.filename else ""


class ArticleReference(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Cited in the body as [[n]](#ref-n).")
    )
    citation = models.TextField(_("citation"))
    url = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="article_reference_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"[{self.position}] {self.citation[:60]}"
