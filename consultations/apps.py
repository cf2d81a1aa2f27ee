from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self) -> None:
        # signals connects the page-cache invalidation on import.
        from . import account_data, signals  # noqa: F401

        # The person's part of their profile, data export and account deletion, in this order
        # (moderation's deletion step runs first: accounts.contributions.deletion_steps).
        account_data.register_participation()
        account_data.register_moderation()
