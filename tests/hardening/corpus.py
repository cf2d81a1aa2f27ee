"""The hostile strings of the hardening tests: the Big List of Naughty Strings, OWASP's XSS
filter-evasion vectors (also written as Markdown) and mutation-XSS vectors (corpus/README.md)."""

import json
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
