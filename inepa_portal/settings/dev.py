"""The embedded default: a laptop, SQLite, mail printed to the console.

It shows the portal as visitors see it, its own 404 and 500 pages included: DEBUG is off
unless DJANGO_DEBUG=true asks for Django's debug pages. Static files come straight from the
source folders through whitenoise either way (no collectstatic), as runserver serves them.
"""

from .base import *

DEBUG = env_bool("DJANGO_DEBUG", False)
# A fixed key is acceptable only here: this module is never used in production.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
