from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

# Hundreds of posts by one person in a second, each page made afresh. The participation and
# signup limits would refuse most of the corpus (they have tests of their own); the page cache
# is only refreshed after commit, which a test never reaches.
NO_LIMITS = {"PARTICIPATION_LIMITS": {}, "ACCOUNT_RATE_LIMITS": False, "PAGE_CACHE_SECONDS": 0}


def _judged_case(request) -> bool:
    """A case that only reads its judge's verdict (the judge has its own settings)."""
    return "verdict" in request.fixturenames


@pytest.fixture(autouse=True)
def _no_limits_no_page_cache(request):
    if not _judged_case(request):
        settings = request.getfixturevalue("settings")
        for name, value in NO_LIMITS.items():
            setattr(settings, name, value)


@pytest.fixture(autouse=True)
def _media_in_tmp(request):
    """As the suite's (tests/conftest.py): uploaded and results files in folders of the test's
    own; a judge has its own folders, so its thousands of cases need none."""
    if not _judged_case(request):
        settings, tmp_path = (
            request.getfixturevalue("settings"),
            request.getfixturevalue("tmp_path"),
        )
        settings.MEDIA_ROOT = tmp_path / "media"
        settings.RESULTS_ROOT = tmp_path / "results"


@pytest.fixture(scope="session")
def _judged(django_db_setup, django_db_blocker, tmp_path_factory) -> dict:
    """What each judge found, by test function (and its other parameters)."""
    return {}


@pytest.fixture
def verdict(request, _judged, django_db_blocker, tmp_path_factory) -> Callable:
    """The problems of this test's case: `verdict(judge, vector=vector)`, [] when none.

    The cases of one test function are judged together, once, when the first of them asks:
    `judge(cases)` gets every case of the function that runs (all, or those `-k` selects), does
    the costly part once for all of them (posting, rendering pages, feeds and files) and
    returns {case: [problems]}; each case then passes or fails on its own problems. The judge
    runs in a transaction rolled back afterwards, without participation limits or page cache,
    with folders of its own for uploaded and results files.
    """

    def of(judge: Callable[[list], dict], **case) -> list[str]:
        ((name, value),) = case.items()
        others = {key: v for key, v in request.node.callspec.params.items() if key != name}
        key = (request.function, repr(sorted(others.items())))
        if key not in _judged:
            cases = [
                item.callspec.params[name]
                for item in request.session.items
                if getattr(item, "function", None) is request.function
                and {k: v for k, v in item.callspec.params.items() if k != name} == others
            ]
            folder = tmp_path_factory.mktemp(request.function.__name__[:40])
            with (
                django_db_blocker.unblock(),
                override_settings(
                    **NO_LIMITS, MEDIA_ROOT=folder / "media", RESULTS_ROOT=folder / "results"
                ),
            ):
                _judged[key] = _judge(judge, cases)
        found = _judged[key]
        if isinstance(found, BaseException):
            raise found
        return found[value]

    return of


def _judge(judge: Callable[[list], dict], cases: list) -> dict | Exception:
    with transaction.atomic():
        cache.clear()
        try:
            return judge(cases)
        except Exception as error:  # every case of the judge reports it, not only the first
            return error
        finally:
            transaction.set_rollback(True)
            cache.clear()
