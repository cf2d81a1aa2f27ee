import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files and results files of each test go to folders of their own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RESULTS_ROOT = tmp_path / "results"


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code run outside a request speaks English in tests, whatever an earlier request left
    active in this thread (LocaleMiddleware does not deactivate a language after a response)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()
