"""Production settings as the worker test runs them on one machine: the test client comes over
plain HTTP on loopback but says it came through the TLS proxy (X-Forwarded-Proto), static files
are served from the source folders (no collectstatic), and mail is written to files (MAIL_FOLDER)
instead of an SMTP server. Everything else, the task queue included, is production's."""

import os

from inepa_portal.settings.production import *  # noqa: F403 -- production, then what differs
from inepa_portal.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": os.environ["MAIL_FOLDER"]},
    }
}
