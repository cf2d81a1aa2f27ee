"""Background work of consultations, run by Django's tasks framework (at once in the embedded
default, by a worker in production)."""

from django.tasks import task


@task()
def render_results_dossier(*, consultation_id: int, language: str) -> str:
    """Render and store a consultation's results files in one language."""
    from .dossiers import dossier_render  # dossiers queues this task: import it when run

    return dossier_render(consultation_id=consultation_id, language=language)
