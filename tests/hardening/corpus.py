"""The hostile strings of the hardening tests: the Big List of Naughty Strings, OWASP's XSS
filter-evasion vectors (also written as Markdown) and mutation-XSS vectors (corpus/README.md)."""

import json
import re
from functools import cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


@cache
def _load(name: str) -> dict | list:
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


def blns() -> list[str]:
    """The Big List of Naughty Strings, in its order."""
    return list(_load("blns.json"))


def owasp_xss() -> list[str]:
    """OWASP's XSS filter-evasion vectors, then the same attacks written as Markdown."""
    data = _load("xss_owasp.json")
    return [*data["vectors"], *data["markdown"]]


def mutation_xss() -> list[str]:
    """Mutation-XSS vectors: SVG, MathML, noscript, template, raw-text and comment tricks."""
    return list(_load("xss_mutation.json")["vectors"])


def xss() -> list[str]:
    """Every XSS vector, OWASP's and the mutation ones."""
    return [*owasp_xss(), *mutation_xss()]


def every_string() -> list[str]:
    """The whole corpus, each string once, in a stable order."""
    return list(dict.fromkeys([*xss(), *blns()]))


def named() -> dict[str, str]:
    """The whole corpus as `every_string` orders it, each string by a name saying where it
    comes from and what it starts with: `owasp-012-img-src-javascript-alert`, `markdown-003-…`,
    `mutation-040-…`, `blns-0042-…` (its place in its list, from 0). `pytest -k blns-0042`
    picks a string by its name."""
    data = _load("xss_owasp.json")
    sources = [("owasp", 3, data["vectors"]), ("markdown", 3, data["markdown"]),
               ("mutation", 3, mutation_xss()), ("blns", 4, blns())]  # fmt: skip
    names: dict[str, str] = {}
    for prefix, digits, strings in sources:
        for number, text in enumerate(strings):
            if text in names:
                continue
            slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:30].rstrip("-")
            names[text] = f"{prefix}-{number:0{digits}d}" + (f"-{slug}" if slug else "")
    assert list(names) == every_string()
    return {name: text for text, name in names.items()}
