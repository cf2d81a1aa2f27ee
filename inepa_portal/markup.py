"""Markdown to safe HTML, once, on save: the one place where user or staff text becomes HTML.

Raw HTML in the source is shown as text (the Markdown step does not pass it through), and
whatever HTML comes out is filtered by an allow-list: links may only use http, https or
mailto. A link that leaves the site, in any form a browser reads that way (`//host`,
`/\\host`, `http:\\\\host`, a tab inside the scheme…), gets rel="nofollow ugc noopener", its
address as the browser would follow it, and a marker: the class "external" and, for screen
readers, "(external link)". `links_for_print()` applies the same rule to HTML bound for the
PDF dossier, where such a link becomes its text followed by the address.
"""

from functools import cache, partial

import bleach
import markdown
from ada_url import URL
from bleach.html5lib_shim import Filter, convert_entities
from bleach.linkifier import LinkifyFilter
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol",
        "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "abbr": ["title"], "th": ["scope"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
EXTERNAL_REL = "nofollow ugc noopener"
EXTERNAL_CLASS = "external"
MARKER_CLASS = "visually-hidden"
MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "sane_lists"]
HREF, REL, CLASS = (None, "href"), (None, "rel"), (None, "class")


def resolve_link(href: str) -> tuple[str, bool] | None:
    """Where a link on one of our pages leads, as a browser reads it: (the address, whether
    it leaves the site), or None for a link no browser follows or that uses another scheme.

    The address is joined to SITE_URL by a WHATWG URL parser (ada, the parser of Node.js),
    so that whatever the browser strips, rewrites or guesses (spaces, tabs and newlines, a
    backslash for a slash, a missing scheme, letter case) is done here the same way. A link
    leaves the site when its origin is not SITE_URL's.
    """
    # The value as the browser reads it: the serialiser writes a character reference in the
    # source ("&#9;") back as it is, and the browser decodes it (to a tab, here).
    href = convert_entities(href)
    try:
        url = URL(href, settings.SITE_URL)
    except ValueError:
        return None
    scheme = url.protocol.removesuffix(":")
    if scheme not in ALLOWED_PROTOCOLS:
        return None
    if scheme == "mailto":
        return url.href, False
    return url.href, url.origin != URL(settings.SITE_URL).origin


def _mark_link(attrs: dict, new: bool = False) -> dict | None:
    """Mark a link that leaves the site as untrusted and external; links inside the site keep
    neither; a link no browser would follow becomes its text."""
    resolved = resolve_link(attrs[HREF]) if attrs.get(HREF) else None
    if resolved is None:  # e.g. a javascript: link, whose address the sanitiser removed
        return None
    address, external = resolved
    attrs.pop(CLASS, None)
    if external:
        attrs[HREF] = address
        attrs[REL] = EXTERNAL_REL
        attrs[CLASS] = EXTERNAL_CLASS
    else:
        attrs.pop(REL, None)
    return attrs


class _ExternalMarker(Filter):
    """Adds the screen readers' "(external link)" inside each link marked external (the
    class shows it to the eye through the stylesheet)."""

    def __init__(self, source, *, label: str):
        super().__init__(source)
        self.label = label

    def __iter__(self):
        inside_external = False
        for token in super().__iter__():
            if token["type"] == "StartTag" and token["name"] == "a":
                inside_external = (token["data"] or {}).get(CLASS) == EXTERNAL_CLASS
            elif token["type"] == "EndTag" and token["name"] == "a" and inside_external:
                inside_external = False
                yield {"type": "StartTag", "name": "span", "data": {CLASS: MARKER_CLASS}}
                yield {"type": "Characters", "data": f" {self.label}"}
                yield {"type": "EndTag", "name": "span", "data": {}}
            yield token


@cache
def _cleaner(label: str) -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[
            partial(LinkifyFilter, callbacks=[_mark_link], skip_tags={"pre", "code"}),
            partial(_ExternalMarker, label=label),
        ],
    )


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    # Without these two, Markdown copies raw HTML blocks and inline tags to its output.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def render_markdown(source: str, *, language: str | None = None) -> str:
    """Return sanitised HTML for a Markdown source written in `language` (the active
    language by default), in which the external links' marker is worded."""
    with translation.override(language or translation.get_language()):
        label = gettext("(external link)")
    return _cleaner(label).clean(_markdown().convert(source))


class _PrintedLinks(Filter):
    """Links that leave the site become their text followed by the address, in brackets
    (once, when the text is not the address already); the screen readers' marker goes."""

    def __iter__(self):
        address, text, skipping = None, "", 0
        for token in super().__iter__():
            kind, name = token["type"], token.get("name")
            data = token.get("data") if kind in ("StartTag", "EndTag") else None
            if kind == "StartTag" and name == "a":
                resolved = resolve_link((data or {}).get(HREF, ""))
                if resolved is not None and resolved[1]:
                    address, text = resolved[0], ""
                    continue
            elif address is not None and kind == "StartTag" and name == "span":
                if (data or {}).get(CLASS) == MARKER_CLASS:
                    skipping += 1
                    continue
            elif address is not None and kind == "EndTag" and name == "span" and skipping:
                skipping -= 1
                continue
            elif address is not None and kind == "EndTag" and name == "a":
                if text.strip() != address and text.strip() != address.rstrip("/"):
                    yield {"type": "Characters", "data": f" ({address})"}
                address = None
                continue
            if skipping:
                continue
            if address is not None and kind in ("Characters", "SpaceCharacters"):
                text += token["data"]
            yield token


@cache
def _print_cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS | {"span"},
        attributes={**ALLOWED_ATTRIBUTES, "a": ["href", "title", "rel", "class"],
                    "span": ["class"]},
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[_PrintedLinks],
    )  # fmt: skip


def links_for_print(html: str) -> str:
    """Stored, sanitised HTML for paper (the PDF dossier): each link that leaves the site
    shown as its text and its address, no longer a link, by the same rule as the pages."""
    return _print_cleaner().clean(html)
