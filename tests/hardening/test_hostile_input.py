"""Every hostile string of the corpus through every text input a person can fill, each string
its own case, named for where it comes from (`pytest -k blns-0042`, corpus.named).

Each value is either refused with a translated error that keeps the typed text, or stored as
typed (less surrounding whitespace) and shown inert in every output: the pages, the Atom
feeds, and the CSV, JSON and PDF results. Never a server error.

The strings of one input are posted together, once, packed into as few posts as its length
allows (submit.values_for), and the pages, feeds and files are made once for all of them (the
`verdict` fixture); submit.blame gives each string the problems that concern it.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client

from accounts.models import User
from accounts.names import display_name_clean, display_name_key, display_name_normalise
from articles.models import Article
from consultations import services
from consultations.models import Comment, Consultation, ModerationReason
from consultations.moderation import services as moderation
from consultations.moderation.models import Appeal, Flag
from consultations.results import exports
from inepa_portal.feeds import xml_text
from inepa_portal.translation import translated
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import ArticleFactory, CitizenFactory, StaffFactory

from . import corpus
from .inert import (
    collapse,
    csv_rows,
    csv_unguard,
    feed_entries,
    feed_problems,
    formula_cells,
    injected,
    parse_html,
    pdf_problems,
    text_of,
)
from .submit import (
    TOO_LONG,
    Found,
    Value,
    blame,
    blank,
    refusable,
    refusal_problems,
    value_packs,
    values_for,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"
SL, EN = {"accept-language": "sl"}, {"accept-language": "en"}
CORPUS = [pytest.param(text, id=name) for name, text in corpus.named().items()]
# Inputs with a length limit also meet a value one character too long.
CORPUS_AND_TOO_LONG = [*CORPUS, pytest.param(TOO_LONG, id="too-long")]


class Findings:
    """What a check found, each problem with the strings it concerns (submit.Found)."""

    def __init__(self, vectors: list[str]):
        self.vectors = tuple(vectors)
        self.found: Found = []
        self._urls: dict[int, str] = {}  # where each parsed page came from

    def add(self, vectors, problems) -> None:
        self.found += [(tuple(vectors), problem) for problem in problems]

    @contextmanager
    def guard(self, vectors=None) -> Iterator[None]:
        """Inside, a server error (the test client raises it) is a problem of `vectors` (by
        default all of them), undone in its savepoint, and the check goes on."""
        try:
            with transaction.atomic():
                yield
        except Exception as error:  # a server error, or output that cannot be read
            self.add(vectors or self.vectors, [f"raised {error!r:.300}"])

    def submit(
        self, client, url: str, data: dict, typed: dict, vectors, *, refusal_expected: bool,
        english: Callable, headers: dict | None = None,
    ) -> bool:  # fmt: skip
        """Post in Slovenian; True when saved. A refusal must be expected, explain itself in
        the page's language and keep what was `typed` (`english()` posts the same in
        English)."""
        response = None
        with self.guard(vectors):
            response = client.post(url, data, headers=headers)
        if response is None:
            return False
        if response.status_code == 302:
            if refusal_expected:
                self.add(vectors, ["accepted, though it should be refused"])
            return True
        with self.guard(vectors):
            self.add(vectors, refusal_problems(response, english, typed))
        if not refusal_expected:
            self.add(vectors, [f"refused (status {response.status_code})"])
        return False

    def page(self, client, url: str, vectors=None, **kwargs):
        """The page at `url`, parsed; None (and a problem of `vectors`) when it fails."""
        with self.guard(vectors):
            response = client.get(url, **kwargs)
            if response.status_code == 200:
                return self._parsed(url, response)
            self.add(vectors or self.vectors, [f"{url}: status {response.status_code}"])
        return None

    def _parsed(self, url: str, response):
        page = parse_html(response.content.decode())
        self._urls[id(page)] = url
        return page

    def inert(self, vectors, pages, *, admin: bool = False) -> None:
        """Nothing in `pages` (None: a page that failed) may run, load or act."""
        for page in pages:
            if page is not None:
                where = self._urls.get(id(page), "")
                self.add(vectors, [f"{where}: {p}" for p in injected(page, admin=admin)])

    def pages(self, client, url: str) -> list:
        """Every page of a paginated discussion (or of one thread's replies), parsed."""
        pages, number = [], 1
        while True:
            response = None
            page_url = f"{url}{'&' if '?' in url else '?'}page={number}"
            with self.guard():
                response = client.get(page_url)
            if response is None:
                return pages
            if response.status_code != 200:
                self.add(self.vectors, [f"{page_url}: status {response.status_code}"])
                return pages
            pages.append(self._parsed(page_url, response))
            if 'rel="next"' not in response.content.decode():
                return pages
            number += 1

    def feed(self, client, url: str, titles: list[str], vectors) -> None:
        """The feed must be inert and well-formed, and hold `titles`, leaving out what XML
        cannot carry (control characters), and nothing else."""
        with self.guard(vectors):
            response = client.get(url)
            if response.status_code != 200:
                self.add(vectors, [f"{url}: status {response.status_code}"])
                return
            self.add(vectors, [f"{url}: {p}" for p in feed_problems(response.content)])
            shown = [entry["title"].text or "" for entry in feed_entries(response.content)]
            self.add(vectors, [f"{url}: title {t!r:.60} missing" for t in titles
                               if xml_text(t) not in shown])  # fmt: skip


def _blamed(check: Callable[[list[str]], Found]) -> Callable[[list[str]], dict]:
    """A judge: `check` the strings, each check (again) in a world of its own (a savepoint
    rolled back after it), and give each string its problems (submit.blame)."""

    def isolated(vectors: list[str]) -> Found:
        with transaction.atomic():
            cache.clear()
            try:
                return check(vectors)
            finally:
                transaction.set_rollback(True)

    return partial(blame, isolated)


def _typed(found: Findings, client, url: str, field: str, value: Value, limit: int, extra=None):
    """Post `value` into `field` (a citizen's form, in Slovenian); True when saved."""
    data = {field: value.text, **(extra or {})}
    english = partial(client.post, url.replace("/sl/", "/en/", 1), data)
    refusal_expected = refusable(value.text, limit)
    typed = {field: value.text}
    return found.submit(
        client, url, data, typed, value.vectors, refusal_expected=refusal_expected, english=english
    )


def _consultation() -> Consultation:
    consultation = ConsultationFactory(
        title_sl="Osnutek pravil", title_en="Draft rules", flag_threshold=30000
    )
    SectionFactory(consultation=consultation, heading_sl="Namen", heading_en="Purpose")
    return consultation


def _comment_exports(found: Findings, consultation, language: str, expected: dict) -> None:
    """The JSON holds each comment's fields exactly; CSV cells are guarded and hold the same
    text; the PDF renders, its text extracts, and nothing in it runs or links out.

    `expected` maps comment ids to the strings they hold and the fields the files must give
    back ({"text":…} and/or {"author":…}).
    """
    with found.guard():
        data = exports.results_data(consultation, language)
        as_json = json.loads(exports.results_json(consultation, language, data=data))
        comments = {c["id"]: c for target in as_json["sections"] for c in target["comments"]}
        for pk, (vectors, fields) in expected.items():
            if pk not in comments:
                found.add(vectors, ["not in the JSON"])
                continue
            found.add(vectors, [f"JSON {name} is {comments[pk].get(name)!r:.60}"
                                for name, value in fields.items()
                                if comments[pk].get(name) != value])  # fmt: skip
            found.add(vectors, [f"JSON html: {p}" for p in injected(comments[pk]["html"])])
        rows = csv_rows(exports.results_csv(consultation, language, data=data))
        by_id = {int(row["comment_id"]): row for row in rows if row["record"] == "comment"}
        for row in rows:
            pk = int(row["comment_id"]) if row["record"] == "comment" else None
            vectors = expected[pk][0] if pk in expected else found.vectors
            found.add(vectors, [f"CSV formula: {cell:.80}" for cell in formula_cells([row])])
        for pk, (vectors, fields) in expected.items():
            if pk not in by_id:
                found.add(vectors, ["not in the CSV"])
                continue
            found.add(vectors, [f"CSV {name} is {by_id[pk][name]!r:.60}"
                                for name, value in fields.items()
                                if csv_unguard(by_id[pk][name]) != value])  # fmt: skip
        _text, problems = pdf_problems(exports.results_pdf(consultation, language, data=data))
        found.add(found.vectors, [f"PDF: {p}" for p in problems])


# Citizens ---------------------------------------------------------------------------------


def _check_comments(kind: str, vectors: list[str]) -> Found:
    found = Findings(vectors)
    consultation = _consultation()
    author = CitizenFactory(display_name="Ana")
    client = Client()
    client.force_login(author)
    extra = {}
    if kind == "reply":
        parent = CommentFactory(consultation=consultation, body="Hello.", language="sl")
        extra = {"parent": str(parent.pk)}
    url = f"/sl/consultations/{consultation.slug_sl}/comments/"
    stored: dict[int, Value] = {}
    # Comments take the XSS vectors one by one (each where a Markdown block starts); replies
    # go through the same rendering, so they take them packed.
    for value in values_for(vectors, 5000, xss_alone=kind == "comment"):
        if not _typed(found, client, url, "body", value, 5000, extra):
            continue
        comment = Comment.objects.filter(author=author).latest("id")
        stored[comment.pk] = value
        if comment.body != value.text.strip():
            found.add(value.vectors, [f"stored as {comment.body!r:.60}"])
        # The HTML the flag, removal and appeal pages show as well.
        found.add(value.vectors, [f"body_html: {p}" for p in injected(comment.body_html)])
    discussion = f"/sl/consultations/{consultation.slug_sl}/discussion/draft/"
    pages = found.pages(client, discussion)
    if kind == "reply":  # a thread shows a few replies; its own page shows them all
        pages += found.pages(client, f"{discussion}?thread={parent.pk}")
    pages.append(found.page(client, f"/en/consultations/{consultation.slug_en}/"))
    pages.append(found.page(client, "/sl/accounts/profile/"))
    client.logout()
    pages.append(found.page(client, f"/sl/consultations/{consultation.slug_sl}/"))
    found.inert(vectors, pages)
    shown = {
        int(element.get("id")[8:])
        for page in pages
        if page is not None
        for element in page.iter()
        if (element.get("id") or "").startswith("comment-")
    }
    for pk, value in stored.items():
        if pk not in shown:
            found.add(value.vectors, ["not shown"])
    expected = {pk: (value.vectors, {"text": value.text.strip()}) for pk, value in stored.items()}
    _comment_exports(found, consultation, "sl", expected)
    return found.found


@pytest.mark.parametrize("vector", CORPUS_AND_TOO_LONG)
def test_comments_are_refused_clearly_or_stored_and_shown_inert(verdict, vector):
    assert verdict(_blamed(partial(_check_comments, "comment")), vector=vector) == []


@pytest.mark.parametrize("vector", CORPUS_AND_TOO_LONG)
def test_replies_are_refused_clearly_or_stored_and_shown_inert(verdict, vector):
    assert verdict(_blamed(partial(_check_comments, "reply")), vector=vector) == []


def _display_names_allowed(strings: list[str]) -> list[str]:
    """What signup accepts of `strings`, in order: beyond what any input may refuse, a display
    name is one plain line without links (accounts.names), unlike every name before it."""
    keys, allowed = set(), []
    for name in strings:
        if refusable(name, 60):
            continue
        try:
            key = display_name_key(display_name_clean(name.strip()))
        except ValidationError:
            continue
        if key not in keys:
            keys.add(key)
            allowed.append(name)
    return allowed


def _check_display_names(vectors: list[str]) -> Found:
    found = Findings(vectors)
    consultation = _consultation()
    client = Client()
    allowed = set(_display_names_allowed(vectors))
    users: dict[str, User] = {}
    for number, name in enumerate(vectors):
        email = f"signup{number}@example.org"
        data = {"email": email, "display_name": name,
                "password1": PASSWORD, "password2": PASSWORD, "accept_rules": "on"}  # fmt: skip

        def english(data=data):
            client.cookies.clear()
            return client.post("/en/accounts/signup/", data)

        typed = {"display_name": name}
        saved = found.submit(client, "/sl/accounts/signup/", data, typed, (name,),
                             refusal_expected=name not in allowed, english=english)  # fmt: skip
        client.cookies.clear()
        if saved:
            users[name] = user = User.objects.get(email=email)
            if user.display_name != display_name_normalise(name):
                found.add((name,), [f"stored as {user.display_name!r:.60}"])
    comments = {}
    for name, user in users.items():
        user.emailaddress_set.update(verified=True)
        comment = services.comment_submit(
            consultation=consultation, author=user, body="Se strinjam.", language="sl"
        )
        comments[comment.pk] = ((name,), {"author": user.display_name})
    pages = found.pages(client, f"/sl/consultations/{consultation.slug_sl}/discussion/draft/")
    found.inert(vectors, pages)
    # The header and the profile show the name too, through the same escaping: every third
    # name that is markup.
    markup = [name for name in users if "<" in name]
    for name in markup[::3]:
        client.force_login(users[name])
        profile = found.page(client, "/sl/accounts/profile/", (name,))
        found.inert((name,), [profile])
        pages.append(profile)
    shown = " ".join(text_of(page) for page in pages if page is not None)
    for name in users:
        if display_name_normalise(name) not in shown:
            found.add((name,), ["not shown"])
    _comment_exports(found, consultation, "sl", comments)
    return found.found


@pytest.mark.parametrize("vector", CORPUS)
def test_display_names_at_signup_are_refused_clearly_or_stored_and_shown_inert(verdict, vector):
    assert verdict(_blamed(_check_display_names), vector=vector) == []


def _check_flags(vectors: list[str]) -> Found:
    found = Findings(vectors)
    consultation = _consultation()
    comment = CommentFactory(consultation=consultation, body="Kupite poceni ure!", language="sl")
    url = f"/sl/consultations/{consultation.slug_sl}/comments/{comment.pk}/flag/"
    client = Client()
    stored: dict[int, Value] = {}
    for value in values_for(vectors, 500, xss_alone=False, separator="\n"):
        client.force_login(CitizenFactory())
        if not _typed(found, client, url, "text", value, 500, {"reason": "other"}):
            continue
        flag = Flag.objects.filter(comment=comment).latest("id")
        stored[flag.pk] = value
        if flag.text != value.text.strip():
            found.add(value.vectors, [f"stored as {flag.text!r:.60}"])
    client.force_login(StaffFactory())
    page = found.page(client, f"/admin/consultations/comment/{comment.pk}/change/", headers=SL)
    found.inert(vectors, [page], admin=True)
    shown = text_of(page) if page is not None else ""
    for value in stored.values():
        if collapse(value.text.strip()) not in shown:
            found.add(value.vectors, ["not shown to moderators"])
    return found.found


@pytest.mark.parametrize("vector", CORPUS_AND_TOO_LONG)
def test_flag_details_are_refused_clearly_or_stored_and_shown_inert_to_moderators(verdict, vector):
    assert verdict(_blamed(_check_flags), vector=vector) == []


def _check_appeals(vectors: list[str]) -> Found:
    found = Findings(vectors)
    consultation = _consultation()
    author = CitizenFactory()
    staff = StaffFactory()
    client = Client()
    appeals: dict[Appeal, Value] = {}
    for number, value in enumerate(values_for(vectors, 1000, xss_alone=False, separator="\n")):
        hidden = services.comment_submit(
            consultation=consultation, author=author, body=f"Komentar {number}", language="sl"
        )
        moderation.comment_moderate(
            comment=hidden, moderator=staff, action="hide", reason=ModerationReason.ABUSE
        )
        client.force_login(author)
        url = f"/sl/consultations/{consultation.slug_sl}/comments/{hidden.pk}/appeal/"
        if not _typed(found, client, url, "message", value, 1000):
            continue
        appeal = Appeal.objects.latest("id")
        appeals[appeal] = value
        if appeal.message != value.text.strip():
            found.add(value.vectors, [f"stored as {appeal.message!r:.60}"])
    found.inert(vectors, [found.page(client, "/sl/accounts/profile/")])
    client.force_login(staff)
    lists = [
        found.page(client, "/admin/moderation/appeal/", headers=SL),
        found.page(client, "/admin/moderation/moderationaction/?action__exact=appeal", headers=SL),
    ]
    found.inert(vectors, lists, admin=True)
    shown = " ".join(text_of(page) for page in lists if page is not None)
    for appeal, value in appeals.items():
        url = f"/admin/consultations/comment/{appeal.comment_id}/change/"
        page = found.page(client, url, value.vectors, headers=SL)
        found.inert(value.vectors, [page], admin=True)
        if collapse(appeal.message) not in shown:
            found.add(value.vectors, ["not shown to moderators"])
    return found.found


@pytest.mark.parametrize("vector", CORPUS_AND_TOO_LONG)
def test_appeal_messages_are_refused_clearly_or_stored_and_shown_inert_to_moderators(
    verdict, vector
):
    assert verdict(_blamed(_check_appeals), vector=vector) == []


# Staff, through the admin -----------------------------------------------------------------


def _long_values(vectors: list[str]) -> list[Value]:
    """Every string a long field can hold, packed (at least one value)."""
    kept = [text for text in vectors if text != TOO_LONG and not blank(text) and "\x00" not in text]
    return value_packs(kept, 2500) or [Value("Besedilo.", ())]


def _rounds(vectors: list[str], short_fields: list[str], long_fields: list[str]) -> list[dict]:
    """Admin posts that between them put every string in every short field (titles,
    headings: packed to 200 characters; the refusable values in posts of their own) and every
    long field (summaries, leads, Markdown: packed, rotating)."""
    shorts = values_for(vectors, 200, xss_alone=False, separator=" ")
    packable = [value for value in shorts if not refusable(value.text, 200)]
    # Posts of refusable values only, each field with its own.
    refusals = [value for value in shorts if refusable(value.text, 200)]
    longs = _long_values(vectors)
    rounds = []
    width = len(short_fields)
    for values in (packable, refusals):
        for start in range(0, len(values), width):
            chunk = [values[(start + offset) % len(values)] for offset in range(width)]
            rounds.append(dict(zip(short_fields, chunk, strict=True)))
    for number, fields in enumerate(rounds):
        for offset, name in enumerate(long_fields):
            fields[name] = longs[(number + offset) % len(longs)]
    return rounds


def _strings_of(fields: dict[str, Value]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(vector for value in fields.values() for vector in value.vectors))


def _admin_post(found, client, url: str, base: dict, fields: dict, short_fields: list[str]):
    """Post one round in Slovenian; True when saved as it should be."""
    typed = {name: value.text for name, value in fields.items()}
    refusal_expected = any(refusable(fields[name].text, 200) for name in short_fields)
    english = partial(client.post, url, base | typed, headers=EN)
    saved = found.submit(client, url, base | typed, typed, _strings_of(fields), headers=SL,
                         refusal_expected=refusal_expected, english=english)  # fmt: skip
    return saved and not refusal_expected


def _check_articles(vectors: list[str]) -> Found:
    found = Findings(vectors)
    client = Client()
    client.force_login(StaffFactory())
    article = ArticleFactory()
    url = f"/admin/articles/article/{article.pk}/change/"
    base = {"author_name": "Uredništvo", "published_at_0": "2024-01-01",
            "published_at_1": "10:00:00", "slug_sl": "", "slug_en": ""}  # fmt: skip
    for prefix in ("images", "attachments", "references"):
        base |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    short_fields = ["title_sl", "title_en"]
    for fields in _rounds(vectors, short_fields, ["lead_sl", "lead_en", "body_sl", "body_en"]):
        if not _admin_post(found, client, url, base, fields, short_fields):
            continue
        strings = _strings_of(fields)
        article = Article.objects.get(pk=article.pk)
        for code in ("sl", "en"):
            for name in ("title", "lead", "body"):
                field = f"{name}_{code}"
                if getattr(article, field) != fields[field].text.strip():
                    found.add(fields[field].vectors, [f"{field} not stored as typed"])
            page = found.page(client, f"/{code}/articles/{getattr(article, f'slug_{code}')}/")
            found.inert(strings, [page])
            shown = text_of(page) if page is not None else ""
            for name in ("title", "lead"):
                field = f"{name}_{code}"
                if collapse(fields[field].text) not in shown:
                    found.add(fields[field].vectors, [f"{field} not shown"])
            title = getattr(article, f"title_{code}")
            found.feed(client, f"/{code}/articles/feed/", [title], strings)
    listing = found.page(client, "/admin/articles/article/", headers=SL)
    found.inert(vectors, [listing], admin=True)
    return found.found


@pytest.mark.parametrize("vector", CORPUS_AND_TOO_LONG)
def test_article_fields_are_refused_clearly_or_stored_and_shown_inert(verdict, vector):
    assert verdict(_blamed(_check_articles), vector=vector) == []


def _consultation_form(consultation: Consultation, sections) -> dict:
    base = {
        "slug_sl": "", "slug_en": "", "opens_at_0": "2024-01-01", "opens_at_1": "09:00:00",
        "closes_at_0": "2099-12-31", "closes_at_1": "17:00:00", "is_published": "on",
        "moderation_mode": "post", "flag_threshold": "3",
        "sections-TOTAL_FORMS": str(len(sections)),
        "sections-INITIAL_FORMS": str(len(sections)),
    }  # fmt: skip
    for number, section in enumerate(sections):
        base |= {f"sections-{number}-id": str(section.pk),
                 f"sections-{number}-consultation": str(consultation.pk),
                 f"sections-{number}-position": str(number)}  # fmt: skip
    return base


def _consultation_exports_problems(consultation, code: str, *, pdf: bool) -> list[str]:
    """JSON gives the title, summary and headings back exactly; CSV holds the headings,
    guarded; the PDF (when asked) renders and extracts, with nothing that runs or links out."""
    problems = []
    sections = list(consultation.sections.all())
    data = exports.results_data(consultation, code)
    as_json = json.loads(exports.results_json(consultation, code, data=data))
    version = consultation.localized(code)
    if (as_json["consultation"]["title"], as_json["consultation"]["summary"]) != (
        version.title,
        version.summary,
    ):
        problems.append("JSON title or summary changed")
    problems += injected(as_json["consultation"]["outcome_html"])
    headings = [target["heading"] for target in as_json["sections"][1:]]
    if headings != [translated(s, "heading", code) for s in sections]:
        problems.append("JSON headings changed")
    rows = csv_rows(exports.results_csv(consultation, code, data=data))
    problems += [f"CSV formula: {cell:.80}" for cell in formula_cells(rows)]
    csv_headings = [csv_unguard(row["section"]) for row in rows if row["record"] == "tally"]
    if csv_headings[1:] != headings:
        problems.append("CSV headings changed")
    if pdf:
        _text, found = pdf_problems(exports.results_pdf(consultation, code, data=data))
        problems += [f"PDF: {p}" for p in found]
    return problems


def _check_consultations(vectors: list[str]) -> Found:
    found = Findings(vectors)
    client = Client()
    client.force_login(StaffFactory())
    consultation = ConsultationFactory()
    sections = [SectionFactory(consultation=consultation) for _ in range(3)]
    url = f"/admin/consultations/consultation/{consultation.pk}/change/"
    base = _consultation_form(consultation, sections)
    short_fields = ["title_sl", "title_en"] + [
        f"sections-{n}-heading_{code}" for n in range(len(sections)) for code in ("sl", "en")
    ]
    long_fields = ["summary_sl", "summary_en", "outcome_sl", "outcome_en"] + [
        f"sections-{n}-body_{code}" for n in range(len(sections)) for code in ("sl", "en")
    ]
    rounds = _rounds(vectors, short_fields, long_fields)
    # Last, every string as the Slovenian summary (plain text) and the English outcome
    # (Markdown): all of them reach the PDF both ways.
    longs = _long_values(vectors)
    everything = Value(
        "\n\n".join(value.text for value in longs),
        tuple(vector for value in longs for vector in value.vectors),
    )
    rounds.append(rounds[0] | {"summary_sl": everything, "outcome_en": everything})
    for number, fields in enumerate(rounds):
        if not _admin_post(found, client, url, base, fields, short_fields):
            continue
        strings = _strings_of(fields)
        consultation = Consultation.objects.get(pk=consultation.pk)
        stored = {
            name: getattr(consultation, name)
            for name in ("title_sl", "title_en", "summary_sl", "summary_en", "outcome_sl",
                         "outcome_en")
        }  # fmt: skip
        for n, section in enumerate(consultation.sections.order_by("position", "id")):
            for code in ("sl", "en"):
                stored[f"sections-{n}-heading_{code}"] = getattr(section, f"heading_{code}")
                stored[f"sections-{n}-body_{code}"] = getattr(section, f"body_{code}")
        for name, value in stored.items():
            if value != fields[name].text.strip():
                found.add(fields[name].vectors, [f"{name} not stored as typed"])
        for code in ("sl", "en"):
            slug = getattr(consultation, f"slug_{code}")
            page = found.page(client, f"/{code}/consultations/{slug}/", strings)
            listing = found.page(client, f"/{code}/consultations/", strings)
            found.inert(strings, [page, listing])
            shown = text_of(page) if page is not None else ""
            headings = [f"sections-{n}-heading_{code}" for n in range(len(sections))]
            for name in [f"title_{code}", f"summary_{code}", *headings]:
                if collapse(fields[name].text) not in shown:
                    found.add(fields[name].vectors, [f"{name} not shown"])
            found.feed(client, f"/{code}/consultations/feed/", [stored[f"title_{code}"]], strings)
            # PDFs take a second each: every sixth post's in one language, the last in both.
            with_pdf = fields is rounds[-1] or number % 12 == (0 if code == "sl" else 6)
            with found.guard(strings):
                problems = _consultation_exports_problems(consultation, code, pdf=with_pdf)
                found.add(strings, problems)
    listing = found.page(client, "/admin/consultations/consultation/", headers=SL)
    found.inert(vectors, [listing], admin=True)
    return found.found


@pytest.mark.parametrize("vector", CORPUS_AND_TOO_LONG)
def test_consultation_fields_are_refused_clearly_or_stored_and_shown_inert(verdict, vector):
    assert verdict(_blamed(_check_consultations), vector=vector) == []
