from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from . import account_data, receivers

        # Participation and moderation send signals; this app records and delivers the events.
        receivers.connect()
        # Follows, delivery settings and notifications on the profile, in the export, in deletion.
        account_data.register()
