import pytest

from inepa_portal.markup import render_markdown


def test_markdown_becomes_html():
    html = render_markdown("## Heading\n\nSome **bold** text and a [link](https://example.org).")

    assert "<h2>Heading</h2>" in html
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org" rel="nofollow ugc noopener">link</a>' in html


def test_script_tag_is_shown_as_text_not_run():
    html = render_markdown("Hello <script>alert('x')</script>")

    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_onerror_attribute_never_reaches_the_page():
    html = render_markdown('<img src="x" onerror="alert(1)">\n\n![pic](x.png "t")')

    assert "<img" not in html
    assert '<p>&lt;img src="x" onerror="alert(1)"&gt;</p>' in html  # shown as text, inert


def test_javascript_link_loses_its_href():
    html = render_markdown("[click me](javascript:alert(1))")

    assert "javascript:" not in html
    assert "click me" in html


def test_data_link_loses_its_href():
    html = render_markdown("[click me](data:text/html;base64,PHNjcmlwdD4=)")

    assert "data:" not in html


def test_raw_iframe_is_shown_as_text():
    html = render_markdown('<iframe src="https://evil.example"></iframe>')

    assert "<iframe" not in html
    assert "&lt;iframe" in html


@pytest.mark.parametrize(
    "source",
    [
        "<a href='javascript:alert(1)'>x</a>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1))",
    ],
)
def test_hostile_markup_comes_out_inert(source):
    html = render_markdown(source)

    assert "<script" not in html
    assert "<svg" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html.lower()


def test_links_inside_the_page_get_no_rel():
    html = render_markdown("See [[1]](#ref-1).")

    assert '<a href="#ref-1">[1]</a>' in html


def test_bare_urls_become_untrusted_links():
    html = render_markdown("Visit https://www.unpan.org today.")

    assert 'href="https://www.unpan.org"' in html
    assert 'rel="nofollow ugc noopener"' in html
