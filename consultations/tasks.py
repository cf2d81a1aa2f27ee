"""Background work of consultations, run by Django's tasks framework (at once in the embedded
default, by workers in production: `manage.py db_worker`)."""

from django.tasks import task


# A queue of its own: a worker for "dossiers" may spend a minute on one large dossier while
# another keeps the "default" queue's emails flowing.
@task(queue_name="dossiers")
def render_results_dossier(*, consultation_id: int, language: str) -> str:
    """Render and store a consultation's results files in one language."""
    from .dossiers import dossier_render  # dossiers queues this task: import it when run

    return dossier_render(consultation_id=consultation_id, language=language)
