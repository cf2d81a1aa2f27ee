"""Two real gunicorn app servers on loopback, sharing the test database and one Redis database."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = 12  # the scale test's own Redis database, emptied before and after
STARTUP_SECONDS = 30


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "scale: several app servers sharing PostgreSQL and Redis (real gunicorn)"
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/scale/" in str(item.fspath):
            item.add_marker(pytest.mark.scale)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} The scale test must run in CI.")
    pytest.skip(reason)


@pytest.fixture
def shared_redis() -> Iterator[str]:
    """The URL of an empty Redis database, emptied again afterwards."""
    import redis

    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        _unavailable(f"Redis does not answer on {REDIS_HOST}:{REDIS_PORT}.")
    client.flushdb()
    yield f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"
    client.flushdb()
    client.close()


def _database_url() -> str:
    from django.db import connection

    if connection.vendor != "postgresql":
        _unavailable(
            "Several app servers need PostgreSQL (SQLite is one process's file): "
            "run the tests with DATABASE_URL=postgres://… (make test does)."
        )
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class AppServer:
    name: str
    url: str
    process: subprocess.Popen
    log: Path

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])

    def answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310 -- loopback
                return response.status == 200
        except (OSError, urllib.error.URLError):
            return False

    def stop(self) -> None:
        """Quick shutdown (SIGINT); killed if it has not ended after ten seconds."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


@pytest.fixture
def app_servers(transactional_db, shared_redis, tmp_path) -> Iterator[tuple[AppServer, AppServer]]:
    """Servers A and B: gunicorn, one sync worker each, on free loopback ports; the same
    test database, the same Redis database (cache, sessions, rate limits)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "LIMIT_"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "tests.scale.server_settings",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": shared_redis,
        "MEDIA_ROOT": str(tmp_path / "media"),
        # Two comments an hour per citizen, so that a limit reached on one server shows.
        "LIMIT_COMMENTS_PER_MINUTE": "100",
        "LIMIT_COMMENTS_PER_HOUR": "2",
    }
    servers = []
    try:
        for name in ("A", "B"):
            port = _free_port()
            log = tmp_path / f"gunicorn-{name}.log"
            with log.open("w") as output:
                process = subprocess.Popen(  # noqa: S603 -- our own command line
                    [
                        sys.executable, "-m", "gunicorn", "inepa_portal.wsgi:application",
                        "--workers=1", f"--bind=127.0.0.1:{port}", f"--chdir={ROOT}",
                        "--timeout=30", "--graceful-timeout=5",
                    ],
                    env=env, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT,
                )  # fmt: skip
            servers.append(AppServer(name, f"http://127.0.0.1:{port}", process, log))
        deadline = time.monotonic() + STARTUP_SECONDS
        for server in servers:
            while not server.answers():
                if server.process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"app server {server.name} did not start:\n{server.log_tail()}")
                time.sleep(0.1)
        yield servers[0], servers[1]
    finally:
        for server in servers:
            if server.process.poll() is None:
                server.process.send_signal(signal.SIGINT)
        for server in servers:
            server.stop()
