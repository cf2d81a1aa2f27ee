"""Production's background work: gunicorn answers at once and a separate worker process
(`manage.py db_worker`, django-tasks-db on PostgreSQL) renders the results dossiers and sends the
emails; a worker killed in the middle of a render loses nothing that was served."""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.utils import timezone

from consultations.models import Comment, Consultation
from consultations.results import tasks as results_tasks
from consultations.results.models import ResultsDossier
from inepa_portal.markup import render_markdown
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory
from tests.scale.conftest import ROOT, STARTUP_SECONDS, AppServer, _database_url, _free_port

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"  # the factories' password
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Enough published comments that one language's dossier takes the worker a few seconds (real
# WeasyPrint, a few seconds for 150 comments), so that it can be caught in the middle.
COMMENTS = 150
RENDER_DEADLINE = 240  # seconds for a round of renders on a busy two-core machine
FIRST_TEXT = "The first comment a moderator hides: it advertises watches."
SECOND_TEXT = "The second comment a moderator hides: it gives a phone number."


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8-sig", errors="replace")


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A browser behind the TLS-terminating proxy: production sets Secure cookies and checks the
    Referer of each POST, so it sends X-Forwarded-Proto and keeps Secure cookies on loopback."""

    def __init__(self, server_url: str):
        self.server_url = server_url
        jar = http.cookiejar.CookieJar(
            http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "http"))
        )
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), _KeepRedirects
        )
        self.token = ""
        self.page = ""

    def _open(self, path: str, data: bytes | None = None) -> Response:
        https_twin = self.server_url.replace("http://", "https://")
        headers = {
            "Accept-Language": "en",
            "X-Forwarded-Proto": "https",
            "Referer": f"{https_twin}{self.page or path}",
        }
        request = urllib.request.Request(f"{self.server_url}{path}", data=data, headers=headers)  # noqa: S310 -- loopback
        try:
            with self.opener.open(request, timeout=30) as answer:
                response = Response(answer.status, dict(answer.headers), answer.read())
        except urllib.error.HTTPError as error:
            response = Response(error.code, dict(error.headers), error.read())
        except OSError as error:  # not listening yet
            response = Response(0, {}, str(error).encode())
        if found := TOKEN.search(response.text):
            self.token = found.group(1)
        self.page = path
        return response

    def get(self, path: str) -> Response:
        return self._open(path)

    def post(self, path: str, fields: dict) -> Response:
        return self._open(path, urlencode({"csrfmiddlewaretoken": self.token, **fields}).encode())


def _start(name: str, command: list[str], env: dict, log: Path) -> AppServer:
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 -- our own command line
            command, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT
        )
    return AppServer(name, "", process, log)


@pytest.fixture
def production(transactional_db, tmp_path) -> Iterator[dict]:
    """The environment of a production host: PostgreSQL, production settings, results and mail
    in folders of their own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "TASKS_", "RESULTS_", "SITE_"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "tests.scale.production_settings",
        "DJANGO_SECRET_KEY": "worker-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": _database_url(),
        "SITE_URL": "https://portal.example.org",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "RESULTS_ROOT": str(tmp_path / "results"),
        "MAIL_FOLDER": str(tmp_path / "mail"),
    }
    return env


@pytest.fixture
def app_server(production, tmp_path) -> Iterator[AppServer]:
    port = _free_port()
    server = _start(
        "gunicorn",
        [
            sys.executable, "-m", "gunicorn", "inepa_portal.wsgi:application", "--workers=1",
            f"--bind=127.0.0.1:{port}", f"--chdir={ROOT}", "--timeout=30",
            "--graceful-timeout=5",
        ],
        production,
        tmp_path / "gunicorn.log",
    )  # fmt: skip
    server.url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while Browser(server.url).get("/healthz").status != 200:  # not redirected to HTTPS
        if server.process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"gunicorn did not start:\n{server.log_tail()}")
        time.sleep(0.1)
    yield server
    server.stop()


@pytest.fixture
def start_worker(production, tmp_path) -> Iterator:
    """Starts `manage.py db_worker` processes on both queues; stops those still running."""
    workers = []

    def start() -> AppServer:
        worker = _start(
            f"worker {len(workers) + 1}",
            [sys.executable, "manage.py", "db_worker", "--queue-name=default,dossiers",
             "--interval=0.2", "--no-startup-delay"],
            production,
            tmp_path / f"worker-{len(workers) + 1}.log",
        )  # fmt: skip
        workers.append(worker)
        _wait(  # ready (Django loaded) before the test goes on: its start-up is not measured
            f"{worker.name} to start",
            lambda: "Starting worker" in worker.log.read_text(errors="replace"),
            seconds=STARTUP_SECONDS,
            logs=[worker],
        )
        return worker

    yield start
    for worker in workers:
        worker.stop()


def _closed_consultation_with_many_comments() -> tuple[Consultation, Comment, Comment]:
    now = timezone.now()
    consultation = ConsultationFactory(
        title_en="Draft rules for public spaces",
        title_sl="Osnutek pravil za javne prostore",
        opens_at=now - timedelta(days=30),
        closes_at=now + timedelta(days=1),
    )
    sections = [
        SectionFactory(consultation=consultation, position=position) for position in range(1, 4)
    ]
    citizens = [CitizenFactory() for _ in range(12)]
    author = CitizenFactory(display_name="Author", email="author@example.org")
    first = CommentFactory(consultation=consultation, author=author, body=FIRST_TEXT)
    second = CommentFactory(consultation=consultation, author=author, body=SECOND_TEXT)
    body = (
        "Predlagam, da se pravila **dopolnijo** s podatki o dostopnosti, razsvetljavi in "
        "čiščenju; to bi koristilo vsem, ki prostore uporabljajo vsak dan.\n\n"
        "- širši pločniki\n- več klopi\n- pitniki"
    )
    html = render_markdown(body)
    Comment.objects.bulk_create(
        Comment(
            consultation=consultation,
            section=sections[number % len(sections)],
            author=citizens[number % len(citizens)],
            body=f"{number}. {body}",
            body_html=html,
            language="sl",
            created_at=now - timedelta(days=20, minutes=number),
        )
        for number in range(COMMENTS)
    )
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=now - timedelta(hours=1))
    consultation.refresh_from_db()
    return consultation, first, second


def _wait(what: str, condition, *, seconds: float, logs: list[AppServer]):
    deadline = time.monotonic() + seconds
    while not (result := condition()):
        if time.monotonic() > deadline:
            tails = "\n".join(f"--- {log.name}\n{log.log_tail()}" for log in logs)
            pytest.fail(f"{what}: not within {seconds} s\n{tails}")
        time.sleep(0.1)
    return result


def _decide(browser: Browser, comment: Comment) -> float:
    """A moderator hides a comment in the admin; returns how long the POST took."""
    url = f"/admin/consultations/comment/moderate/hide/?ids={comment.pk}"
    confirm = browser.get(url)
    assert comment.body in confirm.text
    started = time.monotonic()
    done = browser.post(url, {"reason": "spam", "note": ""})
    elapsed = time.monotonic() - started
    assert done.status == 302, done.text[:2000]
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    return elapsed


def _csv(server: AppServer, consultation: Consultation, language: str) -> Response:
    slug = getattr(consultation, f"slug_{language}")
    return Browser(server.url).get(f"/{language}/consultations/{slug}/results.csv")


def _stored(consultation: Consultation, language: str) -> dict[str, str]:
    return dict(
        ResultsDossier.objects.filter(consultation=consultation, language=language).values_list(
            "kind", "sha256"
        )
    )


def test_a_worker_renders_dossiers_and_sends_emails_and_a_killed_render_is_recovered(
    production, app_server, start_worker, tmp_path
):
    from django_tasks_db.models import DBTaskResult

    consultation, first, second = _closed_consultation_with_many_comments()
    started = time.monotonic()
    for language in ("sl", "en"):  # the version published before the moderation decisions
        results_tasks.dossier_render(consultation_id=consultation.pk, language=language)
    one_render = (time.monotonic() - started) / 2
    before = {language: _stored(consultation, language) for language in ("sl", "en")}
    assert FIRST_TEXT in _csv(app_server, consultation, "en").text
    moderator = StaffFactory(email="moderator@example.org")
    hasher = PBKDF2PasswordHasher()  # production's; the test settings hash with MD5
    type(moderator).objects.filter(pk=moderator.pk).update(
        password=hasher.encode(PASSWORD, hasher.salt())
    )
    browser = Browser(app_server.url)
    browser.get("/en/accounts/login/")
    signed_in = browser.post(
        "/en/accounts/login/", {"login": moderator.email, "password": PASSWORD}
    )
    assert signed_in.status == 302, signed_in.text[:2000]

    # 1. The decision returns at once; the worker renders the new dossier and sends the email.
    worker = start_worker()
    first_decision = _decide(browser, first)
    started = time.monotonic()
    _wait(
        "the new dossier",
        lambda: all(
            FIRST_TEXT not in _csv(app_server, consultation, language).text
            for language in ("sl", "en")
        ),
        seconds=RENDER_DEADLINE,
        logs=[app_server, worker],
    )
    first_round = time.monotonic() - started
    email = _wait(
        "the author's email",
        lambda: "".join(path.read_text() for path in (tmp_path / "mail").glob("*.log")),
        seconds=30,
        logs=[worker],
    )
    assert "To: author@example.org" in email
    sent_by = DBTaskResult.objects.get(task_path="notifications.tasks.notification_send")
    assert (sent_by.status, len(sent_by.worker_ids)) == ("SUCCESSFUL", 1)
    renders = DBTaskResult.objects.filter(
        task_path="consultations.results.tasks.render_results_dossier"
    )
    assert set(renders.values_list("status", flat=True)) == {"SUCCESSFUL"}
    after_first = {language: _stored(consultation, language) for language in ("sl", "en")}
    assert all(after_first[lang]["pdf"] != before[lang]["pdf"] for lang in ("sl", "en"))

    # 2. A worker killed in the middle of a render: the previous files are still served...
    second_decision = _decide(browser, second)
    running = _wait(
        "a render to start",
        lambda: ResultsDossier.objects.filter(
            consultation=consultation, status=ResultsDossier.Status.RUNNING
        ).first(),
        seconds=RENDER_DEADLINE,
        logs=[worker],
    )
    language = running.language
    time.sleep(0.5)
    worker.process.send_signal(signal.SIGKILL)
    worker.process.wait(timeout=10)
    assert set(
        ResultsDossier.objects.filter(consultation=consultation, language=language).values_list(
            "status", flat=True
        )
    ) == {"running"}, "the render had finished before the worker was killed"
    assert renders.filter(status="RUNNING").count() == 1  # the queue will never finish it
    served = _csv(app_server, consultation, language)
    assert served.status == 200
    assert served.headers["ETag"] == f'"{after_first[language]["csv"]}"'
    assert SECOND_TEXT in served.text

    # ...the periodic `close_consultations` finds the lost render at once (its lease is free)
    # and queues it again; a new worker renders it.
    recovery = subprocess.run(
        [sys.executable, "manage.py", "close_consultations"],
        env=production, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert f"in {language} (lost)" in recovery.stdout, recovery.stdout + recovery.stderr
    started = time.monotonic()
    worker = start_worker()
    _wait(
        "the recovered dossier",
        lambda: all(
            SECOND_TEXT not in _csv(app_server, consultation, code).text for code in ("sl", "en")
        ),
        seconds=RENDER_DEADLINE,
        logs=[app_server, worker],
    )
    recovered = time.monotonic() - started
    assert set(
        ResultsDossier.objects.filter(consultation=consultation).values_list("status", flat=True)
    ) == {"ready"}

    print(
        f"\nworker test: one language's render in-process {one_render:.1f} s; "
        f"decisions answered in {first_decision * 1000:.0f} ms and "
        f"{second_decision * 1000:.0f} ms; new dossiers (both languages) served "
        f"{first_round:.1f} s after the first; recovered {recovered:.1f} s after the kill"
    )
    assert first_decision < 1.0
    assert second_decision < 1.0
