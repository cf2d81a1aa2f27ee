"""Production settings: refuse to start without a secret, pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "TASKS_", "RESULTS_", "SITE_"))
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "inepa_portal.settings.production", **env}
    return subprocess.run(  # noqa: S603 -- fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_passes_the_deployment_checks_without_a_warning():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="k3y-" + "x7Qp9vLm2Rt8Wz4Yb6Nc1Hd5Jf0Gs3Ka" * 2,
        DJANGO_ALLOWED_HOSTS="portal.inepa.si",
        SITE_URL="https://portal.inepa.si",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_deployment_checks_refuse_a_local_site_url_and_tasks_run_in_requests():
    secret = {"DJANGO_SECRET_KEY": "k3y-" + "x7Qp9vLm2Rt8Wz4Yb6Nc1Hd5Jf0Gs3Ka" * 2}
    unset = _manage("check", "--deploy", DJANGO_ALLOWED_HOSTS="portal.inepa.si", **secret)
    local = _manage(
        "check",
        "--deploy",
        DJANGO_ALLOWED_HOSTS="portal.inepa.si",
        SITE_URL="http://127.0.0.1:8000",
        TASKS_BACKEND="django.tasks.backends.immediate.ImmediateBackend",
        **secret,
    )

    assert unset.returncode != 0
    assert "(inepa_portal.E001) SITE_URL is not set." in unset.stderr
    assert "inepa_portal.E003" not in unset.stderr  # production queues tasks by default
    assert local.returncode != 0
    assert "(inepa_portal.E002) SITE_URL (http://127.0.0.1:8000) points at this machine" in (
        local.stderr
    )
    assert "(inepa_portal.E003) The task backend 'default' (ImmediateBackend)" in local.stderr
