from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self) -> None:
        from . import account_data

        # The person's comments, votes and supports on their profile, in their data export
        # and in account deletion.
        account_data.register()
