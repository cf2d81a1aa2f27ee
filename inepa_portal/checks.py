"""Deployment checks (`manage.py check --deploy`): what production must not start without."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_local(host: str) -> bool:
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified or address.is_link_local


@register(Tags.security, deploy=True)
def check_site_url(app_configs=None, **kwargs) -> list[Error]:
    """Links in emails sent by the workers use SITE_URL: it must be the public address."""
    site_url = getattr(settings, "SITE_URL", "") or ""
    hint = "Set SITE_URL to the portal's public address, e.g. SITE_URL=https://portal.inepa.si"
    if not site_url.strip():
        return [Error("SITE_URL is not set.", hint=hint, id="inepa_portal.E001")]
    parts = urlsplit(site_url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return [
            Error(
                f"SITE_URL ({site_url!r}) is not an absolute http(s) address.",
                hint=hint,
                id="inepa_portal.E001",
            )
        ]
    if _is_local(parts.hostname):
        return [
            Error(
                f"SITE_URL ({site_url}) points at this machine: links in emails would lead "
                "nowhere.",
                hint=hint,
                id="inepa_portal.E002",
            )
        ]
    return []


@register(Tags.compatibility, deploy=True)
def check_task_backends(app_configs=None, **kwargs) -> list[Error]:
    """Dossiers and emails must go to a queue that workers read, not run inside requests."""
    from django.tasks import task_backends
    from django.tasks.backends.dummy import DummyBackend
    from django.tasks.backends.immediate import ImmediateBackend

    errors = []
    for alias in settings.TASKS:
        backend = task_backends[alias]
        if isinstance(backend, ImmediateBackend | DummyBackend):
            errors.append(
                Error(
                    f"The task backend {alias!r} ({type(backend).__name__}) does not queue "
                    "tasks: results dossiers and emails would run inside the requests that "
                    "caused them, or never.",
                    hint=(
                        "Use a persistent backend, e.g. TASKS_BACKEND="
                        "django_tasks_db.DatabaseBackend (production's default), and run "
                        "`manage.py db_worker`."
                    ),
                    id="inepa_portal.E003",
                )
            )
    return errors


@register(Tags.security)
def check_results_storage(app_configs=None, **kwargs) -> list[Error]:
    """Results files must not sit where uploads or static files are served from."""
    from pathlib import Path

    from django.core.files.storage import FileSystemStorage, storages

    storage = storages["results"]
    if not isinstance(storage, FileSystemStorage):
        return []
    location = Path(storage.location).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = getattr(settings, name, None)
        if not served:
            continue
        served = Path(served).resolve()
        if location == served or location.is_relative_to(served) or served.is_relative_to(location):
            errors.append(
                Error(
                    f"The results storage ({location}) overlaps {name} ({served}), which is "
                    "served to anyone: interim and unpublished results would be public.",
                    hint="Set RESULTS_ROOT to a folder outside MEDIA_ROOT and STATIC_ROOT.",
                    id="inepa_portal.E004",
                )
            )
    return errors
