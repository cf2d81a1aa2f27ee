"""The dossier's PDF/UA-1 structure, completed where WeasyPrint leaves gaps.

WeasyPrint (70) tags a PDF page by page, and leaves these gaps (its issues #1836 and #2482):
page furniture (running header, organisation line, "page X of Y") is marked content that hangs
from no element of the structure tree, neither real content nor an artifact; an element that
runs over a page break becomes two elements (a table splits into a caption-only table and a
caption-less one, and its repeated header row is read again); no element carries the `lang`
of its HTML element; a `<nav>` becomes a `NonStruct`; an empty text run after a figure becomes
an empty `Span`; a link's description is its target's anchor id.

`recording()` notes, while WeasyPrint builds its tags, which HTML element each structure
element comes from (a wrapper around its private `_build_box_tree`, on the releases it was
checked against, like the pydyf speed-up in exports.py); `complete()` then rewrites the PDF
with pikepdf from that record: it joins the parts of an element split by pages, turns repeated
header rows, empty runs and page furniture into artifacts (furniture as `/Pagination` with
`/Header` or `/Footer`), sets `/Lang` where an element's language differs from the document's,
makes the contents a `TOC` of `TOCI`, describes each link in words, and rebuilds the parent
tree. tests/consultations/results/test_pdfua.py checks each Matterhorn checkpoint it covers.
"""

import contextvars
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# The WeasyPrint releases whose private `pdf.tags._build_box_tree` the recording was checked
# against: from the first to the last, exclusive. Outside it the dossier is rendered without
# the record (WeasyPrint's own tags), and tests/consultations/results/test_pdfua.py fails until
# someone checks the new release and moves this range and pyproject.toml's together.
WEASYPRINT_CHECKED = ((70, 0), (71, 0))

# A marked-content sequence as WeasyPrint (pydyf) writes it: "/Span\n<</MCID 7>>\nBDC\n".
MARKED = re.compile(rb"/([A-Za-z0-9]+)\n<</MCID (\d+)>>\nBDC\n")

# Operators that paint: marked content with none of them is empty.
PAINTING = frozenset(
    {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "EI"}
)


@dataclass(slots=True)
class Source:
    """The HTML element a structure element comes from."""

    key: int  # the same for every part of one HTML element
    tag: str
    classes: frozenset[str]
    lang: str
    description: str  # a link's words
    furniture: str = ""  # "Header" or "Footer" for what a page margin shows


@dataclass
class Record:
    """What `recording()` noted during one render: structure element number → source."""

    sources: dict[int, Source] = field(default_factory=dict)
    keys: dict[int, int] = field(default_factory=dict)
    held: list = field(default_factory=list)  # the HTML elements, alive while ids are keys


_current: contextvars.ContextVar[Record | None] = contextvars.ContextVar("pdfua_record")
_margin: contextvars.ContextVar[str] = contextvars.ContextVar("pdfua_margin", default="")


def recording_applies(version: str) -> bool:
    """Whether WeasyPrint `version` is one the recording was checked on."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    return WEASYPRINT_CHECKED[0] <= numbers < WEASYPRINT_CHECKED[1]


def _words(element) -> str:
    label = element.get("aria-label") or element.get("title")
    return " ".join((label or "".join(element.itertext())).split())


def _install() -> bool:
    import weasyprint
    from weasyprint.formatting_structure import boxes
    from weasyprint.pdf import tags

    if getattr(tags, "_inepa_recording", False):
        return True
    if not recording_applies(weasyprint.__version__):
        return False
    original = tags._build_box_tree

    def build_box_tree(box, parent, pdf, page_number, nums, annotations, tag_map):
        record = _current.get(None)
        if record is None:
            yield from original(box, parent, pdf, page_number, nums, annotations, tag_map)
            return
        token = None
        if isinstance(box, boxes.MarginBox):
            token = _margin.set("Header" if box.at_keyword.startswith("@top") else "Footer")
        try:
            for element in original(box, parent, pdf, page_number, nums, annotations, tag_map):
                html = getattr(box, "_box", box).element
                if html is None and _margin.get() and element.number not in record.sources:
                    # The margins' boxes come from no HTML element: each is its own.
                    record.sources[element.number] = Source(
                        key=-element.number, tag="", classes=frozenset(), lang="",
                        description="", furniture=_margin.get(),
                    )  # fmt: skip
                elif html is not None and element.number not in record.sources:
                    key = record.keys.setdefault(id(html), len(record.keys))
                    if len(record.held) < len(record.keys):
                        record.held.append(html)
                    record.sources[element.number] = Source(
                        key=key,
                        tag=html.tag if isinstance(html.tag, str) else "",
                        classes=frozenset((html.get("class") or "").split()),
                        lang=html.get("lang") or "",
                        description=_words(html) if html.tag == "a" else "",
                        furniture=_margin.get(),
                    )
                yield element
        finally:
            if token is not None:
                _margin.reset(token)

    tags._build_box_tree = build_box_tree
    tags._inepa_recording = True
    return True


@contextmanager
def recording() -> Iterator[Record | None]:
    """Note the source of each structure element WeasyPrint makes inside this block; None
    where the installed WeasyPrint is not one the recording was checked on."""
    if not _install():
        yield None
        return
    record = Record()
    token = _current.set(record)
    try:
        yield record
    finally:
        _current.reset(token)
        record.held.clear()  # the keys stay unique: they were all given while the tree lived


# The rewrite ---------------------------------------------------------------------------------


def _kids(node) -> list:
    import pikepdf

    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _is_element(node) -> bool:
    import pikepdf

    return isinstance(node, pikepdf.Dictionary) and "/S" in node


class _Rewrite:
    def __init__(self, pdf, record: Record, language: str):
        import pikepdf

        self.pikepdf = pikepdf
        self.pdf = pdf
        self.record = record
        self.language = language
        self.pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        self.root = pdf.Root.StructTreeRoot
        self.document = _kids(self.root)[0]

    def source(self, node) -> Source | None:
        return self.record.sources.get(node.objgen[0]) if _is_element(node) else None

    def set_kids(self, node, kids: list) -> None:
        node.K = self.pikepdf.Array(kids)

    def adopt(self, node, kid, from_element) -> object:
        """`kid` (of `from_element`) as a kid of `node`: a bare MCID keeps its page."""
        if _is_element(kid):
            kid.P = node
            return kid
        if isinstance(kid, self.pikepdf.Dictionary):  # MCR or OBJR, with its own page
            if "/Pg" not in kid and "/Pg" in from_element:
                kid.Pg = from_element.Pg
            return kid
        if "/Pg" in node and "/Pg" in from_element and node.Pg.objgen == from_element.Pg.objgen:
            return kid
        return self.pdf.make_indirect(
            self.pikepdf.Dictionary(Type=self.pikepdf.Name.MCR, Pg=from_element.Pg, MCID=kid)
        )

    # 1. One element per HTML element --------------------------------------------------------

    def drop_repeated_table_rows(self) -> None:
        """A header group repeated on each page a table spans is read once (the first, and
        the last of a footer group); the repeats become artifacts."""
        groups: dict[int, list] = {}
        for node in self.elements(self.document):
            source = self.source(node)
            if source and source.tag in ("thead", "tfoot"):
                groups.setdefault(source.key, []).append(node)
        for nodes in groups.values():
            keep = nodes[0] if self.source(nodes[0]).tag == "thead" else nodes[-1]
            for node in nodes:
                if node is not keep and node.objgen != keep.objgen:
                    self.detach(node)

    def detach(self, node) -> None:
        parent = node.P
        self.set_kids(parent, [kid for kid in _kids(parent) if kid.objgen != node.objgen])

    def join(self, node) -> None:
        """Join the parts of one HTML element: a kid from the same element as `node` is
        unwrapped into it, and neighbouring kids from one element become one."""
        key = self.source(node).key if self.source(node) else None
        kids: list = []
        for kid in _kids(node):
            source = self.source(kid)
            # A part of its own element in another role (a list item's label and body) stays;
            # one in the same role or in none (a pseudo-element's box) is unwrapped.
            if source is not None and source.key == key and kid.S in (node.S, "/NonStruct"):
                self.join(kid)
                kids.extend(self.adopt(node, grandkid, kid) for grandkid in _kids(kid))
                continue
            previous = self.source(kids[-1]) if kids else None
            if (
                source is not None
                and previous is not None
                and previous.key == source.key
                and kids[-1].S == kid.S
            ):
                kept = kids[-1]
                self.set_kids(kept, _kids(kept) + [self.adopt(kept, k, kid) for k in _kids(kid)])
                continue
            kids.append(kid)
        self.set_kids(node, kids)
        for kid in kids:
            if _is_element(kid):
                self.join(kid)

    def link_table_headers(self) -> None:
        """Give each header cell of a joined table an ID and each data cell the IDs of its
        column's and its row's header cells (WeasyPrint names them per page's part, so the
        cells of a part after a page break point at the header repeated there)."""
        name, string = self.pikepdf.Name, self.pikepdf.String
        for number, table in enumerate(
            node for node in self.elements(self.document) if str(node.S) == "/Table"
        ):
            columns: dict[int, list] = {}
            for group in _kids(table):
                if not _is_element(group) or group.S not in (name.THead, name.TBody, name.TFoot):
                    continue
                for row_number, row in enumerate(_kids(group)):
                    if not _is_element(row):
                        continue
                    row_headers, cells, column = [], [], 0
                    for cell in _kids(row):
                        if not _is_element(cell):
                            continue
                        span = int(cell.get("/A", {}).get("/ColSpan", 1))
                        cells.append((cell, range(column, column + span)))
                        if cell.S == name.TH:
                            cell.ID = string(
                                f"t{number}-{str(group.S)[1:].lower()}{row_number}-c{column}"
                            )
                            if str(group.S) == "/THead":
                                for index in range(column, column + span):
                                    columns.setdefault(index, []).append(cell.ID)
                            else:
                                row_headers.append(cell.ID)
                        column += span
                    for cell, spanned in cells:
                        if cell.S == name.TD:
                            headers = row_headers + [h for i in spanned for h in columns.get(i, [])]
                            if "/A" not in cell:
                                cell.A = self.pikepdf.Dictionary(O=name.Table)
                            cell.A.Headers = self.pikepdf.Array(headers)

    # 2. Roles, languages, words ---------------------------------------------------------------

    def elements(self, node) -> Iterator:
        for kid in _kids(node):
            if _is_element(kid):
                yield kid
                yield from self.elements(kid)

    def roles_and_languages(self) -> None:
        name = self.pikepdf.Name
        for node in list(self.elements(self.document)):
            source = self.source(node)
            if source is None:
                continue
            if source.lang and source.lang.split("-")[0] != self.language:
                node.Lang = self.pikepdf.String(source.lang)
            if source.tag == "nav":
                node.S = name.Sect
            elif source.tag == "ol" and "toc-entries" in source.classes:
                node.S = name.TOC
                for item in _kids(node):
                    if _is_element(item):
                        item.S = name.TOCI
                        # An item's body is the item itself (TOCI holds its link directly).
                        body = [kid for kid in _kids(item) if _is_element(kid)]
                        kids = []
                        for kid in _kids(item):
                            if _is_element(kid) and kid.S in (name.LBody, name.Lbl):
                                kids.extend(self.adopt(item, k, kid) for k in _kids(kid))
                            else:
                                kids.append(kid)
                        if body:
                            self.set_kids(item, kids)

    def describe_links(self) -> None:
        for node in self.elements(self.document):
            source = self.source(node)
            if source is None or source.tag != "a" or not source.description:
                continue
            for kid in _kids(node):
                if isinstance(kid, self.pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    kid.Obj.Contents = self.pikepdf.String(source.description)

    # 3. Empty runs, artifacts, the parent tree ------------------------------------------------

    def painted(self) -> tuple[dict[int, set[int]], dict[int, list[int]]]:
        """Per page, the MCIDs whose content paints something, and every MCID in order (one
        page's instructions at a time: a long dossier's would not fit in memory at once)."""
        painted: dict[int, set[int]] = {}
        marked: dict[int, list[int]] = {}
        for index, page in enumerate(self.pdf.pages):
            stack: list[int | None] = []
            marks, order = painted.setdefault(index, set()), marked.setdefault(index, [])
            for instruction in self.pikepdf.parse_content_stream(page):
                operator = str(instruction.operator)
                if operator in ("BDC", "BMC"):
                    props = instruction.operands[1] if operator == "BDC" else None
                    mcid = None
                    if isinstance(props, self.pikepdf.Dictionary) and "/MCID" in props:
                        mcid = int(props.MCID)
                        order.append(mcid)
                    stack.append(mcid)
                elif operator == "EMC":
                    if stack:
                        stack.pop()
                elif operator in PAINTING:
                    marks.update(mcid for mcid in stack if mcid is not None)
        return painted, marked

    def prune(self, node, painted: dict[int, set[int]]) -> bool:
        """Drop empty marked content and elements left with nothing; True if `node` keeps any."""
        kids = []
        for kid in _kids(node):
            if _is_element(kid):
                if self.prune(kid, painted):
                    kids.append(kid)
            elif isinstance(kid, self.pikepdf.Dictionary):
                page = self.pages.get(kid.Pg.objgen) if "/Pg" in kid else None
                if kid.get("/Type") == "/OBJR" or int(kid.MCID) in painted.get(page, ()):
                    kids.append(kid)
            elif int(kid) in painted.get(self.pages.get(node.Pg.objgen), ()):
                kids.append(kid)
        self.set_kids(node, kids)
        return bool(kids)

    def tagged(self) -> tuple[dict[tuple[int, int], object], list[tuple[object, object]]]:
        """(page, MCID) → its element, and (annotation, element) pairs, from the tree."""
        marks: dict[tuple[int, int], object] = {}
        annotations = []
        for node in self.elements(self.root):
            for kid in _kids(node):
                if _is_element(kid):
                    continue
                if isinstance(kid, self.pikepdf.Dictionary):
                    if kid.get("/Type") == "/OBJR":
                        annotations.append((kid.Obj, node))
                    else:
                        marks[(self.pages[kid.Pg.objgen], int(kid.MCID))] = node
                else:
                    marks[(self.pages[node.Pg.objgen], int(kid))] = node
        return marks, annotations

    def furniture_of(self, old_parents: dict[tuple[int, int], object]) -> dict:
        """(page, MCID) → "Header"/"Footer" for the text of the page margins."""
        found = {}
        for mark, node in old_parents.items():
            while _is_element(node):
                source = self.source(node)
                if source is not None:
                    if source.furniture:
                        found[mark] = source.furniture
                    break
                node = node.get("/P")
        return found

    def old_parent_tree(self) -> dict[tuple[int, int], object]:
        nums = list(self.root.ParentTree.Nums)
        by_key = dict(zip(nums[::2], nums[1::2], strict=True))
        marks = {}
        for index, page in enumerate(self.pdf.pages):
            entry = by_key.get(int(page.get("/StructParents", index)))
            if isinstance(entry, self.pikepdf.Array):
                for mcid, node in enumerate(entry):
                    if _is_element(node):
                        marks[(index, mcid)] = node
        return marks

    def write_artifacts(self, marked: dict, marks: dict, furniture: dict, painted: dict) -> None:
        """Marked content in no element becomes an artifact: page furniture as pagination
        (header or footer), a repeated table header as pagination, an empty run as nothing."""
        for index, page in enumerate(self.pdf.pages):
            mcids = marked.get(index, [])
            artifacts = {}
            for mcid in mcids:
                if (index, mcid) in marks:
                    continue
                if mcid not in painted.get(index, ()):
                    artifacts[mcid] = ([self.pikepdf.Name.Artifact], "BMC")
                else:
                    properties = self.pikepdf.Dictionary(Type=self.pikepdf.Name.Pagination)
                    if (index, mcid) in furniture:
                        properties.Subtype = self.pikepdf.Name(f"/{furniture[(index, mcid)]}")
                    artifacts[mcid] = ([self.pikepdf.Name.Artifact, properties], "BDC")
            if artifacts:
                self.rewrite_marks(page, mcids, artifacts)

    def rewrite_marks(self, page, mcids: list, artifacts: dict) -> None:
        """Rewrite the marked-content operators of `artifacts` (MCID → operands, operator): in
        the stream's bytes where WeasyPrint wrote them in its usual form (fast), else through
        pikepdf's parser (slow, any form)."""
        contents = page.get("/Contents")
        if isinstance(contents, self.pikepdf.Stream):
            raw = contents.read_bytes()
            if len(MARKED.findall(raw)) == len(mcids):

                def replace(match):
                    found = artifacts.get(int(match[2]))
                    if found is None:
                        return match[0]
                    operands, operator = found
                    return self.pikepdf.unparse_content_stream([(operands, operator)]) + b"\n"

                page.Contents = self.pdf.make_stream(MARKED.sub(replace, raw))
                return
        rewritten = []
        for instruction in self.pikepdf.parse_content_stream(page):
            operands, operator = list(instruction.operands), instruction.operator
            if str(operator) == "BDC" and isinstance(operands[1], self.pikepdf.Dictionary):
                found = artifacts.get(int(operands[1].get("/MCID", -1)))
                if found is not None:
                    operands, operator = found[0], self.pikepdf.Operator(found[1])
            rewritten.append((operands, operator))
        page.Contents = self.pdf.make_stream(self.pikepdf.unparse_content_stream(rewritten))

    def write_parent_tree(self, marks: dict, annotations: list) -> None:
        nums = []
        for index, page in enumerate(self.pdf.pages):
            page.StructParents = index
            mcids = sorted(mcid for (page_index, mcid) in marks if page_index == index)
            entries = [None] * ((mcids[-1] + 1) if mcids else 0)
            for mcid in mcids:
                entries[mcid] = marks[(index, mcid)]
            nums += [index, self.pikepdf.Array(entries)]
        key = len(self.pdf.pages)
        for annotation, node in annotations:
            annotation.StructParent = key
            nums += [key, node]
            key += 1
        self.root.ParentTree = self.pdf.make_indirect(
            self.pikepdf.Dictionary(Nums=self.pikepdf.Array(nums))
        )
        self.root.ParentTreeNextKey = key

    def run(self) -> None:
        old_parents = self.old_parent_tree()
        furniture = self.furniture_of(old_parents)
        self.drop_repeated_table_rows()
        self.join(self.document)
        self.link_table_headers()
        self.roles_and_languages()
        self.describe_links()
        painted, marked = self.painted()
        self.prune(self.document, painted)
        marks, annotations = self.tagged()
        self.write_artifacts(marked, marks, furniture, painted)
        self.write_parent_tree(marks, annotations)


def complete(content: bytes, record: Record | None, *, language: str) -> bytes:
    """The PDF `content` with its structure completed from `record` (see the module)."""
    if record is None:
        return content
    import pikepdf

    with pikepdf.open(io.BytesIO(content)) as pdf:
        _Rewrite(pdf, record, language).run()
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
