"""The embedded default: a laptop, SQLite, mail printed to the console."""

from .base import *

DEBUG = env_bool("DJANGO_DEBUG", True)
# A fixed key is acceptable only here: this module is never used in production.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
