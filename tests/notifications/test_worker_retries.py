"""The production task backend (django-tasks-db) and its worker: a notification's email leaves
once, however often its task is queued and run again."""

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from consultations import services as participation
from notifications import tasks
from notifications.models import Notification
from tests.consultations.factories import CommentFactory
from tests.factories import CitizenFactory

from .conftest import free_port, smtp_mailers

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "dossiers"],
        }
    }


def _work() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, stdout=io.StringIO())


def test_a_worker_retrying_a_failed_email_sends_it_once(database_queue, mailbox, settings):
    parent = CommentFactory(language="en")
    participation.comment_submit(
        consultation=parent.consultation, author=CitizenFactory(), body="A reply.",
        language="en", parent=parent,
    )  # fmt: skip
    notification = Notification.objects.get(recipient=parent.author)
    assert (
        DBTaskResult.objects.filter(task_path="notifications.tasks.notification_send").count() == 1
    )

    settings.MAILERS = smtp_mailers(free_port())  # the mail server is down
    _work()
    assert DBTaskResult.objects.get().status == "FAILED"
    assert mailbox.messages == []

    settings.MAILERS = smtp_mailers(mailbox.port)  # back: the task is queued again, twice
    tasks.notification_send.enqueue(notification.pk)
    tasks.notification_send.enqueue(notification.pk)
    _work()
    assert len(mailbox.to(parent.author.email)) == 1
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL", "SUCCESSFUL"]
    notification.refresh_from_db()
    assert notification.email == Notification.Email.SENT
