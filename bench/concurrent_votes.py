"""Many simultaneous vote POSTs of one signed-in citizen against the embedded default.

    .venv/bin/python bench/concurrent_votes.py [--requests 10] [--rounds 3] [--port 8766]

Does what `make run` does in a folder of its own (SQLite, demo content, runserver with the
development settings, on a port of its own), signs a verified citizen in through the login
form, then sends `--requests` vote POSTs at the same moment, `--rounds` times, each on its own
connection. Reports the answers, the errors in the server's log and the rows and tallies in
the database; exits 1 when any request failed or the data is not exact (one vote row, holding
one of the choices sent). Nothing of the project's own database is touched.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
CONSULTATION = "draft-guidelines-for-involving-ngos-in-e-government-services"
EMAIL, PASSWORD = "crowd@example.org", "correct horse battery staple"
CHOICES = ["agree", "disagree", "abstain"]


class Client:
    """Cookies and CSRF of one browser, over fresh HTTP connections."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, fields: dict | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode({**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, text
        finally:
            connection.close()


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 -- our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def free_port(wanted: int) -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", wanted))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10, help="simultaneous POSTs per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="inepa-crowd-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "inepa_portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_DEBUG": "false",  # a 500 is a 500, not a debug page
    }
    print(f"folder: {folder}")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "demo_content")
    manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from allauth.account.models import EmailAddress; from accounts.models import User; "
        f"u = User.objects.create_user({EMAIL!r}, {PASSWORD!r}, display_name='Crowd'); "
        "EmailAddress.objects.create(user=u, email=u.email, primary=True, verified=True)",
    )
    port = free_port(options.port)
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603 -- runserver as `make run` starts it
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        client = Client(port)
        for _ in range(60):
            try:
                if client.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        client.request("GET", "/en/accounts/login/")
        status, _text = client.request(
            "POST", "/en/accounts/login/", {"login": EMAIL, "password": PASSWORD}
        )
        if status != 302 or "sessionid" not in client.cookies:
            print(f"could not sign in (answer {status})", file=sys.stderr)
            return 1

        answers: Counter = Counter()
        sent: set[str] = set()
        for _round in range(options.rounds):
            barrier = threading.Barrier(options.requests)

            def post(n: int, barrier: threading.Barrier = barrier) -> None:
                choice = CHOICES[n % 3]
                sent.add(choice)
                barrier.wait()
                try:
                    status, _text = client.request(
                        "POST", f"/en/consultations/{CONSULTATION}/vote/", {"choice": choice}
                    )
                    answers[status] += 1
                except OSError as error:
                    answers[type(error).__name__] += 1

            threads = [threading.Thread(target=post, args=(n,)) for n in range(options.requests)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    server_log = (folder / "server.log").read_text()
    errors = Counter(re.findall(r"^(\w+(?:\.\w+)*(?:Error|Exception)): (.*)$", server_log, re.M))
    rows = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "import json; from consultations.models import Vote; "
        f"print(json.dumps(list(Vote.objects.filter(user__email={EMAIL!r}, section=None)"
        ".values_list('choice', flat=True))))",
    ).strip()
    total = options.requests * options.rounds
    print(f"requests: {total} ({options.rounds} rounds of {options.requests} at once)")
    tally = sorted(answers.items(), key=str)
    print("answers: " + ", ".join(f"{key}: {count}" for key, count in tally))
    for (kind, message), count in errors.most_common():
        print(f"server log: {count} x {kind}: {message}")
    print(f"this citizen's vote rows on the draft: {rows}")
    choices = json.loads(rows)
    exact = len(choices) == 1 and choices[0] in sent
    failed = total - answers[302]
    print(f"failed requests: {failed}; data exact: {exact}")
    if options.keep:
        print(f"kept: {folder}")
    else:
        shutil.rmtree(folder)
    return 0 if failed == 0 and exact and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
