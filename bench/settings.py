"""Production settings on loopback over plain HTTP, for the benchmark (bench/run.py).

Everything else is production's: DEBUG off, hashed static files served by whitenoise,
PostgreSQL from DATABASE_URL (with Django's pool when DATABASE_POOL=true) and Redis from
REDIS_URL for the cache and the rate limits.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from inepa_portal.settings.production import *  # noqa: F403 -- production, then what differs
from inepa_portal.settings.production import BASE_DIR, TEMPLATES

if not os.environ.get("REDIS_URL"):
    raise ImproperlyConfigured("The benchmark runs against Redis: set REDIS_URL.")

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Plain HTTP on loopback: no TLS-terminating proxy in front, so no redirect and no secure-only
# cookies (the load generator sends them back over HTTP).
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False

# The project's URLs plus the Fortunes baseline at /bench/fortunes/.
ROOT_URLCONF = "bench.urls"
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]}]

# No mail server on loopback; nothing measured sends mail, but a stray notice must not block.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# BENCH_CACHE=none measures pages with no cache at all (the "uncached" row).
if os.environ.get("BENCH_CACHE") == "none":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
