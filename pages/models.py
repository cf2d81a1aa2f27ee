"""The pages a person reads before trusting the portal with their name: the privacy notice,
the participation and moderation rules and the contact details, in both languages."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inepa_portal.translation import TranslatableMixin, per_language, required_in_a_language


class InformationPage(TranslatableMixin, models.Model):
    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("privacy notice")
        RULES = "rules", _("participation and moderation rules")
        CONTACT = "contact", _("contact")

    kind = models.CharField(_("page"), max_length=16, choices=Kind.choices, unique=True)
    title_sl, title_en = per_language(
        models.CharField, {"sl": _("title (Slovenian)"), "en": _("title (English)")},
        max_length=200, blank=True,
    )  # fmt: skip
    body_sl, body_en = per_language(
        models.TextField,
        {"sl": _("text (Slovenian)"), "en": _("text (English)")},
        blank=True,
        help_text=_("Markdown."),
    )
    body_html_sl, body_html_en = per_language(models.TextField, editable=False, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        ordering = ["kind"]
        constraints = [
            required_in_a_language(
                "title",
                name="information_page_has_a_title",
                message=_("Give the page a title in at least one language."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    def get_absolute_url(self) -> str:
        return reverse(f"pages:{self.kind}")
