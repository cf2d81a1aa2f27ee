import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from consultations.models import Comment
from inepa_portal.markup import links_for_print, render_markdown
from tests.consultations.factories import CommentFactory


def test_markdown_becomes_html():
    html = render_markdown("## Heading\n\nSome **bold** text and a [link](https://example.org).")

    assert "<h2>Heading</h2>" in html
    assert "<strong>bold</strong>" in html
    assert (
        '<a href="https://example.org/" rel="nofollow ugc noopener" class="external">link'
        '<span class="visually-hidden"> (external link)</span></a>'
    ) in html


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

    assert 'href="https://www.unpan.org/"' in html
    assert 'rel="nofollow ugc noopener"' in html


# Links that leave the site (pen test #17.13) ------------------------------------------------

SITE = "https://portal.inepa.si"
MARKED = (
    '<a href="{address}" rel="nofollow ugc noopener" class="external">x'
    '<span class="visually-hidden"> (external link)</span></a>'
)


@pytest.fixture
def site(settings):
    settings.SITE_URL = SITE
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("source", "address"),
    [
        ("[x](//evil.example/)", "https://evil.example/"),
        ("[x](/\\\\evil.example/)", "https://evil.example/"),  # Markdown: "/\evil.example/"
        ("[x](\\\\\\\\evil.example/)", "https://evil.example/"),  # "\\evil.example/"
        ("[x](ht&#9;tp://evil.example/)", "http://evil.example/"),  # a tab in the scheme
        ("[x](ht&#10;tp://evil.example/)", "http://evil.example/"),  # a newline
        ("[x](HtTpS://EVIL.example/)", "https://evil.example/"),
        ("[x](http:\\\\\\\\evil.example/)", "http://evil.example/"),  # "http:\\evil.example/"
        ("[x](http:evil.example/)", "http://evil.example/"),  # another scheme than the site's
        ("[x](https://portal.inepa.si.evil.example/)", "https://portal.inepa.si.evil.example/"),
        ("[x](https://portal.inepa.si:8443/)", "https://portal.inepa.si:8443/"),
        ("[x](http://portal.inepa.si/)", "http://portal.inepa.si/"),
        ("[x](https://user@evil.example/)", "https://user@evil.example/"),
    ],
)
def test_every_form_of_a_link_that_leaves_the_site_is_marked_external(site, source, address):
    html = render_markdown(source)

    assert html == f"<p>{MARKED.format(address=address)}</p>"


@pytest.mark.parametrize(
    "source",
    ["[x](/en/articles/)", "[x](#ref-1)", "[x](https://portal.inepa.si/en/)",
     "[x](HTTPS://Portal.Inepa.SI/en/)", "[x](https:en/articles/)", "[x](?page=2)"],
)  # fmt: skip
def test_links_within_the_site_are_not_marked(site, source):
    html = render_markdown(source)

    assert 'class="external"' not in html
    assert "rel=" not in html
    assert "<a href=" in html


def test_the_marker_is_worded_in_the_texts_language(site):
    assert "(zunanja povezava)" in render_markdown("[x](//evil.example/)", language="sl")
    assert "(external link)" in render_markdown("[x](//evil.example/)", language="en")


def test_a_link_no_browser_would_follow_becomes_its_text(site):
    assert render_markdown("[x](http://exa mple.org/)") == "<p>x</p>"
    assert render_markdown("[x](javascript:alert(1))") == "<p>x</p>"


def test_paper_shows_an_external_links_address_and_keeps_no_link(site):
    html = render_markdown("See [the rules](//evil.example/rules) and [ours](/en/about/).")
    bare = render_markdown("Visit https://www.unpan.org today.")
    old = '<p><a href="/\\evil.example/">stored before</a></p>'  # rendered by the old rule

    assert links_for_print(html) == (
        '<p>See the rules (https://evil.example/rules) and <a href="/en/about/">ours</a>.</p>'
    )
    assert links_for_print(bare) == "<p>Visit https://www.unpan.org today.</p>"
    assert links_for_print(old) == "<p>stored before (https://evil.example/)</p>"


@pytest.mark.django_db
def test_a_comments_scheme_relative_link_is_shown_as_external_on_its_page(client):
    comment = CommentFactory(language="en", body="Read [the rules](//evil.example/rules).")

    page = client.get(f"/en/consultations/{comment.consultation.slug_en}/").content.decode()

    assert (
        '<a href="http://evil.example/rules" rel="nofollow ugc noopener" class="external">'
        'the rules<span class="visually-hidden"> (external link)</span></a>'
    ) in page
    assert 'href="//evil.example' not in page


@pytest.mark.django_db
def test_html_stored_by_the_old_rule_is_rendered_again_by_the_migration():
    comment = CommentFactory(language="sl", body="Glej [pravila](//evil.example/).")
    Comment.objects.filter(pk=comment.pk).update(
        body_html='<p>Glej <a href="//evil.example/">pravila</a>.</p>'
    )
    migration = importlib.import_module(
        "consultations.migrations.0006_rerender_links_that_leave_the_site"
    )

    # As the migration runs: with the models of its time.
    state = MigrationLoader(connection).project_state(
        ("consultations", "0006_rerender_links_that_leave_the_site")
    )
    with connection.schema_editor() as editor:
        migration.rerender(state.apps, editor)

    comment.refresh_from_db()
    assert comment.body_html == (
        '<p>Glej <a href="http://evil.example/" rel="nofollow ugc noopener" class="external">'
        'pravila<span class="visually-hidden"> (zunanja povezava)</span></a>.</p>'
    )
