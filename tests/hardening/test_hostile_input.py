"""Every hostile string of the corpus through every text input a person can fill.

Each value is either refused with a translated error that keeps the typed text, or stored as
typed (less surrounding whitespace) and shown inert in every output: the pages, the Atom
feeds, and the CSV, JSON and PDF results. Never a server error: the test client re-raises it.
Values are packed into as few posts as an input's length allows (submit.values_for).
"""

import json

import pytest
from django.core.exceptions import ValidationError

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
from .submit import blank, packed, refusable, refusal_problems, values_for

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"
SL, EN = {"accept-language": "sl"}, {"accept-language": "en"}


@pytest.fixture
def consultation():
    consultation = ConsultationFactory(
        title_sl="Osnutek pravil", title_en="Draft rules", flag_threshold=30000
    )
    SectionFactory(consultation=consultation, heading_sl="Namen", heading_en="Purpose")
    return consultation


def _post_each(client, url: str, field: str, values: list[str], extra: dict | None = None):
    """Post each value in Slovenian; return the accepted values, and what is wrong with the
    refusals (compared with the same post in English)."""
    accepted, problems = [], []
    for value in values:
        data = {field: value, **(extra or {})}
        response = client.post(url, data)
        if response.status_code == 302:
            accepted.append(value)
            continue
        english = lambda data=data: client.post(url.replace("/sl/", "/en/", 1), data)  # noqa: E731
        problems += [
            f"{value!r:.60}: {problem}"
            for problem in refusal_problems(response, english, {field: value})
        ]
    return accepted, problems


def _pages(client, url: str) -> list:
    """Every page of a paginated discussion, parsed."""
    pages, number = [], 1
    while True:
        response = client.get(f"{url}?page={number}")
        assert response.status_code == 200
        pages.append(parse_html(response.content.decode()))
        if 'rel="next"' not in response.content.decode():
            return pages
        number += 1


def _page(client, url: str, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return parse_html(response.content.decode())


def _comment_exports_problems(consultation, language: str, expected: dict[int, dict]) -> list:
    """The JSON holds each comment's fields exactly; CSV cells are guarded and hold the same
    text; the PDF renders, its text extracts, and nothing in it runs or links out.

    `expected` maps comment ids to the fields the files must give back ({"text":…} and/or
    {"author":…}).
    """
    problems = []
    data = exports.results_data(consultation, language)
    as_json = json.loads(exports.results_json(consultation, language, data=data))
    comments = {c["id"]: c for target in as_json["sections"] for c in target["comments"]}
    for pk, fields in expected.items():
        for name, value in fields.items():
            if comments.get(pk, {}).get(name) != value:
                problems.append(f"JSON {name} of #{pk} is not {value!r:.60}")
        problems += [f"JSON html of #{pk}: {p}" for p in injected(comments[pk]["html"])]
    rows = csv_rows(exports.results_csv(consultation, language, data=data))
    problems += [f"CSV formula: {cell:.80}" for cell in formula_cells(rows)]
    by_id = {int(row["comment_id"]): row for row in rows if row["record"] == "comment"}
    for pk, fields in expected.items():
        for name, value in fields.items():
            if csv_unguard(by_id[pk][name]) != value:
                problems.append(f"CSV {name} of #{pk} is not {value!r:.60}")
    _text, pdf = pdf_problems(exports.results_pdf(consultation, language, data=data))
    return problems + [f"PDF: {p}" for p in pdf]


# Citizens ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["comment", "reply"])
def test_comments_and_replies_are_refused_clearly_or_stored_and_shown_inert(
    client, consultation, kind
):
    author = CitizenFactory(display_name="Ana")
    client.force_login(author)
    extra = {}
    if kind == "reply":
        parent = CommentFactory(consultation=consultation, body="Hello.", language="sl")
        extra = {"parent": str(parent.pk)}
    # Comments take the XSS vectors one by one (each where a Markdown block starts); replies
    # go through the same rendering, so they take them packed.
    values = values_for(5000, xss_alone=kind == "comment")

    accepted, problems = _post_each(
        client, f"/sl/consultations/{consultation.slug_sl}/comments/", "body", values, extra
    )

    assert problems == []
    assert accepted == [value for value in values if not refusable(value, 5000)]
    stored = list(Comment.objects.filter(author=author).order_by("id"))
    assert [comment.body for comment in stored] == [value.strip() for value in accepted]
    for comment in stored:  # the HTML the flag, removal and appeal pages show as well
        assert injected(comment.body_html) == [], comment.body
    pages = _pages(client, f"/sl/consultations/{consultation.slug_sl}/discussion/draft/")
    pages.append(_page(client, f"/en/consultations/{consultation.slug_en}/"))
    pages.append(_page(client, "/sl/accounts/profile/"))
    client.logout()
    pages.append(_page(client, f"/sl/consultations/{consultation.slug_sl}/"))
    assert [problem for page in pages for problem in injected(page)] == []
    shown = {
        int(element.get("id")[8:])
        for page in pages
        for element in page.iter()
        if (element.get("id") or "").startswith("comment-")
    }
    assert {comment.pk for comment in stored} <= shown
    expected = {comment.pk: {"text": comment.body} for comment in stored}
    assert _comment_exports_problems(consultation, "sl", expected) == []


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


def test_display_names_at_signup_are_refused_clearly_or_stored_and_shown_inert(
    client, consultation
):
    accepted, problems = [], []
    for number, name in enumerate(corpus.every_string()):
        data = {"email": f"person{number}@example.org", "display_name": name,
                "password1": PASSWORD, "password2": PASSWORD}  # fmt: skip
        response = client.post("/sl/accounts/signup/", data)
        client.cookies.clear()
        if response.status_code == 302:
            accepted.append((number, name))
            continue

        def english(data=data):
            client.cookies.clear()
            return client.post("/en/accounts/signup/", data)

        problems += [
            f"{name!r:.60}: {problem}"
            for problem in refusal_problems(response, english, {"display_name": name})
        ]

    assert problems == []
    assert [name for _, name in accepted] == _display_names_allowed(corpus.every_string())
    users = {int(user.email[6:].split("@")[0]): user for user in User.objects.all()}
    assert {number: user.display_name for number, user in users.items()} == {
        number: display_name_normalise(name) for number, name in accepted
    }
    comments = {}
    for user in users.values():
        user.emailaddress_set.update(verified=True)
        comment = services.comment_submit(
            consultation=consultation, author=user, body="Se strinjam.", language="sl"
        )
        comments[comment.pk] = user.display_name
    pages = _pages(client, f"/sl/consultations/{consultation.slug_sl}/discussion/draft/")
    # The header and the profile show the name too, through the same escaping: every third
    # name that is markup.
    markup = [(number, name) for number, name in accepted if "<" in name]
    for number, _name in markup[::3]:
        client.force_login(users[number])
        pages.append(_page(client, "/sl/accounts/profile/"))
    assert [problem for page in pages for problem in injected(page)] == []
    shown = " ".join(text_of(page) for page in pages)
    assert [name for _, name in accepted if display_name_normalise(name) not in shown] == []
    expected = {pk: {"author": name} for pk, name in comments.items()}
    assert _comment_exports_problems(consultation, "sl", expected) == []


def test_flag_details_are_refused_clearly_or_stored_and_shown_inert_to_moderators(
    client, consultation
):
    comment = CommentFactory(consultation=consultation, body="Kupite poceni ure!", language="sl")
    url = f"/sl/consultations/{consultation.slug_sl}/comments/{comment.pk}/flag/"
    values = values_for(500, xss_alone=False, separator="\n")
    accepted, problems = [], []
    for value in values:
        client.force_login(CitizenFactory())
        more, wrong = _post_each(client, url, "text", [value], {"reason": "other"})
        accepted += more
        problems += wrong

    assert problems == []
    assert accepted == [value for value in values if not refusable(value, 500)]
    flags = list(Flag.objects.filter(comment=comment).order_by("id"))
    assert [flag.text for flag in flags] == [value.strip() for value in accepted]
    client.force_login(StaffFactory())
    page = _page(client, f"/admin/consultations/comment/{comment.pk}/change/", headers=SL)
    assert injected(page, admin=True) == []
    shown = text_of(page)
    assert [flag.text for flag in flags if collapse(flag.text) not in shown] == []


def test_appeal_messages_are_refused_clearly_or_stored_and_shown_inert_to_moderators(
    client, consultation
):
    author = CitizenFactory()
    staff = StaffFactory()
    values = values_for(1000, xss_alone=False, separator="\n")
    accepted, problems = [], []
    for number, value in enumerate(values):
        hidden = services.comment_submit(
            consultation=consultation, author=author, body=f"Komentar {number}", language="sl"
        )
        moderation.comment_moderate(
            comment=hidden, moderator=staff, action="hide", reason=ModerationReason.ABUSE
        )
        client.force_login(author)
        url = f"/sl/consultations/{consultation.slug_sl}/comments/{hidden.pk}/appeal/"
        more, wrong = _post_each(client, url, "message", [value])
        accepted += more
        problems += wrong

    assert problems == []
    assert accepted == [value for value in values if not refusable(value, 1000)]
    appeals = list(Appeal.objects.order_by("id"))
    assert [appeal.message for appeal in appeals] == [value.strip() for value in accepted]
    pages = [_page(client, "/sl/accounts/profile/")]
    assert injected(pages[0]) == []
    client.force_login(staff)
    pages += [
        _page(client, "/admin/moderation/appeal/", headers=SL),
        _page(client, "/admin/moderation/moderationaction/?action__exact=appeal", headers=SL),
        *(
            _page(client, f"/admin/consultations/comment/{appeal.comment_id}/change/", headers=SL)
            for appeal in appeals
        ),
    ]
    assert [problem for page in pages for problem in injected(page, admin=True)] == []
    shown = " ".join(text_of(page) for page in pages[1:3])
    assert [a.message for a in appeals if collapse(a.message) not in shown] == []


# Staff, through the admin -----------------------------------------------------------------

LONG_VALUES = packed(
    [text for text in corpus.every_string() if not blank(text) and "\x00" not in text], 2500
)


def _rounds(short_fields: list[str], long_fields: list[str]) -> list[dict]:
    """Admin posts that between them put every string in every short field (titles,
    headings: packed to 200 characters; the refusable values in posts of their own) and every
    long field (summaries, leads, Markdown: packed, rotating)."""
    shorts = values_for(200, xss_alone=False, separator=" ")
    packable = [value for value in shorts if not refusable(value, 200)]
    refusals = [value for value in shorts if refusable(value, 200)]
    rounds = []
    width = len(short_fields)
    for start in range(0, len(packable), width):
        chunk = packable[start : start + width]
        chunk += packable[: width - len(chunk)]
        rounds.append(dict(zip(short_fields, chunk, strict=True)))
    # Posts of refusable values only, each field with its own.
    for start in range(0, len(refusals), width):
        chunk = refusals[start : start + width]
        chunk += refusals[: width - len(chunk)]
        rounds.append(dict(zip(short_fields, chunk, strict=True)))
    for number, fields in enumerate(rounds):
        for offset, name in enumerate(long_fields):
            fields[name] = LONG_VALUES[(number + offset) % len(LONG_VALUES)]
    return rounds


def _admin_post(client, url: str, base: dict, fields: dict):
    """Post one round in Slovenian; None when saved, else the refusal's problems."""
    response = client.post(url, base | fields, headers=SL)
    if response.status_code == 302:
        return None
    return refusal_problems(response, lambda: client.post(url, base | fields, headers=EN), fields)


def _feed_problems(client, url: str, titles: list[str]) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    problems = feed_problems(response.content)
    feed_titles = [entry["title"].text or "" for entry in feed_entries(response.content)]
    # The feed leaves out what XML cannot carry (control characters), and nothing else.
    return problems + [
        f"{url}: title {title!r:.60} missing"
        for title in titles
        if xml_text(title) not in feed_titles
    ]


def test_article_fields_are_refused_clearly_or_stored_and_shown_inert(client):
    client.force_login(StaffFactory())
    article = ArticleFactory()
    url = f"/admin/articles/article/{article.pk}/change/"
    base = {"author_name": "Uredništvo", "published_at_0": "2024-01-01",
            "published_at_1": "10:00:00", "slug_sl": "", "slug_en": ""}  # fmt: skip
    for prefix in ("images", "attachments", "references"):
        base |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    short_fields = ["title_sl", "title_en"]
    rounds = _rounds(short_fields, ["lead_sl", "lead_en", "body_sl", "body_en"])
    problems = []
    for fields in rounds:
        refused = _admin_post(client, url, base, fields)
        expect_refusal = any(refusable(fields[name], 200) for name in short_fields)
        if refused is not None:
            problems += [f"{fields['title_sl']!r:.60}: {p}" for p in refused]
            if not expect_refusal:
                problems.append(f"{fields['title_sl']!r:.60}: refused")
            continue
        if expect_refusal:
            problems.append(f"{fields['title_sl']!r:.60}: accepted")
            continue
        article = Article.objects.get(pk=article.pk)
        for code in ("sl", "en"):
            for name in ("title", "lead", "body"):
                if getattr(article, f"{name}_{code}") != fields[f"{name}_{code}"].strip():
                    problems.append(f"{name}_{code} not stored as typed")
            page = _page(client, f"/{code}/articles/{getattr(article, f'slug_{code}')}/")
            problems += injected(page)
            shown = text_of(page)
            for name in ("title", "lead"):
                if collapse(fields[f"{name}_{code}"]) not in shown:
                    problems.append(f"{name}_{code} {fields[f'{name}_{code}']!r:.60} not shown")
            title = getattr(article, f"title_{code}")
            problems += _feed_problems(client, f"/{code}/articles/feed/", [title])

    assert problems == []
    list_page = _page(client, "/admin/articles/article/", headers=SL)
    assert injected(list_page, admin=True) == []


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


def test_consultation_fields_are_refused_clearly_or_stored_and_shown_inert(client):
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
    rounds = _rounds(short_fields, long_fields)
    # Last, the whole corpus as the Slovenian summary (plain text) and the English outcome
    # (Markdown): all of it reaches the PDF both ways.
    everything = "\n\n".join(LONG_VALUES)
    rounds.append(rounds[0] | {"summary_sl": everything, "outcome_en": everything})
    problems = []
    for number, fields in enumerate(rounds):
        refused = _admin_post(client, url, base, fields)
        expect_refusal = any(refusable(fields[name], 200) for name in short_fields)
        if refused is not None:
            problems += [f"{fields['title_sl']!r:.60}: {p}" for p in refused]
            if not expect_refusal:
                problems.append(f"{fields['title_sl']!r:.60}: refused")
            continue
        if expect_refusal:
            problems.append(f"{fields['title_sl']!r:.60}: accepted")
            continue
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
        problems += [f"{name} not stored as typed" for name, value in stored.items()
                     if value != fields[name].strip()]  # fmt: skip
        for code in ("sl", "en"):
            slug = getattr(consultation, f"slug_{code}")
            page = _page(client, f"/{code}/consultations/{slug}/")
            listing = _page(client, f"/{code}/consultations/")
            problems += injected(page) + injected(listing)
            shown = text_of(page)
            for name in ("title", "summary"):
                if collapse(fields[f"{name}_{code}"]) not in shown:
                    problems.append(f"{name}_{code} {fields[f'{name}_{code}']!r:.60} not shown")
            for n in range(len(sections)):
                if collapse(fields[f"sections-{n}-heading_{code}"]) not in shown:
                    problems.append(f"heading {fields[f'sections-{n}-heading_{code}']!r:.60}")
            problems += _feed_problems(
                client, f"/{code}/consultations/feed/", [stored[f"title_{code}"]]
            )
            # PDFs take a second each: every sixth post's in one language, the last in both.
            with_pdf = fields is rounds[-1] or number % 12 == (0 if code == "sl" else 6)
            problems += _consultation_exports_problems(consultation, code, pdf=with_pdf)

    assert problems == []
    list_page = _page(client, "/admin/consultations/consultation/", headers=SL)
    assert injected(list_page, admin=True) == []
