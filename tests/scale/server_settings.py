"""Settings of the app servers the scale test starts: the test suite's, with sessions, cache and
rate limits in Redis (REDIS_URL), so that nothing lives in one server's memory."""

import os

from django.core.exceptions import ImproperlyConfigured

from inepa_portal.settings.test import *  # noqa: F403 -- the test settings, then what differs

if not os.environ.get("REDIS_URL"):
    raise ImproperlyConfigured("The app servers of the scale test share Redis: set REDIS_URL.")

SESSION_ENGINE = "django.contrib.sessions.backends.cache"
