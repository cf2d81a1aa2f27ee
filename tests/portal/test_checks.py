"""Deployment checks: production is refused a localhost SITE_URL, a task backend that runs in
requests, and results files where uploads are served."""

import pytest
from django.core.checks import run_checks

from inepa_portal import checks

PERSISTENT = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "dossiers"]}
}


def _ids(messages) -> list[str]:
    return [message.id for message in messages]


@pytest.mark.parametrize(
    "site_url",
    [
        "",
        "portal.inepa.si",
        "http://127.0.0.1:8000",
        "http://localhost:8000",
        "https://app.localhost",
        "http://[::1]/",
        "http://0.0.0.0:8000",
        "http://127.3.2.1",
    ],
)
def test_site_url_unset_or_on_this_machine_is_an_error(settings, site_url):
    settings.SITE_URL = site_url

    (error,) = checks.check_site_url()

    assert error.id in {"inepa_portal.E001", "inepa_portal.E002"}
    assert "SITE_URL=https://portal.inepa.si" in error.hint


@pytest.mark.parametrize("site_url", ["https://portal.inepa.si", "http://10.0.0.5:8080"])
def test_a_public_site_url_passes(settings, site_url):
    settings.SITE_URL = site_url

    assert checks.check_site_url() == []


@pytest.mark.parametrize(
    "backend",
    [
        "django.tasks.backends.immediate.ImmediateBackend",
        "django.tasks.backends.dummy.DummyBackend",
    ],
)
def test_a_task_backend_that_does_not_queue_is_an_error(settings, backend):
    settings.TASKS = {"default": {"BACKEND": backend, "QUEUES": ["default", "dossiers"]}}

    (error,) = checks.check_task_backends()

    assert error.id == "inepa_portal.E003"
    assert "manage.py db_worker" in error.hint


def test_the_database_task_backend_passes(settings):
    settings.TASKS = PERSISTENT

    assert checks.check_task_backends() == []


def test_the_checks_run_with_deploy_only_where_they_concern_production(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"  # the embedded default's

    assert "inepa_portal.E002" not in _ids(run_checks())
    assert {"inepa_portal.E002", "inepa_portal.E003"} <= set(
        _ids(run_checks(include_deployment_checks=True))
    )


@pytest.mark.parametrize("inside", ["MEDIA_ROOT", "STATIC_ROOT"])
def test_results_files_inside_a_served_folder_are_an_error(settings, tmp_path, inside):
    setattr(settings, inside, tmp_path / "public")
    settings.RESULTS_ROOT = tmp_path / "public" / "results"

    (error,) = checks.check_results_storage()

    assert error.id == "inepa_portal.E004"
    assert inside in error.msg


def test_results_files_beside_media_pass(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.RESULTS_ROOT = tmp_path / "results"

    assert checks.check_results_storage() == []
