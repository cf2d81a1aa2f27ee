from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "consultations.results"
    label = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        from . import receivers  # noqa: F401 -- connects to the events results follow
