"""How the corpus is sent to an input, what a refusal must look like, and whose a problem is."""

import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from . import corpus
from .inert import parse_html

XHTML = "{http://www.w3.org/1999/xhtml}"
TOO_LONG = "<script>alert(1)</script>\u202e‮𝕏ẞ" * 200


def packs(strings: Iterable[str], limit: int, separator: str = "\n\n") -> list[list[str]]:
    """The strings in as few groups as `limit` characters (joined by `separator`) allow, in
    their order; a string longer than `limit` stays alone (the input must refuse it)."""
    groups: list[list[str]] = []
    current: list[str] = []
    size = 0
    for text in strings:
        added = len(text) + (len(separator) if current else 0)
        if current and size + added > limit:
            groups.append(current)
            current, size = [], 0
            added = len(text)
        current.append(text)
        size += added
    if current:
        groups.append(current)
    return groups


def packed(strings: Iterable[str], limit: int, separator: str = "\n\n") -> list[str]:
    """The strings joined into as few values as `limit` characters allow (see `packs`)."""
    return [separator.join(group) for group in packs(strings, limit, separator)]


def blank(text: str) -> bool:
    return not text.strip()


def refusable(text: str, limit: int) -> bool:
    """What a text input may refuse: nothing but whitespace, too long once stripped, or NUL
    (which PostgreSQL cannot store). Anything else must be kept."""
    return blank(text) or len(text.strip()) > limit or "\x00" in text


class Value(NamedTuple):
    """What is typed into an input, and the strings (cases) it holds."""

    text: str
    vectors: tuple[str, ...]


def value_packs(strings: Iterable[str], limit: int, separator: str = "\n\n") -> list[Value]:
    """The strings packed as `packs` packs them, each value with the strings it holds."""
    return [
        Value(separator.join(group), tuple(group)) for group in packs(strings, limit, separator)
    ]


def values_for(
    vectors: Iterable[str], limit: int | None, *, xss_alone: bool, separator: str = "\n\n"
) -> list[Value]:
    """What to post to an input holding `limit` characters (None: no limit) so that it meets
    each of `vectors`: the XSS vectors one by one (their context matters to Markdown) or
    packed; the rest of the Big List packed; alone, each string an input may refuse on its own
    (blank, or with NUL); and, when `vectors` holds TOO_LONG and the input has a limit,
    TOO_LONG cut one character past it."""
    vectors = list(vectors)
    every_xss = set(corpus.xss())
    alone = [text for text in vectors if text != TOO_LONG and (blank(text) or "\x00" in text)]
    xss = [text for text in vectors if text in every_xss and text not in alone]
    rest = [text for text in vectors if text not in {*alone, *xss, TOO_LONG}]
    packable_limit = limit or 20000
    if xss_alone:
        values = [Value(text, (text,)) for text in xss]
    else:
        values = value_packs(xss, packable_limit, separator)
    values += value_packs(rest, packable_limit, separator)
    values += [Value(text, (text,)) for text in alone]
    if limit and TOO_LONG in vectors:
        values.append(Value(TOO_LONG[: limit + 1], (TOO_LONG,)))
    return values


# A problem, with the strings it concerns: one when it is clear whose it is, else those of the
# post or the page where it showed.
Found = list[tuple[Sequence[str], str]]
# What a check costs beyond its strings (a world to make, pages and files to render), counted
# in strings.
CHECK_COST = 10


def blame(
    check: Callable[[list[str]], Found], vectors: Sequence[str], *, effort: float = 4
) -> dict[str, list[str]]:
    """Each string's own problems, `check` having sent all of them to an input at once.

    The strings of a problem shared by several (a post that packed them, a page, a feed or a
    file that showed them) are checked again in halves, down to one, so that a string's case
    fails for its own problems only. What no smaller group shows again stays with every string
    it concerned, saying so; so does what is left when checking again has cost about `effort`
    times the first check (when many strings fail, narrowing all of them down would take long:
    `-k` picks a group to narrow down).
    """
    return _blame(check, list(vectors), [effort * (len(vectors) + 10 * CHECK_COST)])


def _blame(check, vectors: list[str], budget: list[float]) -> dict[str, list[str]]:
    verdicts: dict[str, list[str]] = {vector: [] for vector in vectors}
    shared: dict[tuple[str, ...], list[str]] = {}
    for concerned, problem in check(vectors):
        group = tuple(dict.fromkeys(concerned)) or tuple(vectors)
        if len(group) == 1:
            verdicts[group[0]].append(problem)
        else:
            shared.setdefault(group, []).append(problem)
    unclear = list(dict.fromkeys(vector for group in shared for vector in group))
    again: dict[str, list[str]] = {vector: [] for vector in unclear}
    cost = len(unclear) + 2 * CHECK_COST
    if unclear and budget[0] >= cost:
        budget[0] -= cost
        middle = len(unclear) // 2
        again = _blame(check, unclear[:middle], budget) | _blame(check, unclear[middle:], budget)
        for vector in unclear:
            verdicts[vector] = again[vector] or verdicts[vector]
    for group, problems in shared.items():
        if not any(again[vector] for vector in group):
            note = f"(shown by these {len(group)} strings together, not narrowed down)"
            for vector in group:
                verdicts[vector] += [f"{problem} {note}" for problem in problems]
    return verdicts


def normalised(value: str) -> str:
    """A value as a browser reads it back from the page (HTML parsing turns CR LF and CR into
    LF and NUL into U+FFFD)."""
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def error_texts(html) -> list[str]:
    """The error messages a page shows (form error lists, our error summary, the admin's note)."""
    root = parse_html(html)
    texts = []
    for element in root.iter():
        classes = (element.get("class") or "").split()
        if {"errorlist", "error-summary"} & set(classes):
            texts += [" ".join("".join(li.itertext()).split()) for li in element.iter(f"{XHTML}li")]
        elif "errornote" in classes:
            texts.append(" ".join("".join(element.itertext()).split()))
    return [text for text in dict.fromkeys(texts) if text]


def field_value(html, name: str) -> str | None:
    """What the form field `name` holds in a page (a textarea's text, an input's value)."""
    for element in parse_html(html).iter():
        if element.get("name") != name:
            continue
        if element.tag == f"{XHTML}textarea":
            return element.text or ""
        if element.tag == f"{XHTML}input":
            return element.get("value", "")
    return None


def refusal_problems(refused, in_english, typed: dict[str, str]) -> list[str]:
    """A refusal must explain itself in the page's language and keep what was typed.

    `refused` is the Slovenian response; `in_english` the response to the same post in
    English, or a callable returning it (called only for errors not seen translated before):
    none of the Slovenian errors may be the English text. `typed` maps the form's fields to
    what was typed in them.
    """
    problems = []
    if refused.status_code not in (200, 400):
        problems.append(f"refused with status {refused.status_code}")
    page = parse_html(refused.content.decode())
    errors = error_texts(page)
    if not errors:
        problems.append("refused without an error message")
    pattern = tuple(re.sub(r"\d+", "#", text) for text in errors)
    if pattern not in _TRANSLATED:
        english = in_english() if callable(in_english) else in_english
        untranslated = [text for text in errors if text in error_texts(english.content.decode())]
        if untranslated:
            problems.append(f"errors not translated: {untranslated}")
        else:
            _TRANSLATED.add(pattern)
    for field, value in typed.items():
        kept = field_value(page, field)
        if kept != normalised(value):
            problems.append(f"{field} did not keep the typed text: {kept!r:.80}")
    return problems


# Error messages (numbers left out) already seen translated: their English twin is not fetched
# again for every value refused the same way.
_TRANSLATED: set[tuple[str, ...]] = set()
