"""Load-test the portal against a Fortunes baseline served by the same gunicorn.

    .venv/bin/python bench/run.py [--seconds 15] [--connections 4] [--profile KEY,...]
                                  [--sizes 500,5000,50000]

Builds a large data set in a PostgreSQL database of its own (created here, dropped at the end),
serves the portal with production settings under gunicorn (one sync worker pinned to CPU 0),
drives every page with wrk (pinned to CPU 1) for a fixed time, and reports each page's
throughput and p50/p95/p99 latency as ratios to the baseline. Writes bench/RESULTS.md.
"""

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
OUT = BENCH / "out"
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://inepa:inepa@127.0.0.1:5432/inepa_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"  # a Redis database of its own, flushed
SERVER_CPU, LOAD_CPU = "0", "1"
VOTERS, VIEWERS, COMMENTERS = 20, 100, 3000
CHOICES = ["agree", "disagree", "abstain"]


# --- small helpers ---------------------------------------------------------------------------


def say(message: str = "") -> None:
    print(message, flush=True)


def tool(name: str) -> str:
    path = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        hints = {
            "wrk": "apt-get install wrk",
            "taskset": "apt-get install util-linux",
            "py-spy": ".venv/bin/pip install py-spy",
        }
        sys.exit(f"bench: '{name}' not found ({hints.get(name, 'install it')}).")
    return path


def pinned(cpu: str) -> list[str]:
    """Prefix that pins a command to one CPU when the machine has more than one."""
    if (os.cpu_count() or 1) < 2 or shutil.which("taskset") is None:
        return []
    return [tool("taskset"), "-c", cpu]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lua_string(value: str) -> str:
    """A Lua string literal (ASCII only: every other byte escaped as \\ddd)."""
    out = []
    for byte in value.encode():
        char = chr(byte)
        out.append(f"\\{byte:03d}" if char in '"\\' or byte < 32 or byte > 126 else char)
    return '"' + "".join(out) + '"'


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, *, data: bytes | None = None, headers: dict | None = None):
    """(status, headers, body text) without following redirects."""
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310 -- loopback
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


# --- what is measured ------------------------------------------------------------------------


@dataclass
class Page:
    key: str
    label: str
    entries: list[dict]  # method, path, headers, body
    expect: int = 200
    marker: str = ""  # text the sanity check expects in a GET's body
    goal: float | None = None  # throughput ratio to reach, if the issue sets one
    offset: int = 0  # where the warm-up starts in `entries` (POSTs: away from the measured run)
    queries: str = ""  # database queries of one request: on an empty cache / once cached
    baseline: dict = field(default_factory=dict)  # the baseline runs just before and after
    result: dict = field(default_factory=dict)


def get_page(key: str, label: str, path: str, marker: str, goal=None, cookies=()) -> Page:
    entries = [{"method": "GET", "path": path, "headers": {}}]
    if cookies:
        entries = [
            {"method": "GET", "path": path, "headers": {"Cookie": cookie}} for cookie in cookies
        ]
    return Page(key, label, entries, marker=marker, goal=goal)


def write_requests(page: Page) -> Path:
    path = OUT / f"requests-{page.key}.lua"
    lines = ["return {"]
    for entry in page.entries:
        headers = ", ".join(
            f"[{lua_string(name)}] = {lua_string(value)}"
            for name, value in entry.get("headers", {}).items()
        )
        body = lua_string(entry["body"]) if entry.get("body") is not None else "nil"
        lines.append(
            f"  {{method = {lua_string(entry['method'])}, path = {lua_string(entry['path'])}, "
            f"headers = {{{headers}}}, body = {body}}},"
        )
    lines.append("}")
    path.write_text("\n".join(lines) + "\n")
    return path


def run_wrk(base_url: str, page: Page, *, seconds: float, connections: int, offset: int = 0):
    """One wrk run; returns the numbers its Lua `done` printed."""
    requests_file = write_requests(page)
    command = [
        *pinned(LOAD_CPU),
        tool("wrk"),
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(BENCH / "load.lua"),
        base_url,
    ]
    env = {
        **os.environ,
        "BENCH_REQUESTS": str(requests_file),
        "BENCH_EXPECT": str(page.expect),
        "BENCH_OFFSET": str(offset),
    }
    completed = subprocess.run(  # noqa: S603 -- our own command line
        command, env=env, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    for line in completed.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    sys.exit(f"bench: wrk failed for {page.key}:\n{completed.stdout}\n{completed.stderr}")


# --- the server ------------------------------------------------------------------------------


class Server:
    """gunicorn with one sync worker pinned to the server's CPU, on a free loopback port."""

    def __init__(self, env: dict, log_name: str):
        self.env = env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = OUT / log_name
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        self.log = self.log_path.open("w")
        command = [
            *pinned(SERVER_CPU),
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "inepa_portal.wsgi:application",
            "--workers=1",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{self.port}",
            f"--chdir={ROOT}",
            "--timeout=60",
            "--graceful-timeout=5",
        ]
        self.process = subprocess.Popen(  # noqa: S603 -- our own command line
            command, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"bench: gunicorn exited; see {self.log_path}")
            try:
                if fetch(self.url + "/healthz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        sys.exit(f"bench: gunicorn did not answer /healthz in 60 s; see {self.log_path}")

    def worker_pid(self) -> int:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return int(children.read_text().split()[0])

    def errors_logged(self) -> int:
        text = self.log_path.read_text(errors="replace")
        return text.count("Traceback (most recent call last)")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log.close()


# --- setting up ------------------------------------------------------------------------------


def configure(args) -> dict:
    """The environment of this process and of gunicorn: production settings for the bench."""
    OUT.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": args.database_url,
        "DATABASE_POOL": "true",
        "REDIS_URL": args.redis_url,
        "STATIC_ROOT": str(OUT / "static"),
        "MEDIA_ROOT": str(OUT / "media"),
        "SERVE_MEDIA": "false",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("BENCH_CACHE", None)
    os.environ.update(env)
    return env


def prepare(args):
    """Create and fill the database, collect static files, flush the bench's Redis database."""
    import django
    import redis

    from bench import dataset

    missing = [
        code
        for code in ("sl", "en")
        if not (ROOT / "inepa_portal" / "locale" / code / "LC_MESSAGES" / "django.mo").exists()
    ]
    if missing:
        sys.exit("bench: the translations are not compiled; run 'make setup' first.")
    redis.Redis.from_url(args.redis_url).flushdb()
    say(f"Database {dataset.database_name(args.database_url)}: created afresh")
    dataset.create_database(args.database_url)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    say(f"Data set {args.size} (fixed seed):")
    started = time.monotonic()
    data = dataset.build(dataset.SCALES[args.size], log=say)
    say(f"  built in {time.monotonic() - started:.0f} s")
    started = time.monotonic()
    call_command("rebuild_search_index", verbosity=0, stdout=sys.stdout)
    say(f"  search index built in {time.monotonic() - started:.0f} s")
    call_command("collectstatic", interactive=False, verbosity=0)
    return data


def prepare_dossier(data) -> bool:
    """Render the closed consultation's results files, when the portal has dossiers."""
    from django.urls import Resolver404, resolve
    from django.utils.translation import override

    try:
        with override("en"):  # i18n_patterns resolve the active language's prefix only
            resolve(f"/en/consultations/{data.closed_slug_en}/results.pdf")
        from consultations.results import tasks as results_tasks
    except (Resolver404, ImportError):
        return False
    started = time.monotonic()
    results_tasks.dossier_render(consultation_id=data.closed_id, language="en")
    say(
        f"Results dossier of the closed consultation rendered in {time.monotonic() - started:.0f} s"
    )
    return True


def sessions_for(user_ids: list[int]) -> list[str]:
    """Signed-in sessions, as Django's login() stores them, one per citizen."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from accounts.models import User

    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    users = User.objects.in_bulk(user_ids)
    keys = []
    for user_id in user_ids:
        store = store_class()
        store[SESSION_KEY] = str(user_id)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = users[user_id].get_session_auth_hash()
        store.create()
        keys.append(store.session_key)
    return keys


def bench_vote_choice(data, user_id: int, target) -> str:
    """The choice the benchmark posts for a citizen and target: always the same, and a change
    when the data set already holds a vote there."""
    before = data.votes.get((user_id, target))
    if before is None:
        return CHOICES[(user_id + (target or 0)) % 3]
    return CHOICES[(CHOICES.index(before) + 1) % 3]


def build_pages(data, base_url: str, dossier_available: bool) -> list[Page]:
    from django.conf import settings

    session_cookie, csrf_cookie = settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME
    _status, headers, body = fetch(base_url + "/en/")
    csrf_secret = re.search(rf"{csrf_cookie}=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    csrf_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)

    citizens = data.citizen_ids
    voters = citizens[:VOTERS]
    viewers = citizens[VOTERS : VOTERS + VIEWERS]
    commenters = citizens[VOTERS + VIEWERS : VOTERS + VIEWERS + COMMENTERS]
    say(f"Signed-in sessions for {len(voters) + len(viewers) + len(commenters)} citizens")
    everyone = voters + viewers + commenters
    keys = dict(zip(everyone, sessions_for(everyone), strict=True))

    def cookie(user_id: int) -> str:
        return f"{session_cookie}={keys[user_id]}; {csrf_cookie}={csrf_secret}"

    large = f"/en/consultations/{data.large_slug_en}/"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    votes = []
    for user_id in voters:
        for target in data.targets:
            fields = {"csrfmiddlewaretoken": csrf_token, "choice": ""}
            fields["choice"] = bench_vote_choice(data, user_id, target)
            if target is not None:
                fields["section"] = str(target)
            votes.append(
                {
                    "method": "POST",
                    "path": f"{large}vote/",
                    "headers": {**form, "Cookie": cookie(user_id)},
                    "body": urlencode(fields),
                    "pair": (user_id, target),
                }
            )
    comments = []
    for n, user_id in enumerate(commenters):
        target = data.targets[n % len(data.targets)]
        fields = {
            "csrfmiddlewaretoken": csrf_token,
            "body": (
                f"Benchmark comment {n}: the **proposal** needs a clearer timeline for "
                "municipalities, and the evidence should be published as open data.\n\n"
                "- who is responsible\n- by when\n- how progress is reported"
            ),
        }
        if target is not None:
            fields["section"] = str(target)
        comments.append(
            {
                "method": "POST",
                "path": f"{large}comments/",
                "headers": {**form, "Cookie": cookie(user_id)},
                "body": urlencode(fields),
            }
        )
    pages = [
        get_page("fortunes", "Fortunes baseline", "/bench/fortunes/", "Additional fortune"),
        get_page("home", "Home", "/en/", "Latest articles", goal=1.0),
        get_page("articles", "Article list", "/en/articles/", "Article on e-participation", 1.0),
        get_page(
            "article", "Article detail", f"/en/articles/{data.article_slug_en}/", "Simon", 1.0
        ),
        get_page(
            "consultations", "Consultation list", "/en/consultations/", "Draft regulation", 1.0
        ),
        get_page("large", "Large consultation (anonymous)", large, "Chapter 10", 1.0),
        get_page(
            "large_citizen",
            "Large consultation (signed-in citizen)",
            large,
            'name="choice"',
            cookies=[cookie(user_id) for user_id in viewers],
        ),
        # Two words that most of the comments contain: the search's worst case.
        get_page("search", "Search", "/en/search/?q=budgets+transparency", "results for"),
        Page("vote", "Vote POST", votes, expect=302, goal=0.3),
        Page("comment", "Comment POST", comments, expect=302, offset=len(comments) // 2),
    ]
    if dossier_available:
        pages.append(
            get_page(
                "dossier",
                "Results dossier (PDF download)",
                f"/en/consultations/{data.closed_slug_en}/results.pdf",
                "%PDF",
            )
        )
    return pages


def count_queries(page: Page) -> str:
    """Database queries of one request in-process: on an empty cache, then once cached."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    entry = page.entries[0]
    client = Client(HTTP_HOST="127.0.0.1")
    for part in entry["headers"].get("Cookie", "").split("; "):
        if part.startswith(settings.SESSION_COOKIE_NAME + "="):
            client.cookies[settings.SESSION_COOKIE_NAME] = part.split("=", 1)[1]
    cache.clear()
    counts = []
    for _attempt in range(2):
        with CaptureQueriesContext(connection) as queries:
            client.get(entry["path"])
        counts.append(len(queries))
    return f"{counts[0]} / {counts[1]}"


# --- checks ----------------------------------------------------------------------------------


def sanity_check(base_url: str, page: Page) -> None:
    entry = page.entries[0]
    status, headers, body = fetch(
        base_url + entry["path"],
        data=entry["body"].encode() if entry.get("body") else None,
        headers=entry["headers"],
    )
    problem = None
    if status != page.expect:
        problem = f"status {status}, expected {page.expect}"
    elif page.marker and page.marker not in body:
        problem = f"'{page.marker}' is not on the page"
    elif page.expect == 302 and "/accounts/login/" in headers.get("Location", ""):
        problem = "the session was not accepted (redirected to sign in)"
    if problem:
        sys.exit(f"bench: {page.label} ({entry['path']}): {problem}")


def page_tallies(html: str) -> dict:
    """{target anchor: (agree, disagree, abstain)} as the consultation page shows them."""
    tallies = {}
    for anchor, chunk in re.findall(
        r'<section class="discussion" id="([^"]+)"(.*?)</table>', html, flags=re.S
    ):
        tallies[anchor] = tuple(int(n) for n in re.findall(r"<td>(\d+)</td>", chunk)[:3])
    return tallies


def check_votes(data, base_url: str, page: Page) -> list[str]:
    """After the vote run: every vote where it should be, and the page shows exact tallies."""
    from consultations.models import Vote

    rows = {
        (user_id, section_id): choice
        for user_id, section_id, choice in Vote.objects.filter(
            consultation_id=data.large_id
        ).values_list("user_id", "section_id", "choice")
    }
    bench_pairs = {entry["pair"] for entry in page.entries}
    expected = dict(data.votes)
    reached = 0
    problems = []
    for user_id, target in bench_pairs:
        wanted = bench_vote_choice(data, user_id, target)
        if rows.get((user_id, target)) == wanted:
            reached += 1
            expected[(user_id, target)] = wanted
        elif rows.get((user_id, target)) != data.votes.get((user_id, target)):
            problems.append(f"vote of {user_id} on {target} is {rows.get((user_id, target))}")
    if rows != expected:
        differing = sum(
            1 for pair in set(rows) | set(expected) if rows.get(pair) != expected.get(pair)
        )
        problems.append(f"{differing} votes differ from the expected ones")
    measured_ok = page.result["requests"] - page.result["unexpected"]
    if measured_ok >= len(bench_pairs) + page.result.get("connections", 0) and reached != len(
        bench_pairs
    ):
        problems.append(f"only {reached} of {len(bench_pairs)} votes posted were recorded")
    counts: dict = defaultdict(Counter)
    for (_user_id, target), choice in rows.items():
        counts[target][choice] += 1
    _status, _headers, html = fetch(base_url + f"/en/consultations/{data.large_slug_en}/")
    shown = page_tallies(html)
    for target in data.targets:
        anchor = "draft" if target is None else f"section-{target}"
        in_database = tuple(counts[target][choice] for choice in CHOICES)
        if shown.get(anchor) != in_database:
            problems.append(f"{anchor}: page shows {shown.get(anchor)}, database {in_database}")
    page.result["votes_note"] = (
        f"{len(data.votes):,} votes before, {len(rows):,} after; {reached} of "
        f"{len(bench_pairs)} citizen-target pairs changed or cast by the run; page tallies "
        + ("equal the database and the expected counts" if not problems else "WRONG")
    )
    return problems


def check_comments(data, page: Page, before: int, runs: int, connections: int) -> list[str]:
    from consultations.models import Comment

    after = Comment.objects.filter(consultation_id=data.large_id).count()
    posted_ok = page.result["ok_total"]
    new = after - before
    page.result["comments_note"] = f"{new:,} comments recorded for {posted_ok:,} answered POSTs"
    # Requests still in flight when wrk stops may be recorded without being counted by wrk.
    if not posted_ok <= new <= posted_ok + runs * connections:
        return [f"{new} comments recorded for {posted_ok} successful POSTs"]
    return []


# --- profiling -------------------------------------------------------------------------------


def profile(server: Server, base_url: str, page: Page, args) -> str:
    """Sample the worker with py-spy during a run; the functions that take the time."""
    raw = OUT / f"profile-{page.key}.txt"
    spy = subprocess.Popen(  # noqa: S603 -- our own command line
        [
            *pinned(LOAD_CPU),
            tool("py-spy"),
            "record",
            "--pid",
            str(server.worker_pid()),
            "--rate",
            "250",
            "--idle",
            "--nonblocking",
            "--format",
            "raw",
            "--output",
            str(raw),
            "--duration",
            str(round(args.seconds)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    run_wrk(base_url, page, seconds=args.seconds, connections=args.connections)
    spy.wait(timeout=60)
    return summarise_profile(raw)


CATEGORIES = [  # (label, a frame that puts a sample there), the first match wins
    ("waiting for PostgreSQL", "psycopg/"),
    ("waiting for Redis", "redis/"),
    ("Markdown and sanitising", "inepa_portal/markup.py"),
    ("template rendering", "django/template/"),
    ("building SQL and model instances", "django/db/"),
    ("password hashing", "django/contrib/auth/hashers.py"),
]


PROJECT_PACKAGES = ("accounts/", "articles/", "consultations/", "inepa_portal/", "bench/")


def summarise_profile(raw: Path, top: int = 22) -> str:
    """Where a request's time goes: by kind of work, then per function of the portal's code
    (inclusive: a function counts once per sample it is on the stack of)."""
    inclusive: Counter = Counter()
    kinds: Counter = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _space, count = line.rpartition(" ")
        if not count.isdigit() or "handle_request" not in stack:
            continue  # other threads (the pool's), or the worker waiting for a connection
        frames = [_frame_name(frame) for frame in stack.split(";")]
        total += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
        kinds[
            next(
                (label for label, marker in CATEGORIES if any(marker in f for f in frames)),
                "other Python (middleware, views, the rest)",
            )
        ] += int(count)
    if not total:
        return "no samples"
    lines = [f"{total} samples of the request thread; where the time goes:"]
    lines += [f"  {100 * count / total:5.1f} %  {label}" for label, count in kinds.most_common()]
    lines.append("Functions of the portal (inclusive):")
    ours = [
        (name, count)
        for name, count in inclusive.most_common()
        if name.rpartition(" (")[2].startswith(PROJECT_PACKAGES)
    ]
    lines += [f"  {100 * count / total:5.1f} %  {name}" for name, count in ours[:top]]
    return "\n".join(lines)


def _frame_name(frame: str) -> str:
    """ "function (path:line)" as "function (path)", the path relative to the project."""
    match = re.match(r"(.*) \((.*?)(?::\d+)?\)$", frame.strip())
    if not match:
        return frame
    function, path = match.groups()
    path = path.replace(str(ROOT) + "/", "")
    if "/site-packages/" in path:
        path = "site-packages/" + path.split("/site-packages/")[1]
    return f"{function} ({path})"


# --- reporting -------------------------------------------------------------------------------


def machine(redis_url: str) -> dict:
    import django
    import gunicorn
    import redis
    from django.db import connection

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    wrk_version = subprocess.run(  # noqa: S603 -- our own command line
        [tool("wrk"), "--version"], capture_output=True, text=True, check=False
    ).stdout.split(" [")[0]
    commit = subprocess.run(  # noqa: S603 -- our own command line
        [tool("git"), "-C", str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": f"{memory_kb / 1024 / 1024:.0f} GiB",
        "system": f"{platform.system()} {platform.release()}",
        "software": (
            f"Python {platform.python_version()}, Django {django.get_version()}, "
            f"gunicorn {gunicorn.__version__}, PostgreSQL {postgres}, "
            f"Redis {redis.Redis.from_url(redis_url).info()['redis_version']}, {wrk_version}"
        ),
        "commit": commit,
    }


def ratio_table(pages: list[Page]) -> list[str]:
    def ms(us: float) -> str:
        return f"{us / 1000:.1f}"

    lines = [
        "| page | req/s | × baseline | p50 ms | × | p95 ms | × | p99 ms | × | errors | queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in pages:
        r = page.result
        if not r:
            lines.append(f"| {page.label} | not measured | | | | | | | | | |")
            continue
        baseline = page.baseline
        lines.append(
            f"| {page.label} | {r['rps']:.0f} | {r['rps'] / baseline['rps']:.2f} "
            f"| {ms(r['p50_us'])} | {r['p50_us'] / baseline['p50_us']:.1f} "
            f"| {ms(r['p95_us'])} | {r['p95_us'] / baseline['p95_us']:.1f} "
            f"| {ms(r['p99_us'])} | {r['p99_us'] / baseline['p99_us']:.1f} | {r['errors']} "
            f"| {page.queries} |"
        )
    return lines


def goals(pages: list[Page], problems: list[str]) -> list[str]:
    by_key = {page.key: page for page in pages}
    lines = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    anonymous = [by_key[key] for key in ("home", "articles", "article", "consultations", "large")]
    slow = [p.label for p in anonymous if p.result["rps"] < p.baseline["rps"]]
    lines.append(
        "- Anonymous article and consultation pages at least 1.0× the baseline's throughput: "
        + verdict(not slow)
        + (f" ({', '.join(slow)} below)" if slow else "")
    )
    uncached = by_key.get("large_uncached")
    if uncached:
        ratio = uncached.result["rps"] / uncached.baseline["rps"]
        lines.append(
            f"- Large consultation page, uncached, at least 0.3×: {verdict(ratio >= 0.3)} "
            f"({ratio:.2f}×)"
        )
    over = [
        f"{p.label} {p.result['p99_us'] / p.baseline['p99_us']:.1f}×"
        for p in pages
        if p.result and p.key != "fortunes" and p.result["p99_us"] >= 5 * p.baseline["p99_us"]
    ]
    lines.append(
        "- p99 under 5× the baseline's p99: "
        + verdict(not over)
        + (f" ({', '.join(over)})" if over else "")
    )
    for key, goal in (("large_citizen", 0.3), ("comment", 0.2)):
        page = by_key.get(key)
        if page and page.result:
            ratio = page.result["rps"] / page.baseline["rps"]
            lines.append(
                f"- {page.label} at least {goal}×: {verdict(ratio >= goal)} ({ratio:.2f}×)"
            )
    errors = sum(p.result.get("errors", 0) for p in pages if p.result)
    lines.append(f"- Zero errors: {verdict(errors == 0)} ({errors} in all)")
    vote = by_key["vote"]
    ratio = vote.result["rps"] / vote.baseline["rps"]
    exact = not [p for p in problems if "vote" in p or "section" in p or "draft" in p]
    lines.append(
        f"- Vote POSTs at least 0.3× the baseline: {verdict(ratio >= 0.3)} ({ratio:.2f}×); "
        f"tallies exact afterwards: {verdict(exact)}"
    )
    return lines


def summarise(result: dict, connections: int) -> dict:
    errors = (
        result["connect"] + result["read"] + result["write"] + result["timeout"]
        + result["unexpected"]
    )  # fmt: skip
    return {
        **result,
        "rps": result["requests"] / (result["duration_us"] / 1e6),
        "errors": errors,
        "connections": connections,
    }


# --- the run ---------------------------------------------------------------------------------


METRICS = ("rps", "p50_us", "p95_us", "p99_us")


def mean_of(results: list[dict]) -> dict:
    return {key: sum(result[key] for result in results) / len(results) for key in METRICS}


def measure_between_baselines(server: Server, pages: list[Page], baseline: Page, args, after):
    """Each page between two runs of the baseline; its ratios use the mean of those two, so
    that what else the machine does at that moment slows both alike. Returns the baseline
    runs."""
    runs = [measure(server, baseline, args)]
    for page in pages:
        measure(server, page, args)
        after(page)
        runs.append(measure(server, baseline, args, warmup=False))
        page.baseline = mean_of(runs[-2:])
    return runs


def measure(server: Server, page: Page, args, *, warmup: bool = True) -> dict:
    sanity_check(server.url, page)
    warm = {"requests": 0, "unexpected": 0}
    if warmup:
        warm = run_wrk(
            server.url,
            page,
            seconds=args.warmup,
            connections=args.connections,
            offset=page.offset,
        )
    result = summarise(
        run_wrk(server.url, page, seconds=args.seconds, connections=args.connections),
        args.connections,
    )
    # Requests wrk left in flight are still being answered: wait for the worker to be idle.
    time.sleep(0.5)
    fetch(server.url + "/healthz")
    result["ok_total"] = (
        1 + warm["requests"] - warm["unexpected"] + result["requests"] - result["unexpected"]
    )
    page.result = result
    say(
        f"  {page.label:<42} {result['rps']:7.0f} req/s  p50 {result['p50_us'] / 1000:6.1f} ms"
        f"  p95 {result['p95_us'] / 1000:6.1f} ms  p99 {result['p99_us'] / 1000:6.1f} ms"
        f"  errors {result['errors']}"
        + (f" ({result['unexpected_statuses'].strip()})" if result["unexpected"] else "")
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15, help="measured seconds per page")
    parser.add_argument("--warmup", type=float, default=2, help="warm-up seconds per page")
    parser.add_argument("--connections", type=int, default=4, help="wrk's open connections")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL))
    parser.add_argument("--keep-database", action="store_true", help="do not drop it at the end")
    parser.add_argument(
        "--profile", default="", help="comma-separated page keys to profile with py-spy afterwards"
    )
    parser.add_argument("--no-results-file", action="store_true", help="do not write RESULTS.md")
    parser.add_argument(
        "--sizes",
        default="5000",
        help="comma-separated data sets, by the large consultation's comments: 500, 5000, 50000",
    )
    args = parser.parse_args()
    from bench import dataset

    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    if unknown := [size for size in sizes if size not in dataset.SCALES]:
        sys.exit(
            f"bench: unknown data set {', '.join(unknown)}; "
            f"choose among {', '.join(dataset.SCALES)}"
        )
    tool("wrk")
    if args.profile:
        tool("py-spy")
    env = configure(args)
    reports = {}
    for size in sizes:
        args.size = size
        try:
            reports[size] = run(args, env)
        finally:
            if not args.keep_database or size != sizes[-1]:
                from django.db import connections

                connections.close_all()
                dataset.drop_database(args.database_url)
    write_report(args, reports)


def run(args, env: dict) -> dict:
    data = prepare(args)
    from consultations.models import Comment

    dossier_available = prepare_dossier(data)
    problems: list[str] = []
    profiles: dict[str, str] = {}
    say(
        f"gunicorn (1 sync worker, CPU {SERVER_CPU}) and wrk (1 thread, {args.connections} "
        f"connections, CPU {LOAD_CPU}): {args.warmup:g} s warm-up, {args.seconds:g} s per page"
    )
    with Server(env, "gunicorn.log") as server:
        pages = build_pages(data, server.url, dossier_available)
        from django.db import connections

        connections.close_all()
        fortunes, measured = pages[0], pages[1:]
        by_key = {page.key: page for page in pages}
        comments_before = Comment.objects.filter(consultation_id=data.large_id).count()
        for page in pages:
            if page.entries[0]["method"] == "GET":
                page.queries = count_queries(page)
        connections.close_all()

        def after(page: Page) -> None:
            if page.key == "vote":
                problems.extend(check_votes(data, server.url, page))
            if page.key == "comment":
                problems.extend(check_comments(data, page, comments_before, 2, args.connections))
            connections.close_all()

        baseline_runs = measure_between_baselines(server, measured, fortunes, args, after)
        for key in filter(None, args.profile.split(",")):
            if key in by_key and key != "large_uncached":
                say(f"Profiling {by_key[key].label}…")
                profiles[key] = profile(server, server.url, by_key[key], args)
        logged_errors = server.errors_logged()
    uncached = Page(
        "large_uncached", "Large consultation (anonymous, no cache)", by_key["large"].entries,
        marker="Chapter 10", goal=0.3, queries=by_key["large"].queries.split(" / ")[0],
    )  # fmt: skip
    with Server({**env, "BENCH_CACHE": "none"}, "gunicorn-uncached.log") as server:
        baseline_runs += measure_between_baselines(
            server, [uncached], fortunes, args, lambda page: None
        )
        if "large_uncached" in args.profile.split(","):
            say(f"Profiling {uncached.label}…")
            profiles["large_uncached"] = profile(server, server.url, uncached, args)
        logged_errors += server.errors_logged()
    if logged_errors:
        problems.append(f"{logged_errors} tracebacks in bench/out/gunicorn*.log")
    fortunes.result = {**baseline_runs[0], **mean_of(baseline_runs)}
    fortunes.result["errors"] = sum(run["errors"] for run in baseline_runs)
    fortunes.baseline = mean_of(baseline_runs)
    spread = (min(r["rps"] for r in baseline_runs), max(r["rps"] for r in baseline_runs))
    shown = [fortunes, *measured[:5], uncached, *measured[5:]]
    return report(args, data, shown, fortunes.baseline, spread, problems, profiles,
                  dossier_available)  # fmt: skip


def report(args, data, pages, baseline, spread, problems, profiles, dossier_available) -> dict:
    info = machine(args.redis_url)
    by_key = {page.key: page for page in pages}
    lines = [
        f"## Data set {int(args.size):,}: {data.comments:,} comments, {len(data.votes):,} votes",
        "",
        f"- Machine: {info['cpu']}, {info['memory']} memory, {info['system']}",
        f"- Software: {info['software']}",
        f"- Server: gunicorn, 1 sync worker pinned to CPU {SERVER_CPU}, production settings "
        "(DEBUG off, hashed static files), PostgreSQL with Django's connection pool, Redis "
        "cache; PostgreSQL and Redis themselves are not pinned.",
        f"- Load: wrk, 1 thread, {args.connections} connections, pinned to CPU {LOAD_CPU}; "
        f"{args.warmup:g} s warm-up, then {args.seconds:g} s per page.",
        f"- Data: {len(data.citizen_ids):,} citizens, 200 articles, 30 consultations; the large "
        f"one has 10 sections, {data.comments:,} comments (replies included), "
        f"{dataset_scale(args).supports:,} supports "
        f"and {len(data.votes):,} votes.",
        f"- Baseline (TechEmpower-style Fortunes), run before and after every page: mean "
        f"{baseline['rps']:.0f} req/s (runs from {spread[0]:.0f} to {spread[1]:.0f}), "
        f"p50 {baseline['p50_us'] / 1000:.1f} ms, p95 {baseline['p95_us'] / 1000:.1f} ms, "
        f"p99 {baseline['p99_us'] / 1000:.1f} ms.",
        "",
        "Ratios: a page's throughput ÷ the baseline's (higher is better) and latency ÷ the "
        "baseline's (lower is better), against the mean of the baseline runs just before and "
        "after that page. Errors: failed connections, time-outs and unexpected statuses. "
        "Queries: database queries of one request, made in-process on an empty cache / "
        "once cached.",
        "",
        *ratio_table(pages),
        "",
    ]
    if not dossier_available:
        lines += ["Results dossier: not measured, no view answers `…/results.pdf` yet.", ""]
    lines += ["### Goals", "", *goals(pages, problems), ""]
    notes = [by_key["vote"].result.get("votes_note"), by_key["comment"].result.get("comments_note")]
    lines += ["### Checks after the POST runs", "", *[f"- {n}" for n in notes if n]]
    lines += [f"- PROBLEM: {p}" for p in problems]
    lines.append("")
    for key, text in profiles.items():
        lines += [f"### Profile: {by_key[key].label}", "", "```", text, "```", ""]
    return {"lines": lines, "problems": problems, "pages": by_key, "info": info}


def dataset_scale(args):
    from bench import dataset

    return dataset.SCALES[args.size]


def growth(reports: dict) -> list[str]:
    """The signed-in large page's cost at the largest data set against the smallest."""
    sizes = sorted(reports, key=int)
    if len(sizes) < 2:
        return []
    rows = [
        "| page | " + " | ".join(f"{int(size):,} × baseline" for size in sizes) + " |",
        "| --- |" + " ---: |" * len(sizes),
    ]
    for key, page in reports[sizes[0]]["pages"].items():
        if key == "fortunes":
            continue
        cells = []
        for size in sizes:
            measured = reports[size]["pages"].get(key)
            ok = measured is not None and measured.result
            cells.append(f"{measured.result['rps'] / measured.baseline['rps']:.2f}" if ok else "")
        rows.append(f"| {page.label} | " + " | ".join(cells) + " |")
    small = reports[sizes[0]]["pages"]["large_citizen"]
    large = reports[sizes[-1]]["pages"]["large_citizen"]
    goal = (
        f"- Signed-in large page at {int(sizes[-1]):,} comments within 1.5× of its time at "
        f"{int(sizes[0]):,} (time per request ÷ the baseline's): "
    )
    if not (small.result.get("rps") and large.result.get("rps")):
        goal += "**missed** (no request answered within a run)"
    else:
        # Time per request as a share of the baseline's, so that the runs' noise cancels out.
        cost = {
            size: page.baseline["rps"] / page.result["rps"] for size, page in
            ((sizes[0], small), (sizes[-1], large))
        }  # fmt: skip
        growth_ratio = cost[sizes[-1]] / cost[sizes[0]]
        goal += f"{'met' if growth_ratio <= 1.5 else '**missed**'} ({growth_ratio:.2f}×)"
    return ["## Ratios by data set", "", *rows, "", goal, ""]


def write_report(args, reports: dict) -> None:
    info = next(iter(reports.values()))["info"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {info['date']} with `.venv/bin/python bench/run.py --seconds {args.seconds:g} "
        f"--sizes {args.sizes}` on commit `{info['commit']}`.",
        "",
        *growth(reports),
    ]
    for report_ in reports.values():
        lines += report_["lines"]
    text = "\n".join(lines)
    say()
    say(text)
    if not args.no_results_file:
        (BENCH / "RESULTS.md").write_text(text)
        say(f"Written to {BENCH / 'RESULTS.md'}")
    if any(report_["problems"] for report_ in reports.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
