from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "consultations.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from . import account_data

        # After participation (INSTALLED_APPS): deletion steps run last registered first, so
        # the person's reports and appeals are handled while their comments still name them.
        account_data.register()
