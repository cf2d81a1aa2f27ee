import pytest


@pytest.fixture(autouse=True)
def _no_limits_no_page_cache(settings):
    """Hundreds of posts by one person in a second, each page made afresh.

    The participation and signup limits would refuse most of the corpus (they have tests of
    their own); the page cache is only refreshed after commit, which a test never reaches.
    """
    settings.PARTICIPATION_LIMITS = {}
    settings.ACCOUNT_RATE_LIMITS = False
    settings.PAGE_CACHE_SECONDS = 0
