"""The checks of the hardening suite catch what they look for: each is shown a live injection."""

import io

import pytest
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.annotations import Link

from . import corpus
from .inert import csv_rows, feed_problems, formula_cells, injected, pdf_problems, url_is_safe
from .submit import packed, values_for

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
    for limit, xss_alone in [(60, True), (500, False), (5000, True), (None, False)]:
        values = "\n".join(values_for(limit, xss_alone=xss_alone))
        assert [text for text in corpus.every_string() if text not in values] == []
    assert packed(["ab", "cd", "efgh", "toolong"], 5, " ") == ["ab cd", "efgh", "toolong"]
