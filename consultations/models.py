"""Draft policies in sections, open for comments, supports and votes during a consultation window.

Moderation (flags, decisions, appeals, official responses) and results (the stored dossiers)
are apps of their own beside this one: consultations.moderation and consultations.results.
"""

import html
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

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


class TargetCounters(models.Model):
    """What a target (the draft as a whole: on the consultation; a section: on the section)
    has received, kept by the services that write the rows counted, in the same transaction
    (consultations.counters); `manage.py recount_counters` checks them against the rows."""

    votes_agree = models.PositiveIntegerField(default=0, editable=False)
    votes_disagree = models.PositiveIntegerField(default=0, editable=False)
    votes_abstain = models.PositiveIntegerField(default=0, editable=False)
    comments_published = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True


class Consultation(TargetCounters, TranslatedTitleAndSlug):
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


class Section(TargetCounters):
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

    def discussed(self):
        """The comments a discussion shows (see `in_discussion`), as bare rows: for picking
        ids, without the text."""
        published_replies = Comment.objects.filter(
            parent=models.OuterRef("pk"), status=Comment.Status.PUBLISHED
        )
        return self.filter(
            Q(status__in=[Comment.Status.PUBLISHED, Comment.Status.HIDDEN])
            | Q(status=Comment.Status.REMOVED) & Q(models.Exists(published_replies))
        )

    def in_discussion(self):
        """What a discussion shows: published comments; a placeholder for each hidden one
        (naming only the reason); and one for a removed comment that replies hang from."""
        return (
            self.discussed()
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
    # Kept by the services that add and take back supports (consultations.counters).
    support_count = models.PositiveIntegerField(default=0, editable=False)
    # Set when the author last corrected the text (comment_edit); the page says "edited".
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True, editable=False)

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
            # A target's first threads, in order, without reading the others (issue #12).
            # The status last: counting them reads the index alone.
            models.Index(
                fields=["consultation", "section", "created_at", "id", "status"],
                condition=Q(parent__isnull=True),
                name="comment_threads",
            ),
            # The same for the draft as a whole (PostgreSQL orders by an index under an
            # equality, not under IS NULL).
            models.Index(
                fields=["consultation", "created_at", "id", "status"],
                condition=Q(parent__isnull=True, section__isnull=True),
                name="comment_draft_threads",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="removed") | ~Q(body=""),
                name="published_comment_has_text",
            ),
        ]

    def __str__(self) -> str:
        return _("comment #%(id)s: %(excerpt)s") % {"id": self.pk, "excerpt": self.plain_text[:50]}

    @property
    def plain_text(self) -> str:
        """The text as readers see it (the sanitised HTML without tags, so no Markdown marks)."""
        return html.unescape(strip_tags(self.body_html)).strip() or self.body

    def clean(self) -> None:
        """Its section and the comment it replies to belong to its consultation; a reply is on
        its parent's section and is not itself replied to."""
        errors = {}
        if self.section_id and self.section.consultation_id != self.consultation_id:
            errors["section"] = _("This section belongs to another consultation.")
        if self.parent_id:
            parent = self.parent
            if parent.consultation_id != self.consultation_id or parent.parent_id is not None:
                errors["parent"] = _("You can only reply to a comment of this consultation.")
            elif parent.section_id != self.section_id:
                errors["section"] = _("A reply is on the section of the comment it answers.")
        if errors:
            raise ValidationError(errors)

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

    def clean(self) -> None:
        if self.section_id and self.section.consultation_id != self.consultation_id:
            raise ValidationError({"section": _("This section belongs to another consultation.")})


class CommentVersion(models.Model):
    """A text a comment had before its author edited it, kept for the moderators."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="versions")
    body = models.TextField(_("comment"))
    body_html = models.TextField(editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Comment.Status.choices)
    written_at = models.DateTimeField(_("written at"))
    replaced_at = models.DateTimeField(_("replaced at"))

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["replaced_at", "id"]

    def __str__(self) -> str:
        return f"#{self.comment_id} before {self.replaced_at:%Y-%m-%d %H:%M}"
