"""`make run`'s settings (inepa_portal.settings.dev) serve the portal as visitors see it: its
own error pages, static files still served; Django's debug pages one variable away."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "TASKS_", "RESULTS_", "SITE_"))
    }
    return environment | {
        "DJANGO_SETTINGS_MODULE": "inepa_portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "RESULTS_ROOT": str(tmp_path / "results"),
        **extra,
    }


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 -- our server
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("embedded")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=_environment(folder),
        check=True,
        timeout=300,
    )
    return folder


def _serve(folder: Path, **extra: str):
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 -- fixed arguments, our own manage.py
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=_environment(folder, **extra),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1):  # noqa: S310 -- ours
                break
        except OSError:
            time.sleep(0.2)
    return server, base


def test_make_run_shows_the_portals_own_not_found_page_and_its_styles(database):
    server, base = _serve(database)
    try:
        status, content_type, page = _get(f"{base}/en/no-such-page/")
        css_status, css_type, _css = _get(f"{base}/static/css/site.css")
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert (status, content_type) == (404, "text/html; charset=utf-8")
    assert "<h1>Page not found</h1>" in page
    assert "Go to the home page" in page
    assert "URLconf" not in page  # Django's debug page lists the URL patterns it tried
    assert (css_status, css_type.split(";")[0]) == (200, "text/css")


def test_one_variable_turns_on_djangos_debug_pages(database):
    server, base = _serve(database, DJANGO_DEBUG="true")
    try:
        status, _content_type, page = _get(f"{base}/en/no-such-page/")
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert status == 404
    assert "URLconf" in page
