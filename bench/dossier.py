"""Benchmark the results dossier of a large consultation against WeasyPrint's plain baseline.

    .venv/bin/python bench/dossier.py [--comments 5000] [--sections 10] [--repeat 1]

Builds a closed consultation with 10 sections and 5,000 published comments (a third of them
replies), plus hidden ones, supports, votes and official responses, in a throwaway SQLite
database (or, with DATABASE_URL=postgres://…, in a PostgreSQL database of its own, created here
and dropped at the end). Then, each in a fresh subprocess so that peak memory is its own:

- "dossier": `results_tasks.dossier_render()` as the worker runs it: the data, the PDF (tagged
  PDF/UA-1, fonts embedded), CSV, JSON, stored;
- "baseline": WeasyPrint rendering a plain HTML file with the same text (title, headings,
  every comment's byline, text and responses), default stylesheet, no tagging.

Reports wall time and peak RSS of each, their ratio, and the queries one download of the
stored dossier costs. Prints a table and writes bench/RESULTS-dossier.md.
"""

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "občina",
    "podatki",
    "odprti",
    "šola",
    "čakalna",
    "doba",
    "žito",
    "čebelar",
    "ćevap",
    "đak",
    "promet",
    "proračun",
    "državljan",
    "predlog",
    "smernica",
    "licenca",
    "format",
    "javnost",
    "sodelovanje",
    "posvetovanje",
    "dostopnost",
    "open",
    "data",
    "municipality",
    "citizen",
    "draft",
    "licence",
    "format",
    "transparency",
    "budget",
    "timetable",
    "register",
    "schools",
    "waiting",
    "times",
    "accessibility",
]


def _setup_django(database_url: str, media_root: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "inepa_portal.settings.test"
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = media_root
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _text(rng: random.Random, words: int) -> str:
    sentence = " ".join(rng.choice(WORDS) for _ in range(words))
    text = sentence[0].upper() + sentence[1:] + "."
    if rng.random() < 0.2:
        text += f"\n\n- **{rng.choice(WORDS)}** {rng.choice(WORDS)}\n- {rng.choice(WORDS)}"
    return text


def build(*, comments: int, sections: int, seed: int = 5) -> int:
    """Create the data set; return the consultation's id."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
    from django.utils import timezone

    from accounts.models import User
    from consultations import services
    from consultations.models import (
        Comment,
        CommentSupport,
        Consultation,
        ModerationReason,
        Section,
        Vote,
    )
    from consultations.moderation.models import OfficialResponse
    from inepa_portal.markup import render_markdown

    rng = random.Random(seed)  # noqa: S311 -- a reproducible data set, not a secret
    now = timezone.now()
    opens_at = now - timedelta(days=40)
    consultation = services.consultation_save(
        consultation=Consultation(
            title_sl="Osnutek strategije odprtih podatkov občin (primerjalni preizkus)",
            title_en="Draft municipal open data strategy (benchmark)",
            summary_sl=_text(rng, 60),
            summary_en=_text(rng, 60),
            outcome_sl=_text(rng, 120),
            outcome_en=_text(rng, 120),
            opens_at=opens_at,
            closes_at=now - timedelta(days=1),
            is_published=True,
        )
    )
    targets = [None] + [
        services.section_save(
            section=Section(
                consultation=consultation,
                position=position,
                heading_sl=f"Poglavje {position}: {rng.choice(WORDS)} in {rng.choice(WORDS)}",
                heading_en=f"Chapter {position}: {rng.choice(WORDS)} and {rng.choice(WORDS)}",
                body_sl=_text(rng, 80),
                body_en=_text(rng, 80),
            )
        )
        for position in range(1, sections + 1)
    ]
    people = User.objects.bulk_create(
        User(
            email=f"citizen{n}@bench.example",
            display_name=f"Državljan {n} Čšž",
            password=UNUSABLE_PASSWORD_PREFIX,
        )
        for n in range(1500)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=person, email=person.email, verified=True, primary=True)
        for person in people
    )

    def comment(*, target, parent=None, status=Comment.Status.PUBLISHED, minute: int) -> Comment:
        body = _text(rng, rng.randint(15 if parent else 25, 90 if parent else 130))
        return Comment(
            consultation=consultation,
            section=target,
            parent=parent,
            author=rng.choice(people) if rng.random() > 0.03 else None,
            body=body,
            body_html=render_markdown(body),
            language=rng.choice(["sl", "sl", "en"]),
            status=status,
            created_at=opens_at + timedelta(minutes=minute),
            moderation_reason=ModerationReason.SPAM if status != Comment.Status.PUBLISHED else "",
        )

    replies = comments // 3
    top = Comment.objects.bulk_create(
        comment(target=targets[n % len(targets)], minute=n) for n in range(comments - replies)
    )
    Comment.objects.bulk_create(
        comment(target=parent.section, parent=parent, minute=len(top) + n)
        for n, parent in enumerate(rng.choices(top, k=replies))
    )
    Comment.objects.bulk_create(  # hidden and rejected ones, which the dossier must leave out
        comment(target=rng.choice(targets), status=status, minute=n)
        for n, status in enumerate([Comment.Status.HIDDEN] * 40 + [Comment.Status.REJECTED] * 20)
    )
    published = list(Comment.objects.filter(consultation=consultation, status="published"))
    CommentSupport.objects.bulk_create(
        (
            CommentSupport(comment=item, user=person)
            for item in rng.sample(published, k=len(published) // 2)
            for person in rng.sample(people, k=rng.randint(1, 4))
            if person.pk != item.author_id
        ),
        ignore_conflicts=True,
    )
    Vote.objects.bulk_create(
        Vote(
            consultation=consultation,
            section=target,
            user=person,
            choice=rng.choice(["agree", "agree", "disagree", "abstain"]),
        )
        for target in targets
        for person in rng.sample(people, k=900)
    )
    OfficialResponse.objects.bulk_create(
        OfficialResponse(
            consultation=consultation,
            comment=item,
            body_sl=(text := _text(rng, 50)),
            body_en=text,
            body_html_sl=render_markdown(text),
            body_html_en=render_markdown(text),
        )
        for item in rng.sample(top, k=60)
    )
    return consultation.pk


def plain_html(consultation_id: int, language: str) -> str:
    """The dossier's text as plain HTML: no stylesheet, no charts, no tables."""
    from consultations.models import Consultation
    from consultations.results import exports

    data = exports.results_data(Consultation.objects.get(pk=consultation_id), language)
    parts = [
        f"<!doctype html><html lang='{language}'><meta charset='utf-8'>",
        f"<title>{escape(data['consultation']['title'])}</title>",
        f"<h1>{escape(data['consultation']['title'])}</h1>",
        f"<p>{escape(data['consultation']['summary'])}</p>",
        data["consultation"]["outcome_html"],
    ]
    for section in data["sections"]:
        parts.append(f"<h2>{escape(section['heading'])}</h2>")
        tally = section["tally"]
        parts.append(
            f"<p>agree {tally['agree']} ({tally['agree_percent']} %), disagree "
            f"{tally['disagree']} ({tally['disagree_percent']} %), abstain {tally['abstain']} "
            f"({tally['abstain_percent']} %)</p>"
        )
        for item in section["comments"]:
            author = escape(item["author"] or "deleted user")
            parts.append(
                f"<p>{author} · {item['written_at']:%Y-%m-%d %H:%M} · {item['supports']} "
                f"supporters</p>{item['html']}"
            )
            parts.extend(response["html"] for response in item["official_responses"])
    return "\n".join(parts)


# Subprocess entry points ----------------------------------------------------------------------


def run_dossier(consultation_id: int, language: str) -> dict:
    from consultations.results import tasks as results_tasks
    from consultations.results.models import ResultsDossier

    started, cpu = time.perf_counter(), _cpu_seconds()
    results_tasks.dossier_render(consultation_id=consultation_id, language=language)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    pdf = ResultsDossier.objects.get(consultation_id=consultation_id, language=language, kind="pdf")
    from pypdf import PdfReader

    with pdf.file.open("rb") as stored:
        pages = len(PdfReader(stored).pages)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_mb": _peak_rss_mb(),
        "bytes": pdf.size,
        "pages": pages,
    }


def run_baseline(html_path: str) -> dict:
    from weasyprint import HTML

    started, cpu = time.perf_counter(), _cpu_seconds()
    pdf = HTML(filename=html_path).write_pdf()
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_mb": _peak_rss_mb(),
        "bytes": len(pdf),
    }


def serving_queries(consultation_id: int, language: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from consultations.models import Consultation

    consultation = Consultation.objects.get(pk=consultation_id)
    url = f"/{language}/consultations/{getattr(consultation, f'slug_{language}')}/results.pdf"
    with CaptureQueriesContext(connection) as context:
        response = Client().get(url)
        b"".join(response.streaming_content)
    if response.status_code != 200:
        raise SystemExit(f"The stored dossier was not served: {response.status_code}")
    return len(context.captured_queries)


# Driver ---------------------------------------------------------------------------------------


def _child(env: dict, *args: str) -> dict:
    output = subprocess.run(  # noqa: S603 -- this very script, with our own arguments
        [sys.executable, __file__, "--child", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _postgres_database(url: str) -> tuple[str, callable]:
    """A database of our own on the server of `url`, and a function that drops it."""
    import psycopg

    parts = urlsplit(url)
    name = f"inepa_bench_dossier_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=5000)
    parser.add_argument("--sections", type=int, default=10)
    parser.add_argument("--language", default="sl")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        kind, *args = options.child
        _setup_django(os.environ["DATABASE_URL"], os.environ["MEDIA_ROOT"])
        result = run_dossier(int(args[0]), args[1]) if kind == "dossier" else run_baseline(args[0])
        print(json.dumps(result))
        return

    work = Path(tempfile.mkdtemp(prefix="inepa-bench-dossier-"))
    drop = None
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        database_url, drop = _postgres_database(url)
        engine = "PostgreSQL"
    else:
        database_url, engine = f"sqlite:///{work / 'bench.sqlite3'}", "SQLite"
    try:
        _setup_django(database_url, str(work / "media"))
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        consultation_id = build(comments=options.comments, sections=options.sections)
        build_seconds = time.perf_counter() - started
        html_path = work / "plain.html"
        html_path.write_text(plain_html(consultation_id, options.language), encoding="utf-8")
        env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(work / "media")}
        runs = []
        load_before = os.getloadavg()[0]
        for _number in range(options.repeat):
            dossier = _child(env, "dossier", str(consultation_id), options.language)
            baseline = _child(env, "baseline", str(html_path))
            runs.append((dossier, baseline))
        queries = serving_queries(consultation_id, options.language)
        load = (load_before, os.getloadavg()[0])
    finally:
        from django.db import connections

        connections.close_all()
        if drop:
            drop()
    report(options, engine, build_seconds, runs, queries, html_path.stat().st_size, load)


def report(options, engine, build_seconds, runs, queries: int, html_bytes: int, load) -> None:
    best_dossier = min((dossier for dossier, _baseline in runs), key=lambda run: run["seconds"])
    best_baseline = min((baseline for _dossier, baseline in runs), key=lambda run: run["seconds"])
    ratio = best_dossier["seconds"] / best_baseline["seconds"]
    cpu_ratio = best_dossier["cpu_seconds"] / best_baseline["cpu_seconds"]
    memory_ratio = best_dossier["peak_rss_mb"] / best_baseline["peak_rss_mb"]
    rows = [
        ("our dossier (data, PDF/UA, CSV, JSON, stored)", best_dossier),
        ("baseline: WeasyPrint, plain HTML, same text", best_baseline),
    ]
    table = [
        "| render | wall time (s) | CPU time (s) | peak RSS (MB) | PDF size (KB) |",
        "| --- | ---: | ---: | ---: | ---: |",
        *(
            f"| {name} | {run['seconds']:.1f} | {run['cpu_seconds']:.1f} | "
            f"{run['peak_rss_mb']:.0f} | {run['bytes'] / 1024:.0f} |"
            for name, run in rows
        ),
        f"| ratio dossier / baseline | {ratio:.2f}× | {cpu_ratio:.2f}× | {memory_ratio:.2f}× | |",
    ]
    cpu = platform.processor() or platform.machine()
    lines = [
        "# Results dossier benchmark",
        "",
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}, {engine}, with `.venv/bin/python bench/dossier.py "
        f"--comments {options.comments} --sections {options.sections} --repeat "
        f"{options.repeat}` (best of {options.repeat}).",
        "",
        f"Data set: a closed consultation, {options.sections} sections and the draft as a whole, "
        f"{options.comments} published comments ({options.comments // 3} of them replies), "
        "60 hidden or rejected ones, supports, 9,900 votes, 60 official responses "
        f"(built in {build_seconds:.0f} s). The dossier has {best_dossier['pages']} pages "
        f"in {options.language}; the baseline's HTML file is {html_bytes / 1024:.0f} KB.",
        "",
        *table,
        "",
        f"Goal: under 60 s, under 1 GB, within 1.5× of the baseline; serving a stored dossier "
        f"takes at most 3 queries. Serving it took **{queries} queries**.",
        "",
        "Each render runs in a subprocess of its own, so its peak RSS includes Python, Django "
        "and WeasyPrint (the baseline imports no Django). A render uses one core: its CPU time "
        "is what its wall time would be on an idle machine; the wall time grows with whatever "
        f"else runs (load average {load[0]:.1f} before the renders, {load[1]:.1f} after).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    (ROOT / "bench" / "RESULTS-dossier.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
