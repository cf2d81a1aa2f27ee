"""The test suite: PostgreSQL when DATABASE_URL names it (CI), fast password hashing."""

from .base import *

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and os.environ.get(
    "DATABASE_URL"
):
    # A SQLite file named by DATABASE_URL: the test database is a file beside it, so that the
    # threads of the race tests share it (Django's default, in memory, cannot queue writers).
    _sqlite_file = Path(DATABASES["default"]["NAME"])
    if str(_sqlite_file) != ":memory:":
        DATABASES["default"]["TEST"] = {
            "NAME": str(_sqlite_file.with_name(f"test_{_sqlite_file.name}"))
        }

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 -- never used outside the test suite
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SERVE_MEDIA = True
# Serve static files straight from the source folders, as in development (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
