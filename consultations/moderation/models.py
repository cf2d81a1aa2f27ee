"""What moderation records about comments: citizens' flags, the append-only log of decisions,
authors' appeals and the organisation's official responses."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consultations.models import Comment, Consultation, ModerationReason, Section


class Flag(models.Model):
    """A citizen's report that a comment breaks the rules; one per citizen per comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="flags"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=ModerationReason.choices)
    text = models.CharField(_("details"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("flagged at"), default=timezone.now)

    class Meta:
        db_table = "consultations_flag"  # made when it belonged to consultations
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"],
                condition=Q(user__isnull=False),
                name="one_flag_per_citizen_per_comment",
            ),
            models.CheckConstraint(
                condition=~Q(reason="other") | ~Q(text=""),
                name="flag_other_reason_is_explained",
            ),
        ]

    def __str__(self) -> str:
        return _("%(reason)s: comment #%(id)s") % {
            "reason": self.get_reason_display(),
            "id": self.comment_id,
        }


class ModerationAction(models.Model):
    """One entry of the append-only moderation log (the database refuses updates and deletes)."""

    class Action(models.TextChoices):
        PUBLISH = "publish", _("published")
        HIDE = "hide", _("hidden")
        AUTO_HIDE = "auto_hide", _("hidden automatically after flags")
        REJECT = "reject", _("rejected")
        RESTORE = "restore", _("restored")
        APPEAL = "appeal", _("review requested by the author")
        APPEAL_DECIDED = "appeal_decided", _("review decided")
        BLOCK_USER = "block_user", _("account blocked")

    comment = models.ForeignKey(
        Comment,
        on_delete=models.PROTECT,
        related_name="moderation_actions",
        null=True,
        blank=True,
    )
    # Plain ids (no database link) and a name copied at the time: people may delete their
    # accounts, and the log must stay as it was written.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=120)
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=16, blank=True)
    to_status = models.CharField(_("to"), max_length=16, blank=True)
    reason = models.CharField(
        _("reason"), max_length=16, choices=ModerationReason.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    # Facts, worded only when shown (in the reader's language, with plural forms): how many
    # flags an automatic hiding followed.
    flag_count = models.PositiveIntegerField(_("flags"), null=True, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        db_table = "consultations_moderationaction"  # made when it belonged to consultations
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        # In the portal's time zone and the reader's format, as the admin shows every time.
        when = date_format(timezone.localtime(self.created_at), "SHORT_DATETIME_FORMAT")
        return f"{when} {self.actor_label}: {self.get_action_display()}"

    @property
    def actor_label(self) -> str:
        """Who acted, in the reader's language: a person's name, or the automatic rule."""
        if self.actor_id is None and self.action == self.Action.AUTO_HIDE:
            return str(_("automatically, after reports"))
        return self.actor_name

    @property
    def details(self) -> str:
        """What the entry says beyond its action, in the active language: the facts of an
        automatic hiding, else the note written at the time."""
        if self.action == self.Action.AUTO_HIDE and self.flag_count is not None:
            return ngettext(
                "Hidden automatically after %(count)d flag.",
                "Hidden automatically after %(count)d flags.",
                self.flag_count,
            ) % {"count": self.flag_count}
        return self.note


class Appeal(models.Model):
    """The author's one request to review a hidden or rejected comment."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="appeal")
    message = models.CharField(_("message"), max_length=1000)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    upheld = models.BooleanField(_("comment restored"), null=True)

    class Meta:
        db_table = "consultations_appeal"  # made when it belonged to consultations
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return _("appeal on comment #%(id)s") % {"id": self.comment_id}


class OfficialResponse(models.Model):
    """The organisation's answer to a comment or to a section, in both languages."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="official_responses"
    )
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="official_responses", null=True, blank=True
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="official_responses", null=True, blank=True
    )
    body_sl = models.TextField(_("response (Slovenian)"), help_text=_("Markdown."))
    body_en = models.TextField(_("response (English)"), help_text=_("Markdown."))
    body_html_sl = models.TextField(editable=False, blank=True)
    body_html_en = models.TextField(editable=False, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        db_table = "consultations_officialresponse"  # made when it belonged to consultations
        verbose_name = _("official response")
        verbose_name_plural = _("official responses")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(section__isnull=True) | Q(comment__isnull=True),
                name="response_answers_a_comment_or_a_section",
            ),
        ]

    def __str__(self) -> str:
        if self.comment_id:
            return _("official response to comment #%(id)s") % {"id": self.comment_id}
        if self.section_id:
            return _("official response on section #%(id)s") % {"id": self.section_id}
        return _("official response on the consultation #%(id)s") % {"id": self.consultation_id}
