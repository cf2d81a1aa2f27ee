"""Production: refuses to start without a secret key; HTTPS-only cookies and HSTS; SMTP; tasks
queued in the database for workers; no SITE_URL default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Production needs a long random secret key, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

DEBUG = False
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Results files on S3-compatible object storage instead of RESULTS_ROOT: install
# django-storages[s3] and name a private bucket. Downloads still go through the results views
# (which read the file and check permissions); the bucket is never linked to.
if os.environ.get("RESULTS_S3_BUCKET"):
    STORAGES["results"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["RESULTS_S3_BUCKET"],
            "endpoint_url": os.environ.get("RESULTS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("RESULTS_S3_REGION") or None,
            # Unset: boto3 finds credentials itself (AWS_* variables, an instance role).
            "access_key": os.environ.get("RESULTS_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("RESULTS_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("RESULTS_S3_PREFIX", "results"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Background work goes to a queue in the database that `manage.py db_worker` processes run;
# `check --deploy` refuses a backend that runs tasks inside requests (inepa_portal/checks.py).
TASKS = {
    "default": {
        **TASKS["default"],
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Links in emails sent by the workers: no default, `check --deploy` asks for the public address.
SITE_URL = os.environ.get("SITE_URL", "")

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("SMTP_HOST", "localhost"),
            "port": int(os.environ.get("SMTP_PORT", "587")),
            "username": os.environ.get("SMTP_USER", ""),
            "password": os.environ.get("SMTP_PASSWORD", ""),
            "use_tls": env_bool("SMTP_USE_TLS", True),
            "timeout": 10,
        },
    }
}

# Links in account emails (verification, password reset) use HTTPS.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
