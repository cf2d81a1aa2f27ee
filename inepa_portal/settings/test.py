"""The test suite: PostgreSQL when DATABASE_URL names it (CI), fast password hashing."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 -- never used outside the test suite
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SERVE_MEDIA = True
# Serve static files straight from the source folders, as in development (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
