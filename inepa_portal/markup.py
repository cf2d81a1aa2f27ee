"""Markdown to safe HTML, once, on save: the one place where user or staff text becomes HTML.

Raw HTML in the source is shown as text (the Markdown step does not pass it through), and
whatever HTML comes out is filtered by an allow-list: links may only use http, https or
mailto, and absolute links get rel="nofollow ugc noopener".
"""

from functools import cache, partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol",
        "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "abbr": ["title"], "th": ["scope"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
EXTERNAL_REL = "nofollow ugc noopener"
MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "sane_lists"]


def _set_rel(attrs: dict, new: bool = False) -> dict:
    """Mark absolute links as untrusted; links inside the page keep no rel."""
    href = attrs.get((None, "href"), "")
    if href.startswith(("http://", "https://")):
        attrs[(None, "rel")] = EXTERNAL_REL
    else:
        attrs.pop((None, "rel"), None)
    return attrs


@cache
def _cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
    )


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    # Without these two, Markdown copies raw HTML blocks and inline tags to its output.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def render_markdown(source: str) -> str:
    """Return sanitised HTML for a Markdown source."""
    return _cleaner().clean(_markdown().convert(source))
