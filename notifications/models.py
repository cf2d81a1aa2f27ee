"""Follows, notifications, delivery settings per person and kind, digests, and visitors'
subscriptions to new consultations."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    REPLY = "reply", _("Replies to my comments")
    RESPONSE = "response", _("Official responses to my comments and to sections I commented on")
    MODERATION = "moderation", _("Moderation of my comments")
    CLOSED = "closed", _("A consultation I follow closes")
    RESULTS = "results", _("Results of a consultation I follow are published")
    NEW = "new", _("A new consultation opens")


class Delivery(models.TextChoices):
    AT_ONCE = "at_once", _("at once")
    DIGEST = "digest", _("in a daily digest")
    OFF = "off", _("off")


# What a person gets until they choose: what concerns their own words at once, what happens to
# consultations they follow daily; news of new consultations only to those who ask for it.
DEFAULT_DELIVERY = {
    Kind.REPLY: Delivery.AT_ONCE,
    Kind.RESPONSE: Delivery.AT_ONCE,
    Kind.MODERATION: Delivery.AT_ONCE,
    Kind.CLOSED: Delivery.DIGEST,
    Kind.RESULTS: Delivery.DIGEST,
    Kind.NEW: Delivery.OFF,
}


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "consultation"], name="one_follow_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.consultation_id}"


class Unfollow(models.Model):
    """A person stopped following: taking part again does not make them follow again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unfollows"
    )
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "consultation"], name="one_unfollow_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} stopped following {self.consultation_id}"


class DeliverySetting(models.Model):
    """A person's choice for one kind; without a row, DEFAULT_DELIVERY holds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delivery_settings"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    delivery = models.CharField(max_length=8, choices=Delivery.choices)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_setting_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind} {self.delivery}"


class Notification(models.Model):
    """One event for one person. `key` names the event: one row, and at most one email, per
    recipient and event, however often a worker runs the task that sends it."""

    class Email(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        DIGESTED = "digested", _("sent in a digest")
        NOT_SENT = "not_sent", _("not sent")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # What happened within the kind (a moderation outcome: "hidden", "restored", …).
    event = models.CharField(max_length=32, blank=True)
    key = models.CharField(max_length=120)
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "consultations.Comment", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email = models.CharField(max_length=10, choices=Email.choices, default=Email.PENDING)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_event"),
        ]
        indexes = [
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
            models.Index(fields=["email", "kind"], name="notification_email"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}: {self.key}"


class DigestDay(models.Model):
    """A digest sent to a person on a day: the constraint keeps it to one a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_digest_a_day"),
        ]

    def __str__(self) -> str:
        return f"digest {self.day} for {self.user_id}"


class Subscription(models.Model):
    """A visitor's address for news of new consultations, without an account (double opt-in)."""

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self) -> str:
        return self.email


class SubscriptionEmail(models.Model):
    """A new consultation announced to a subscriber: one email per address and consultation."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="+")
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "consultation"], name="one_announcement_per_subscriber"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id} to {self.subscription_id}"


class Recipient(models.Model):
    """The language a person reads their notifications in: the one they last took part, followed
    or chose their settings in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_recipient"
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.language}"
