"""Background work of accounts, run by Django's tasks framework (at once in the embedded
default, by a worker in production)."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task()
def email_send(
    *, subject: str, body: str, from_email: str, to: list[str], html: str | None = None
) -> None:
    """Send an email rendered in the request that caused it.

    A failure (the mail server is down) fails the task, which the task backend logs and a
    persistent backend's worker can retry; the request that queued it has already answered.
    """
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
