"""Draft policies in sections, open for comments and votes during a consultation window."""

from datetime import datetime

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inepa_portal.translation import (
    TranslatedTitleAndSlug,
    per_language,
    required_in_a_language,
    title_and_slug_constraints,
    translated,
)

COMMENT_MAX_LENGTH = 5000


class ConsultationQuerySet(models.QuerySet):
    def published(self):
        """Consultations visitors may see."""
        return self.filter(is_published=True)

    def open_now(self, *, now: datetime | None = None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


class ModerationMode(models.TextChoices):
    PRE = "pre", _("pre-moderation: comments wait for approval")
    POST = "post", _("post-moderation: comments are published at once")


class ModerationReason(models.TextChoices):
    SPAM = "spam", _("spam")
    ABUSE = "abuse", _("abuse or hate")
    OFF_TOPIC = "off_topic", _("off-topic")
    PERSONAL_DATA = "personal_data", _("personal data")
    OTHER = "other", _("other")


class Consultation(TranslatedTitleAndSlug):
    class State(models.TextChoices):
        UPCOMING = "upcoming", _("upcoming")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    # Who may read an unpublished consultation on the site (a preview): those who may edit it.
    PREVIEW_PERMISSION = "consultations.change_consultation"

    summary_sl, summary_en = per_language(
        models.TextField,
        {"sl": _("summary (Slovenian)"), "en": _("summary (English)")},
        blank=True,
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Unpublished consultations are visible to staff only."),
    )
    moderation_mode = models.CharField(
        _("moderation"),
        max_length=4,
        choices=ModerationMode.choices,
        default=ModerationMode.POST,
    )
    flag_threshold = models.PositiveSmallIntegerField(
        _("flags that hide a comment"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A comment is hidden automatically and put first in the queue at this many flags."
        ),
    )
    outcome_sl, outcome_en = per_language(
        models.TextField,
        {
            "sl": _("what we did with your input (Slovenian)"),
            "en": _("what we did with your input (English)"),
        },
        blank=True,
        help_text=_("Markdown."),
    )
    outcome_html_sl, outcome_html_en = per_language(models.TextField, editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_at", "-id"]
        constraints = [
            *title_and_slug_constraints(
                "consultation",
                title_message=_("Give the consultation a title in at least one language."),
                slug_message=_("Another consultation already uses this address."),
            ),
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="consultation_closes_after_it_opens",
                violation_error_message=_("A consultation must close after it opens."),
            ),
        ]

    def __str__(self) -> str:
        return translated(self, "title")

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", kwargs={"slug": self.localized().slug})

    def state(self, *, now: datetime | None = None) -> "Consultation.State":
        now = now or timezone.now()
        if now < self.opens_at:
            return self.State.UPCOMING
        if now < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    def is_open(self, *, now: datetime | None = None) -> bool:
        return self.state(now=now) == self.State.OPEN


class Section(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading_sl, heading_en = per_language(
        models.CharField,
        {"sl": _("heading (Slovenian)"), "en": _("heading (English)")},
        max_length=200,
        blank=True,
    )
    body_sl, body_en = per_language(
        models.TextField,
        {"sl": _("text (Slovenian)"), "en": _("text (English)")},
        blank=True,
        help_text=_("Markdown."),
    )
    body_html_sl, body_html_en = per_language(models.TextField, editable=False, blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "id"]
        constraints = [
            required_in_a_language(
                "heading",
                name="section_has_a_heading",
                message=_("Give the section a heading in at least one language."),
            ),
        ]

    def __str__(self) -> str:
        return translated(self, "heading")

    @property
    def anchor(self) -> str:
        return f"section-{self.pk}"


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """Comments any visitor may read: published ones (the one public read of comments)."""
        return self.filter(status=Comment.Status.PUBLISHED)

    def in_discussion(self):
        """What a discussion shows: published comments; a placeholder for each hidden one
        (naming only the reason); and one for a removed comment that replies hang from."""
        published_replies = Comment.objects.filter(
            parent=models.OuterRef("pk"), status=Comment.Status.PUBLISHED
        )
        return (
            self.filter(
                Q(status__in=[Comment.Status.PUBLISHED, Comment.Status.HIDDEN])
                | Q(status=Comment.Status.REMOVED) & Q(models.Exists(published_replies))
            )
            .defer("body", "body_html")
            .annotate(
                # The text only of published comments ever leaves the database for a page.
                public_html=models.Case(
                    models.When(status=Comment.Status.PUBLISHED, then=models.F("body_html")),
                    default=models.Value(""),
                    output_field=models.TextField(),
                )
            )
        )

    def needing_attention(self):
        """Pending comments, flagged ones still published, hidden ones awaiting an appeal."""
        return self.filter(
            Q(status=Comment.Status.PENDING)
            | Q(flag_count__gt=0, moderated_at__isnull=True)
            & Q(status__in=[Comment.Status.PUBLISHED, Comment.Status.HIDDEN])
            | Q(appeal__isnull=False, appeal__decided_at__isnull=True)
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting moderation")
        PUBLISHED = "published", _("published")
        HIDDEN = "hidden", _("hidden by a moderator")
        REJECTED = "rejected", _("rejected")
        REMOVED = "removed", _("removed by the author")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        related_name="comments",
        null=True,
        blank=True,
        help_text=_("Empty for a comment on the draft as a whole."),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, related_name="replies", null=True, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="comments",
        null=True,
        blank=True,
        help_text=_("Empty once the author deleted their account and kept the comment."),
    )
    body = models.TextField(
        _("comment"), blank=True, validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)]
    )
    body_html = models.TextField(editable=False, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PUBLISHED
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    moderation_reason = models.CharField(
        _("moderation reason"), max_length=16, choices=ModerationReason.choices, blank=True
    )
    moderation_note = models.TextField(_("note to the author"), blank=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    flag_count = models.PositiveIntegerField(_("flags"), default=0, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        permissions = [("moderate_comment", _("Can moderate comments"))]
        indexes = [
            models.Index(
                fields=["consultation", "section", "status", "created_at"],
                name="comment_discussion",
            ),
            models.Index(fields=["parent", "status"], name="comment_replies"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="removed") | ~Q(body=""),
                name="published_comment_has_text",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}: {self.body[:50]}"

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"

    @property
    def is_removed(self) -> bool:
        return self.status == self.Status.REMOVED

    @property
    def is_hidden(self) -> bool:
        return self.status == self.Status.HIDDEN


class CommentSupport(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_support_per_citizen"),
        ]

    def __str__(self) -> str:
        return f"+1 on #{self.comment_id}"


class Vote(models.Model):
    class Choice(models.TextChoices):
        AGREE = "agree", _("agree")
        DISAGREE = "disagree", _("disagree")
        ABSTAIN = "abstain", _("abstain")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="votes")
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="votes", null=True, blank=True
    )
    # Empty once the voter deleted their account: the vote still counts, anonymously.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="votes",
        null=True,
        blank=True,
    )
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        indexes = [
            models.Index(fields=["consultation", "section", "choice"], name="vote_tally"),
        ]
        constraints = [
            # One vote per citizen per target: the draft as a whole, or one section.
            models.UniqueConstraint(
                fields=["user", "consultation"],
                condition=Q(section__isnull=True, user__isnull=False),
                name="one_vote_per_citizen_on_the_draft",
            ),
            models.UniqueConstraint(
                fields=["user", "section"],
                condition=Q(section__isnull=False, user__isnull=False),
                name="one_vote_per_citizen_per_section",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.choice} on {self.section_id or 'draft'}"


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
        return f"{self.get_reason_display()} on #{self.comment_id}"


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
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name}: {self.get_action_display()}"

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
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"Appeal on #{self.comment_id}"


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
        return f"Response on #{self.comment_id or self.section_id or self.consultation_id}"


def results_storage():
    """The storage of results files (STORAGES["results"]): outside MEDIA_ROOT, with no URL."""
    return storages["results"]


class ResultsDossier(models.Model):
    """A consultation's results in one language and one format (the PDF dossier, CSV or JSON).

    Rendered in the background and stored as a file; the row also records its latest render
    (status, failed attempts, last error). A new version replaces the file in one update.
    """

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        CSV = "csv", "CSV"
        JSON = "json", "JSON"

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be prepared")
        RUNNING = "running", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="results_dossiers"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    kind = models.CharField(_("format"), max_length=4, choices=Kind.choices)
    file = models.FileField(
        _("file"), upload_to="dossiers/", storage=results_storage, max_length=255, blank=True
    )
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    generated_at = models.DateTimeField(
        _("generated at"),
        null=True,
        blank=True,
        help_text=_("When the data in the stored file was read."),
    )
    is_interim = models.BooleanField(
        _("interim"), default=False, help_text=_("Rendered while the consultation was open.")
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("results file")
        verbose_name_plural = _("results files")
        ordering = ["consultation", "language", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "language", "kind"],
                name="one_results_file_per_language_and_format",
            ),
            models.CheckConstraint(
                condition=Q(file="") | (~Q(sha256="") & Q(generated_at__isnull=False)),
                name="stored_results_file_has_checksum_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id}/{self.language}/{self.kind}"

    @property
    def is_stored(self) -> bool:
        return bool(self.file)
