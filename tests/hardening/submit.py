"""How the corpus is sent to an input, and what a refusal must look like."""

import re
from collections.abc import Iterable

from . import corpus
from .inert import parse_html

XHTML = "{http://www.w3.org/1999/xhtml}"
TOO_LONG = "<script>alert(1)</script>\u202e‮𝕏ẞ" * 200


def packed(strings: Iterable[str], limit: int, separator: str = "\n\n") -> list[str]:
    """The strings joined into as few values as `limit` characters allow, in their order; a
    string longer than `limit` stays alone (the input must refuse it)."""
    values: list[str] = []
    current: list[str] = []
    size = 0
    for text in strings:
        added = len(text) + (len(separator) if current else 0)
        if current and size + added > limit:
            values.append(separator.join(current))
            current, size = [], 0
            added = len(text)
        current.append(text)
        size += added
    if current:
        values.append(separator.join(current))
    return values


def blank(text: str) -> bool:
    return not text.strip()


def refusable(text: str, limit: int) -> bool:
    """What a text input may refuse: nothing but whitespace, too long once stripped, or NUL
    (which PostgreSQL cannot store). Anything else must be kept."""
    return blank(text) or len(text.strip()) > limit or "\x00" in text


def values_for(limit: int | None, *, xss_alone: bool, separator: str = "\n\n") -> list[str]:
    """What to post to an input holding `limit` characters (None: no limit): the XSS vectors
    one by one (their context matters to Markdown) or packed; the rest of the Big List packed;
    alone, each string an input may refuse on its own (blank, or with NUL); and, for a limited
    input, one value that is too long."""
    packable_limit = limit or 20000
    alone = [text for text in corpus.every_string() if blank(text) or "\x00" in text]
    xss = [text for text in corpus.xss() if text not in alone]
    rest = [text for text in corpus.every_string() if text not in alone and text not in xss]
    values = xss if xss_alone else packed(xss, packable_limit, separator)
    values += packed(rest, packable_limit, separator)
    return [*values, *alone, *([TOO_LONG[: limit + 1]] if limit else [])]


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
