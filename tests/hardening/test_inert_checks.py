"""The checks of the hardening suite catch what they look for: each is shown a live injection."""

import io
import re

import pytest
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.annotations import Link

from . import corpus
from .inert import csv_rows, feed_problems, formula_cells, injected, pdf_problems, url_is_safe
from .submit import TOO_LONG, blame, packed, values_for

LIVE = [
    '<p><img src="x" onerror="alert(1)"></p>',
    "<script>alert(1)</script>",
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<svg><a>x</a></svg>",
    "<math><mi>x</mi></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<style>body{background:red}</style>",
    '<p style="color:red">x</p>',
    '<form action="https://xss.invalid/"><button>x</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://xss.invalid/">',
    '<base href="https://xss.invalid/">',
    '<img src="https://xss.invalid/x.png">',
    "<template><script>alert(1)</script></template>",
    '<details open ontoggle="alert(1)">x</details>',
]


@pytest.mark.parametrize("html", LIVE)
def test_a_live_injection_is_caught(html):
    assert injected(f"<!doctype html><html><body><main>{html}</main></body></html>") != []


def test_escaped_text_and_our_own_markup_pass():
    page = (
        '<!doctype html><html lang="sl"><head><title>&lt;script&gt;</title>'
        '<link rel="stylesheet" href="/static/css/site.css"></head><body><main>'
        '<p>&lt;img src=x onerror=alert(1)&gt; <a href="https://example.org/" rel="nofollow">'
        'a link</a></p><form method="post" action="/sl/x/"><input type="hidden" '
        'name="csrfmiddlewaretoken" value="t"><textarea name="body">&lt;svg&gt;</textarea>'
        "</form></main></body></html>"
    )
    assert injected(page) == []


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/", True),
        ("/sl/articles/", True),
        ("mailto:info@inepa.si", True),
        ("#comment-1", True),
        ("javascript:alert(1)", False),
        ("\x01java\nscript:alert(1)", False),
        ("vbscript:msgbox(1)", False),
        ("data:text/html,x", False),
    ],
)
def test_urls_are_judged_as_browsers_read_them(url, safe):
    assert url_is_safe(url) is safe


def _atom(summary: str, title: str = "A title", kind: str = "html") -> bytes:
    return (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        f'<title>{title}</title><summary type="{kind}">{summary}</summary></entry></feed>'
    ).encode()


def test_feed_checks_catch_markup_a_reader_would_run():
    assert feed_problems(_atom("&lt;p&gt;ok&lt;/p&gt;")) == []
    assert feed_problems(_atom("&lt;script&gt;alert(1)&lt;/script&gt;")) != []
    assert feed_problems(_atom("x", title="<b xmlns='http://www.w3.org/1999/xhtml'>t</b>")) != []


def test_csv_checks_catch_formulas():
    rows = csv_rows("\ufefftext,author\n'=1+1,@SUM(A1)\n".encode())
    assert formula_cells(rows) == ["author='@SUM(A1)'"]


def test_pdf_checks_catch_javascript_and_links_that_run():
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert pdf_problems(buffer.getvalue())[1] == []

    writer.add_open_action(JavaScript("app.alert(1);"))
    writer.add_annotation(0, Link(rect=(10, 10, 100, 100), url="javascript:alert(1)"))
    buffer = io.BytesIO()
    writer.write(buffer)
    assert len(pdf_problems(buffer.getvalue())[1]) == 2


def test_values_hold_every_string_of_the_corpus():
    strings = [*corpus.every_string(), TOO_LONG]
    for limit, xss_alone in [(60, True), (500, False), (5000, True), (None, False)]:
        values = values_for(strings, limit, xss_alone=xss_alone)
        held = [vector for value in values for vector in value.vectors]
        assert held == list(dict.fromkeys(held))  # each string in one value
        assert sorted(held) == sorted(strings if limit else corpus.every_string())
        assert [v for v in values if any(s[:limit] not in v.text for s in v.vectors)] == []
    assert packed(["ab", "cd", "efgh", "toolong"], 5, " ") == ["ab cd", "efgh", "toolong"]


def test_every_string_has_a_name_of_its_own():
    names = corpus.named()
    assert list(names.values()) == corpus.every_string()
    assert all(
        re.fullmatch(r"(owasp|markdown|mutation|blns)-\d{3,4}(-[a-z0-9-]+)?", n) for n in names
    )
    name = next(name for name in names if name.startswith("blns-0042-"))
    assert names[name] == corpus.blns()[42]


def _check_shows(bad: set[str], together: frozenset = frozenset()):
    """A check that posts its strings in pairs and shows them all on one page: `bad` strings
    break their pair, `together` breaks the page only when all of it is there."""
    runs = []

    def check(vectors):
        runs.append(list(vectors))
        found = [((vector,), "refused") for vector in vectors if vector == "refused"]
        for start in range(0, len(vectors), 2):
            pair = vectors[start : start + 2]
            found += [(pair, f"post: {vector}") for vector in pair if vector in bad]
        if together and together <= set(vectors):
            found.append((vectors, "page"))
        return found

    return check, runs


def test_blame_gives_each_string_its_own_problems():
    strings = [f"s{n}" for n in range(16)] + ["refused"]
    check, runs = _check_shows({"s5", "s12"})

    verdicts = blame(check, strings)

    assert {s: p for s, p in verdicts.items() if p} == {
        "s5": ["post: s5"], "s12": ["post: s12"], "refused": ["refused"],
    }  # fmt: skip
    assert len(runs) < 2 * 2 * 5  # two strings narrowed down in halves


def test_blame_keeps_a_problem_no_smaller_group_shows_with_the_whole_group():
    strings = [f"s{n}" for n in range(8)]
    check, _runs = _check_shows(set(), together=frozenset(strings))

    verdicts = blame(check, strings)

    assert all(p == ["page (shown by these 8 strings together, not narrowed down)"]
               for p in verdicts.values())  # fmt: skip


def test_blame_stops_narrowing_down_when_everything_fails():
    strings = [f"s{n}" for n in range(64)]
    check, runs = _check_shows(set(strings))

    verdicts = blame(check, strings, effort=0.6)  # 98 strings: halves of 64 cost 84

    assert [len(strings) for strings in runs] == [64, 32, 32]
    assert all(problems for problems in verdicts.values())
