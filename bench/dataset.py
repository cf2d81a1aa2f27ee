"""The benchmark's data: a database of its own, filled at the scale of a busy national portal.

5,000 verified citizens, 200 articles, 30 consultations, the large one with 10 sections,
5,000 comments (a third of them replies) with supports, and 50,000 votes. Content that staff
write goes through the project's services (Markdown rendered and sanitised, slugs made);
citizens' comments are rendered with the same function the comment service uses, and the rows
the public produces in bulk (accounts, comments, supports, votes) are bulk-inserted.
Everything is made from a fixed seed, so two runs measure the same data.
"""

import os
import random
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

# TechEmpower's twelve fortunes; the models below are imported inside functions, after
# django.setup().
FORTUNES = [
    (1, "fortune: No such file or directory"),
    (2, "A computer scientist is someone who fixes things that aren't broken."),
    (3, "After enough decimal places, nobody gives a damn."),
    (4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
    (5, "A computer program does what you tell it to do, not what you want it to do."),
    (6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"),
    (7, "Any program that runs right is obsolete."),
    (8, "A list is only as strong as its weakest link. — Donald Knuth"),
    (9, "Feature: A bug with seniority."),
    (10, "Computers make very fast, very accurate mistakes."),
    (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
    (12, "フレームワークのベンチマーク"),
]

WORDS = [
    "participation", "citizens", "draft", "policy", "open", "data", "municipality",
    "transparency", "e-government", "consultation", "section", "proposal", "ministry",
    "evidence", "public", "budget", "local", "council", "access", "accountability", "digital",
    "services", "NGO", "civil", "society", "feedback", "implementation", "review", "guidelines",
    "principle", "measure", "timeline", "responsibility", "report", "evaluation",
]  # fmt: skip


CHOICES = ["agree", "disagree", "abstain"]


@dataclass
class Scale:
    citizens: int = 5000
    articles: int = 200
    consultations: int = 30
    sections: int = 10  # of the large consultation
    comments: int = 5000  # on the large consultation, replies included
    replies_share: float = 0.3
    supports: int = 10000
    votes: int = 50000  # on the large consultation, the draft and its sections
    article_covers: int = 50


# The data sets `bench/run.py --sizes` chooses among, named by the large consultation's
# comments: the page of a citizen should cost the same at each (issue #12). Votes need citizens
# enough to cast them once per target (11 targets).
SCALES = {
    "500": Scale(comments=500, supports=1000, votes=5000),
    "5000": Scale(),
    "50000": Scale(citizens=50000, comments=50000, supports=100000, votes=500000),
}


@dataclass
class Dataset:
    """What the harness needs to know about the data it built."""

    citizen_ids: list[int]
    large_slug_en: str
    large_id: int
    targets: list[int | None]  # None is the draft as a whole, then the section ids
    article_slug_en: str
    votes: dict[tuple[int, int | None], str] = field(repr=False)  # (user id, target): choice
    comments: int = 0
    closed_slug_en: str = ""  # a closed consultation, whose results dossier is downloaded
    closed_id: int = 0


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _admin_connection(url: str) -> psycopg.Connection:
    """A connection to the server's maintenance database, to create and drop ours."""
    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    )


def create_database(url: str) -> None:
    """Drop the benchmark database if a previous run left it, then create it empty."""
    name = database_name(url)
    with _admin_connection(url) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(url: str) -> None:
    with _admin_connection(url) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(database_name(url))
            )
        )


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, count: int, words: tuple[int, int] = (30, 70)) -> str:
    return "\n\n".join(
        " ".join(_sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(*words) // 10))
        for _ in range(count)
    )


def _comment_markdown(rng: random.Random) -> str:
    """A citizen's comment: one to three paragraphs, now and then a list, emphasis or a link."""
    text = _paragraphs(rng, rng.randint(1, 3), (10, 60))
    extra = rng.random()
    if extra < 0.15:
        text += "\n\n" + "\n".join(f"- {_sentence(rng, 6)}" for _ in range(3))
    elif extra < 0.3:
        text = text.replace(" policy ", " **policy** ", 1)
    elif extra < 0.35:
        text += "\n\nSee https://www.gov.si/ for the current rules."
    return text


def _fortunes(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_fortune (id integer PRIMARY KEY, message varchar(2048) NOT NULL)"
        )
        cursor.executemany("INSERT INTO bench_fortune (id, message) VALUES (%s, %s)", FORTUNES)


def _citizens(scale: Scale) -> list[int]:
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from accounts.models import User

    # One hash for all: hashing 5,000 passwords would take minutes and measure nothing.
    password = make_password("bench-citizen-password")
    users = User.objects.bulk_create(
        User(
            email=f"citizen{n}@bench.example.org",
            display_name=f"Citizen {n}",
            password=password,
            is_active=True,
        )
        for n in range(scale.citizens)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    User.objects.create_superuser(
        "staff@bench.example.org", "bench-staff-password", display_name="Bench staff"
    )
    return [user.pk for user in users]


def _articles(scale: Scale, rng: random.Random, now) -> str:
    from django.core.files.storage import default_storage
    from PIL import Image

    from articles import services
    from articles.models import Article, ArticleImage

    newest = None
    for n in range(scale.articles):
        article = services.article_save(
            article=Article(
                title_sl=f"Članek o e-participaciji številka {n}",
                title_en=f"Article on e-participation number {n}",
                lead_sl=_sentence(rng, 20),
                lead_en=_sentence(rng, 20),
                body_sl=_paragraphs(rng, 6),
                body_en=_paragraphs(rng, 6),
                author_name="Simon Delakorda",
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(days=scale.articles - n),
            ),
            now=now,
        )
        newest = article
    # A cover image on the newest articles (the home page and the first list pages show them).
    cover = "bench/cover.png"
    if not default_storage.exists(cover):
        path = default_storage.path(cover)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        Image.new("RGB", (1200, 630), "steelblue").save(path)
    ArticleImage.objects.bulk_create(
        ArticleImage(
            article=article,
            image=cover,
            width=1200,
            height=630,
            alt_sl="Modra pasica",
            alt_en="A blue banner",
        )
        for article in Article.objects.order_by("-published_at")[: scale.article_covers]
    )
    return newest.slug_en


def _consultations(scale: Scale, rng: random.Random, now):
    """The large open consultation with its sections, and the others: open, upcoming, closed."""
    from consultations import services
    from consultations.models import Consultation, Section

    large = services.consultation_save(
        consultation=Consultation(
            title_sl="Osnutek strategije digitalne participacije",
            title_en="Draft strategy for digital participation",
            summary_sl=_sentence(rng, 30),
            summary_en=_sentence(rng, 30),
            opens_at=now - timedelta(days=5),
            closes_at=now + timedelta(days=25),
            is_published=True,
        )
    )
    for position in range(1, scale.sections + 1):
        services.section_save(
            section=Section(
                consultation=large,
                position=position,
                heading_sl=f"Poglavje {position}",
                heading_en=f"Chapter {position}",
                body_sl=_paragraphs(rng, 3),
                body_en=_paragraphs(rng, 3),
            )
        )
    for n in range(scale.consultations - 1):
        kind = n % 3  # open, upcoming, closed
        opens_at = {
            0: now - timedelta(days=3 + n),
            1: now + timedelta(days=3 + n),
            2: now - timedelta(days=60 + n),
        }[kind]
        consultation = services.consultation_save(
            consultation=Consultation(
                title_sl=f"Osnutek predpisa številka {n}",
                title_en=f"Draft regulation number {n}",
                summary_sl=_sentence(rng, 25),
                summary_en=_sentence(rng, 25),
                opens_at=opens_at,
                closes_at=opens_at + timedelta(days=30),
                is_published=True,
            )
        )
        for position in range(1, 4):
            services.section_save(
                section=Section(
                    consultation=consultation,
                    position=position,
                    heading_sl=f"Člen {position}",
                    heading_en=f"Article {position}",
                    body_sl=_paragraphs(rng, 1),
                    body_en=_paragraphs(rng, 1),
                )
            )
    closed = Consultation.objects.filter(closes_at__lt=now).order_by("-closes_at").first()
    targets = [None, *large.sections.order_by("position").values_list("pk", flat=True)]
    return large, targets, closed


def _comments(scale: Scale, rng: random.Random, now, large, targets, citizens) -> int:
    from consultations.models import Comment, CommentSupport, ModerationReason
    from inepa_portal.markup import render_markdown

    def status() -> tuple[str, str]:
        roll = rng.random()
        if roll < 0.02:
            return Comment.Status.HIDDEN, ModerationReason.OFF_TOPIC
        if roll < 0.03:
            return Comment.Status.REMOVED, ""
        return Comment.Status.PUBLISHED, ""

    def comment(section_id, parent_id, created_at) -> Comment:
        state, reason = status()
        body = "" if state == Comment.Status.REMOVED else _comment_markdown(rng)
        return Comment(
            consultation=large,
            section_id=section_id,
            parent_id=parent_id,
            author_id=rng.choice(citizens),
            body=body,
            body_html=render_markdown(body),
            language=rng.choice(["sl", "sl", "en"]),
            status=state,
            moderation_reason=reason,
            created_at=created_at,
            removed_at=created_at if state == Comment.Status.REMOVED else None,
        )

    start = large.opens_at
    span = (now - start).total_seconds()
    top_count = round(scale.comments * (1 - scale.replies_share))
    moments = sorted(start + timedelta(seconds=rng.uniform(0, span)) for _ in range(top_count))
    top = Comment.objects.bulk_create(
        comment(rng.choice(targets), None, moment) for moment in moments
    )
    parents = [c for c in top if c.status == Comment.Status.PUBLISHED]
    replies = []
    for _ in range(scale.comments - top_count):
        parent = rng.choice(parents)
        moment = parent.created_at + timedelta(seconds=rng.uniform(60, 86400))
        replies.append(comment(parent.section_id, parent.pk, min(moment, now)))
    replies = Comment.objects.bulk_create(replies)

    published = [c for c in [*top, *replies] if c.status == Comment.Status.PUBLISHED]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < scale.supports:
        target = rng.choice(published)
        user_id = rng.choice(citizens)
        if user_id != target.author_id:
            pairs.add((target.pk, user_id))
    CommentSupport.objects.bulk_create(
        (CommentSupport(comment_id=c, user_id=u) for c, u in sorted(pairs)), batch_size=5000
    )
    return len(top) + len(replies)


def _closed_participation(rng: random.Random, closed, citizens) -> None:
    """A closed consultation with comments and votes: the one whose results are downloaded."""
    from consultations.models import Comment, Vote
    from inepa_portal.markup import render_markdown

    targets = [None, *closed.sections.values_list("pk", flat=True)]
    span = (closed.closes_at - closed.opens_at).total_seconds()
    bodies = [_comment_markdown(rng) for _ in range(200)]
    Comment.objects.bulk_create(
        Comment(
            consultation=closed,
            section_id=rng.choice(targets),
            author_id=rng.choice(citizens),
            body=body,
            body_html=render_markdown(body),
            language="en",
            created_at=closed.opens_at + timedelta(seconds=rng.uniform(0, span)),
        )
        for body in bodies
    )
    voters = rng.sample(citizens, 500)
    Vote.objects.bulk_create(
        Vote(consultation=closed, section_id=target, user_id=user_id, choice=rng.choice(CHOICES))
        for user_id in voters
        for target in targets
    )


def _votes(scale: Scale, rng: random.Random, large, targets, citizens) -> dict:
    from consultations.models import Vote

    every_pair = [(user_id, target) for user_id in citizens for target in targets]
    chosen = rng.sample(every_pair, min(scale.votes, len(every_pair)))
    weights = {"agree": 5, "disagree": 3, "abstain": 1}
    votes = {pair: rng.choices(list(weights), weights=list(weights.values()))[0] for pair in chosen}
    Vote.objects.bulk_create(
        (
            Vote(consultation=large, section_id=target, user_id=user_id, choice=choice)
            for (user_id, target), choice in votes.items()
        ),
        batch_size=5000,
    )
    return votes


def build(scale: Scale | None = None, *, seed: int = 7, log=print) -> Dataset:
    """Fill the (migrated, empty) default database; returns what the harness needs."""
    from django.db import connection, transaction
    from django.utils import timezone

    scale = scale or Scale()
    rng = random.Random(seed)  # noqa: S311 -- repeatable test data, not secrets
    now = timezone.now()
    with transaction.atomic():
        _fortunes(connection)
        log(f"  {scale.citizens} citizens")
        citizens = _citizens(scale)
        log(f"  {scale.articles} articles")
        article_slug = _articles(scale, rng, now)
        log(f"  {scale.consultations} consultations")
        large, targets, closed = _consultations(scale, rng, now)
        log(f"  {scale.comments} comments with replies, {scale.supports} supports")
        comments = _comments(scale, rng, now, large, targets, citizens)
        log(f"  {scale.votes} votes")
        votes = _votes(scale, rng, large, targets, citizens)
        log("  a closed consultation with 200 comments and 2,000 votes (its results)")
        _closed_participation(rng, closed, citizens)
        # Bulk-inserted rows bypass the services that keep the counters: count them once.
        from consultations import counters

        counters.recount(fix=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would have, after the bulk load
    return Dataset(
        citizen_ids=citizens,
        large_slug_en=large.slug_en,
        large_id=large.pk,
        targets=targets,
        article_slug_en=article_slug,
        votes=votes,
        comments=comments,
        closed_slug_en=closed.slug_en,
        closed_id=closed.pk,
    )
