"""Settings shared by every environment; every value that varies comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "inepa_portal"
# Installed from a wheel, the package carries the repository's top-level templates/ and static/
# (setup.py puts them there); a checkout, editable install included, has them at its top.
INSTALLED_FROM_WHEEL = (PACKAGE_DIR / "templates").is_dir()
PROJECT_DIR = PACKAGE_DIR if INSTALLED_FROM_WHEEL else BASE_DIR
# The default home of db.sqlite3, media/ and staticfiles/ (production names them in the
# environment): the checkout, or the folder an installed portal is started in.
LOCAL_DIR = Path.cwd() if INSTALLED_FROM_WHEEL else BASE_DIR


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "inepa_portal",
    "articles",
    "consultations",  # participation: consultations, sections, comments, supports, votes
    "consultations.moderation",  # flags, decisions and their log, appeals, official responses
    "consultations.results",  # the results dossiers, their exports and rendering
    "accounts",
    "notifications",  # follows, notifications and their emails, visitors' subscriptions
    "pages",  # privacy notice, participation and moderation rules, contact
    "search",  # one index over articles, consultations, sections and published comments
    "allauth",
    "allauth.account",
    # The task queue in PostgreSQL (or SQLite) that production's workers read (TASKS below).
    "django_tasks_db",
]

MIDDLEWARE = [
    # Outside all others, SecurityMiddleware included, so that every response carries the
    # policies: the HTTPS redirect (answered by SecurityMiddleware itself), LocaleMiddleware's
    # redirects, whitenoise's files and the error pages.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "inepa_portal.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "inepa_portal.middleware.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication (it asks who is signed in), outside the views and allauth's.
    "inepa_portal.middleware.PrivateForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "inepa_portal.urls"
WSGI_APPLICATION = "inepa_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Before the apps' own templates, so that ours override the admin's and allauth's.
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inepa_portal.context_processors.site",
                "accounts.context_processors.account_links",
                "notifications.context_processors.notification_state",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL names another (PostgreSQL in
# production and CI). DATABASE_POOL=1 turns on Django's psycopg 3 connection pool.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{LOCAL_DIR / 'db.sqlite3'}",
        # Keep connections between requests (checked before reuse, so a restarted database
        # is noticed); the pool below replaces this when it is on.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers queue instead of failing with "database is locked": every transaction
    # takes the write lock when it begins (a deferred one that reads first cannot wait for it
    # later), a writer waits up to DATABASE_SQLITE_TIMEOUT seconds for the lock, and the
    # write-ahead log lets readers go on while someone writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("DATABASE_SQLITE_TIMEOUT", "20")),
            "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"),
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_POOL", False
):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections, not Django
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DATABASE_POOL_MIN", "2")),
        "max_size": int(os.environ.get("DATABASE_POOL_MAX", "10")),
    }

# Cache (and later rate limits): Redis when REDIS_URL is set, else this process's memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "inepa_portal.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "inepa",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work: run at once in the embedded default; production keeps tasks in the database
# (django-tasks-db) and runs workers (`manage.py db_worker`). Two queues, so that a worker of
# their own can keep emails ("default") flowing while a long results dossier renders
# ("dossiers").
TASK_QUEUES = ["default", "dossiers"]
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": TASK_QUEUES,
    }
}

MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "INePA <portal@inepa.si>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Accounts (django-allauth): the email address is the login and must be verified before the
# first sign-in; pages answer the same whether or not an address has an account; allauth's rate
# limits live in the cache above (Redis in production, so every app server shares them).
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",  # staff permissions in the admin
    "allauth.account.auth_backends.AuthenticationBackend",
]
# URL names, so that each follows the active language (/sl/… or /en/…).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}  # adds the public display name
# A person's name in allauth's pages and emails: the display name, always on one line.
ACCOUNT_USER_DISPLAY = "accounts.names.user_display"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
# One address per account; a new one replaces it once verified, after the password is asked
# again; the old address is told of the change.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[INePA] "
# allauth's defaults, except that failed sign-ins are counted per address for 15 minutes:
# password guessing stops after 5 failures, for the citizens' and the staff login alike.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/15m/key"}
# Behind N reverse proxies that append to X-Forwarded-For, the client address is the Nth from
# the end; 0 (the default) trusts no header and uses the connection's address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sl"
LANGUAGES = [("sl", _("Slovenian")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Ljubljana")
USE_I18N = True
USE_TZ = True
# Dates as each language writes them ("8. julija 2013"), ahead of Django's own formats.
FORMAT_MODULE_PATH = ["inepa_portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", LOCAL_DIR / "staticfiles"))
# Installed, the static files are inepa_portal's own (inepa_portal/static, found as an app's).
STATICFILES_DIRS = [] if INSTALLED_FROM_WHEEL else [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", LOCAL_DIR / "media"))
# Uploaded files are served by Django itself only where no web server or object storage
# does it (the embedded default and tests).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Results files (dossiers, CSV, JSON) have a storage of their own, outside MEDIA_ROOT and with no
# URL: only the results views serve them, after their permission checks.
RESULTS_ROOT = Path(os.environ.get("RESULTS_ROOT", LOCAL_DIR / "results"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "results": {"BACKEND": "consultations.results.storage.ResultsStorage"},  # at RESULTS_ROOT
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Strict Content-Security-Policy: nothing inline, nothing from another host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Whole pages for visitors without a session stay this long in the cache at most (0: off);
# any change to what a page shows replaces it at once (inepa_portal/pagecache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# How often a citizen may post, as (how many, per seconds); counted in the shared cache.
PARTICIPATION_LIMITS = {
    "comment": [
        (int(os.environ.get("LIMIT_COMMENTS_PER_MINUTE", "3")), 60),
        (int(os.environ.get("LIMIT_COMMENTS_PER_HOUR", "20")), 3600),
    ],
    "reply": [
        (int(os.environ.get("LIMIT_REPLIES_PER_MINUTE", "5")), 60),
        (int(os.environ.get("LIMIT_REPLIES_PER_HOUR", "40")), 3600),
    ],
    "flag": [
        (int(os.environ.get("LIMIT_FLAGS_PER_MINUTE", "5")), 60),
        (int(os.environ.get("LIMIT_FLAGS_PER_HOUR", "30")), 3600),
    ],
    # Confirmation emails of visitors' subscriptions, per address: nobody floods an inbox.
    "subscribe": [(2, 3600), (5, 86400)],
}
# Moderators get at most one email about flagged comments per this many minutes.
MODERATION_DIGEST_MINUTES = int(os.environ.get("MODERATION_DIGEST_MINUTES", "30"))

# The organisation shown in the header, footer and feeds.
SITE_NAME = "INePA"
# The portal's public address, for links in emails sent outside a request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint reports each rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        # Each task's start and end is logged at INFO; failures still show.
        "django.tasks": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
