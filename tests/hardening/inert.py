"""Checks that hostile text came out inert: in HTML pages (parsed as a browser parses them),
Atom feeds, CSV, JSON and PDF files."""

import csv
import io
import re
from xml.etree import ElementTree

# html5lib as bleach ships it: the HTML5 parsing algorithm of browsers, in Python.
from bleach._vendor import html5lib

from consultations.results.exports import starts_a_formula

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
ADMIN_ICONS = frozenset(
    {"base-svgs", "theme-icon-when-auto", "theme-icon-when-dark", "theme-icon-when-light"}
)
ATOM = "{http://www.w3.org/2005/Atom}"
# Elements that run script, load something, change the page's base or style, or hide markup
# from a sanitiser and give it back to the browser. None of our own pages uses any of them.
FORBIDDEN_ELEMENTS = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
        "svg", "math", "noscript", "noembed", "noframes", "template", "xmp", "plaintext",
        "listing", "isindex", "keygen", "bgsound", "video", "audio", "source", "track",
        "marquee", "portal", "fencedframe", "xml", "xss", "image",
    }
)  # fmt: skip
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "cite", "poster", "data", "background", "dynsrc",
        "lowsrc", "ping", "srcset", "xlink:href", "codebase", "longdesc", "manifest", "icon",
    }
)  # fmt: skip
FORBIDDEN_ATTRIBUTES = frozenset(
    {"style", "srcdoc", "formaction", "background", "dynsrc", "lowsrc", "xmlns:xlink"}
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# What browsers ignore in a URL before reading its scheme: ASCII whitespace and controls.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_is_safe(url: str, *, same_site_only: bool = False) -> bool:
    """A link a reader may follow: relative, or http(s)/mailto; never javascript:, data:…"""
    cleaned = _IGNORED_IN_URL.sub("", url)
    scheme = _SCHEME.match(cleaned)
    if same_site_only:
        return scheme is None and not cleaned.startswith("//") and not cleaned.startswith("\\")
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def parse_html(html: str | ElementTree.Element) -> ElementTree.Element:
    """A page parsed as a browser parses it (a tree passes through, to parse a page once)."""
    if isinstance(html, ElementTree.Element):
        return html
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=True)


def _local(tag: str) -> tuple[str, str]:
    namespace, _, name = tag.rpartition("}")
    return namespace + "}" if namespace else "", name.lower()


def _is_our_script(element: ElementTree.Element) -> bool:
    """The admin's scripts: files on our own site, or JSON data islands."""
    src = element.get("src")
    if src is None:
        return element.get("type") == "application/json"
    return src.startswith("/") and url_is_safe(src, same_site_only=True)


def _is_admin_chrome(element: ElementTree.Element, parent: ElementTree.Element | None) -> bool:
    """The Django admin's own icons: its SVG sprite under <body> and the theme switch's
    icons in its header."""
    if _local(element.tag) != (SVG, "svg") or parent is None:
        return False
    classes = set((element.get("class") or "").split())
    return bool(classes & ADMIN_ICONS) and (
        _local(parent.tag)[1] == "body" or parent.get("class") == "theme-toggle"
    )


def _is_our_form(element: ElementTree.Element) -> bool:
    """Our forms post to our own paths with a CSRF token, or search with GET."""
    action = element.get("action", "")
    if not url_is_safe(action, same_site_only=True):
        return False
    if (element.get("method") or "get").lower() == "get":
        return True
    return any(
        field.get("name") == "csrfmiddlewaretoken" for field in element.iter(f"{XHTML}input")
    )


def _element_problems(element: ElementTree.Element, parent, admin: bool) -> list[str]:
    namespace, name = _local(element.tag)
    where = f"<{name} {dict(element.attrib)}>"
    if namespace != XHTML:
        return [f"foreign (SVG/MathML) element {where}"]
    found = []
    if name in FORBIDDEN_ELEMENTS and not (admin and name == "script" and _is_our_script(element)):
        found.append(f"element {where}")
    if name == "form" and not _is_our_form(element):
        found.append(f"form that is not ours {where}")
    parent_name = _local(parent.tag)[1] if parent is not None else ""
    if name == "meta" and (element.get("http-equiv") is not None or parent_name != "head"):
        found.append(f"meta {where}")
    if name == "link" and (
        parent_name != "head"
        or element.get("rel", "").lower() not in {"stylesheet", "canonical", "alternate"}
        or not url_is_safe(element.get("href", ""))
    ):
        found.append(f"link {where}")
    if name == "img" and not url_is_safe(element.get("src", ""), same_site_only=True):
        found.append(f"image from elsewhere {where}")
    for attribute, value in element.attrib.items():
        attr = attribute.rpartition("}")[2].lower()
        if attr.startswith("on"):
            found.append(f"event handler {attr} on {where}")
        elif attr in FORBIDDEN_ATTRIBUTES and not (admin and attr == "style"):
            found.append(f"attribute {attr} on {where}")
        elif attr in URL_ATTRIBUTES and not url_is_safe(value):
            found.append(f"unsafe URL in {attr} on {where}")
    return found


def injected(html: str | ElementTree.Element, *, admin: bool = False) -> list[str]:
    """What in a page could run, load or act: empty when every hostile string stayed text.

    `admin` allows what the Django admin itself uses: its own scripts, icons and style
    attributes.
    """
    found = []

    def visit(element: ElementTree.Element, parent) -> None:
        if not isinstance(element.tag, str):  # a comment
            return
        if admin and _is_admin_chrome(element, parent):
            return
        found.extend(_element_problems(element, parent, admin))
        for child in element:
            visit(child, element)

    visit(parse_html(html), None)
    return found


def text_of(html: str | ElementTree.Element) -> str:
    """The text a reader sees (whitespace collapsed, a line break as a space)."""
    parts = []

    def walk(element: ElementTree.Element) -> None:
        if element.tag == f"{XHTML}br":
            parts.append("\n")
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")

    walk(parse_html(html))
    return collapse("".join(parts))


def collapse(text: str) -> str:
    """Whitespace runs as one space; what HTML parsing drops or changes (NUL, CR) normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    return " ".join(text.split())


# Atom -------------------------------------------------------------------------------------


def feed_entries(xml: bytes) -> list[dict]:
    """Each entry of an Atom feed as {title, summary, author}; the feed must be well-formed."""
    root = ElementTree.fromstring(xml)  # noqa: S314 -- our own feed, built by Django
    entries = []
    for entry in root.iter(f"{ATOM}entry"):
        fields = {}
        for name in ("title", "summary", "content"):
            element = entry.find(f"{ATOM}{name}")
            if element is not None:
                fields[name] = element
        author = entry.find(f"{ATOM}author/{ATOM}name")
        fields["author"] = author
        entries.append(fields)
    return entries


def feed_problems(xml: bytes) -> list[str]:
    """Markup a feed reader would run: titles must be plain text (no child elements, no HTML
    type); HTML summaries and contents must hold only inert markup."""
    problems = []
    for entry in feed_entries(xml):
        for name, element in entry.items():
            if element is None:
                continue
            if len(element):
                problems.append(f"{name} has child elements")
            kind = element.get("type", "text")
            if name == "title" and kind != "text":
                problems.append(f"title of type {kind}")
            if kind == "html":
                problems += [f"{name}: {item}" for item in injected(element.text or "")]
    return problems


# CSV --------------------------------------------------------------------------------------


def csv_rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV without a byte order mark"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def formula_cells(rows: list[dict]) -> list[str]:
    """Cells a spreadsheet would read as a formula."""
    return [
        f"{column}={value!r}"
        for row in rows
        for column, value in row.items()
        if starts_a_formula(value or "")
    ]


def csv_unguard(cell: str) -> str:
    """The text behind a guarded cell (the guard is a leading apostrophe, added to every cell
    that could start a formula or already starts with one)."""
    return cell[1:] if cell.startswith("'") else cell


# PDF --------------------------------------------------------------------------------------


def pdf_problems(data: bytes) -> tuple[str, list[str]]:
    """The PDF's text (every page must extract) and what in it could run or reach out:
    JavaScript actions, launch actions, links that are not http(s), mailto or inside it."""
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    reader = PdfReader(io.BytesIO(data), strict=True)
    text = "\n".join(page.extract_text() for page in reader.pages)
    problems = []
    catalog = reader.trailer["/Root"]
    for key in ("/OpenAction", "/AA", "/Names"):
        value = catalog.get(key)
        if value is not None and key != "/Names":
            problems.append(f"document action {key}")
        if key == "/Names" and value is not None and "/JavaScript" in value.get_object():
            problems.append("document-level JavaScript")
    for number, page in enumerate(reader.pages, start=1):
        if "/AA" in page:
            problems.append(f"page {number} has actions")
        annotations = page.get("/Annots")
        for annotation in annotations.get_object() if annotations is not None else []:
            if isinstance(annotation, IndirectObject):
                annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is None:
                continue
            action = action.get_object()
            kind = action.get("/S")
            if kind == "/URI":
                if not url_is_safe(str(action.get("/URI", ""))):
                    problems.append(f"page {number}: link to {action.get('/URI')!r}")
            elif kind != "/GoTo":
                problems.append(f"page {number}: action {kind}")
    return text, problems
