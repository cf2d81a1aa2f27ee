"""The dossier is PDF/UA-1 by structure: one test per Matterhorn Protocol 1.1 checkpoint the
project checks by machine (veraPDF is not obtainable here; the README lists what these cover and
what they do not). Each reads the PDF with pikepdf on its own terms, not through the code that
wrote it."""

import io
import itertools
import re
from collections import Counter
from datetime import timedelta

import pikepdf
import pytest
from django.db import transaction
from django.utils import timezone

from consultations.models import Vote
from consultations.results import exports, pdfua
from tests.consultations.factories import CommentFactory, SectionFactory, VoteFactory
from tests.consultations.results.closed_consultation import closed_consultation
from tests.factories import CitizenFactory

# Every test may touch the database (the module's dossiers are made in one, rolled back).
pytestmark = pytest.mark.django_db

ENGLISH_COMMENT = "Please publish the budget lines in English as well."
SLOVENIAN_COMMENT = "Predlagam tudi objavo proračunskih postavk."
EXTRA_SECTIONS = 30  # enough rows for the tables of sections to run over a page


def _consultation():
    """A closed consultation whose tables of sections span pages, with a comment in each
    language, a section text with headings and a comment with a heading and a link."""
    consultation = closed_consultation(closes_in_days=5)  # open while people take part
    citizen = CitizenFactory(display_name="Dana")
    for number in range(EXTRA_SECTIONS):
        section = SectionFactory(
            consultation=consultation,
            position=10 + number,
            heading_sl=f"Dodatno poglavje {number}",
            heading_en=f"Further section {number}",
            body_sl="## Obseg\n\nBesedilo poglavja:\n\n1. prvo,\n2. **drugo**.\n\n"
            "### Izjeme\n\n- nobene\n- res ne",
            body_en="## Scope\n\nThe section's text:\n\n1. first,\n2. **second**.\n\n"
            "### Exceptions\n\n- none\n- really none",
        )
        VoteFactory(consultation=consultation, section=section, user=citizen,
                    choice=Vote.Choice.AGREE)  # fmt: skip
    first = consultation.sections.order_by("position").first()
    CommentFactory(consultation=consultation, section=first, language="en",
                   body=ENGLISH_COMMENT)  # fmt: skip
    CommentFactory(consultation=consultation, section=first, language="sl",
                   body=SLOVENIAN_COMMENT)  # fmt: skip
    CommentFactory(
        consultation=consultation,
        section=first,
        language="sl",
        body="# Moj naslov\n\nGlej [pravila sodelovanja](/sl/consultations/).",
    )
    type(consultation).objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(days=1)
    )
    consultation.refresh_from_db()
    return consultation


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker) -> dict:
    """Both dossiers, rendered once for the module (the data rolled back afterwards)."""
    with django_db_blocker.unblock(), transaction.atomic():
        consultation = _consultation()
        rendered = {
            "sections": consultation.sections.count(),
            "sl": exports.results_pdf(consultation, "sl"),
            "en": exports.results_pdf(consultation, "en"),
        }
        transaction.set_rollback(True)
    return rendered


@pytest.fixture
def sections(rendered) -> int:
    return rendered["sections"]


@pytest.fixture
def dossier_sl(rendered) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(rendered["sl"]))


@pytest.fixture
def dossier_en(rendered) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(rendered["en"]))


def _kids(node) -> list:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _is_element(node) -> bool:
    return isinstance(node, pikepdf.Dictionary) and "/S" in node


def _elements(pdf: pikepdf.Pdf) -> list:
    """The structure elements in reading order."""
    found = []

    def walk(node):
        for kid in _kids(node):
            if _is_element(kid):
                found.append(kid)
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return found


def _of(pdf: pikepdf.Pdf, role: str) -> list:
    return [node for node in _elements(pdf) if str(node.S) == role]


def _pages(pdf: pikepdf.Pdf) -> dict:
    return {page.objgen: index for index, page in enumerate(pdf.pages)}


def _tagged(pdf: pikepdf.Pdf) -> Counter:
    """(page, MCID) → how many structure elements hold it."""
    pages = _pages(pdf)
    held = Counter()
    for node in _elements(pdf):
        for kid in _kids(node):
            if _is_element(kid):
                continue
            if isinstance(kid, pikepdf.Dictionary):
                if kid.get("/Type") == "/MCR":
                    held[(pages[kid.Pg.objgen], int(kid.MCID))] += 1
            else:
                held[(pages[node.Pg.objgen], int(kid))] += 1
    return held


def _marked_content(pdf: pikepdf.Pdf):
    """Each marked-content sequence: (page, tag, properties, enclosing sequences' tags)."""
    for index, page in enumerate(pdf.pages):
        stack = []
        for instruction in pikepdf.parse_content_stream(page):
            operator = str(instruction.operator)
            if operator in ("BDC", "BMC"):
                tag = str(instruction.operands[0])
                props = instruction.operands[1] if operator == "BDC" else pikepdf.Dictionary()
                yield index, tag, props, [outer for outer, _props in stack]
                stack.append((tag, props))
            elif operator == "EMC":
                stack.pop()


# 01 Real content tagged -----------------------------------------------------------------------


def test_01_005_every_marked_content_is_in_the_structure_tree_or_an_artifact(dossier_sl):
    held = _tagged(dossier_sl)
    sequences = list(_marked_content(dossier_sl))
    with_mcid = [(page, int(props.MCID)) for page, tag, props, _outer in sequences
                 if "/MCID" in props]  # fmt: skip
    untagged = [page for page, tag, props, _outer in sequences
                if tag != "/Artifact" and "/MCID" not in props]  # fmt: skip

    assert len(with_mcid) > 300
    assert [mark for mark in with_mcid if held[mark] != 1] == []  # each in exactly one element
    assert set(held) == set(with_mcid)  # and the tree holds nothing that is not on a page
    assert untagged == []


def test_01_003_and_01_004_artifacts_and_tagged_content_do_not_nest(dossier_sl):
    sequences = list(_marked_content(dossier_sl))

    artifact_in_content = [s for s in sequences if s[1] == "/Artifact" and
                           any(tag != "/Artifact" for tag in s[3])]  # fmt: skip
    content_in_artifact = [s for s in sequences if s[1] != "/Artifact" and "/Artifact" in s[3]]

    assert artifact_in_content == []
    assert content_in_artifact == []


def test_parent_tree_maps_each_mcid_and_link_to_the_element_that_holds_it(dossier_sl):
    nums = list(dossier_sl.Root.StructTreeRoot.ParentTree.Nums)
    tree = dict(zip(nums[::2], nums[1::2], strict=True))
    pages = _pages(dossier_sl)
    for node in _elements(dossier_sl):
        for kid in _kids(node):
            if _is_element(kid):
                continue
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                assert tree[int(kid.Obj.StructParent)].objgen == node.objgen
                continue
            page = kid.Pg if isinstance(kid, pikepdf.Dictionary) else node.Pg
            mcid = int(kid.MCID) if isinstance(kid, pikepdf.Dictionary) else int(kid)
            entries = tree[int(dossier_sl.pages[pages[page.objgen]].StructParents)]
            assert entries[mcid].objgen == node.objgen


# 18 Page headers and footers ------------------------------------------------------------------


def test_18_001_and_18_002_page_furniture_is_a_pagination_artifact_header_or_footer(dossier_sl):
    furniture = Counter()
    for page, tag, props, _outer in _marked_content(dossier_sl):
        if tag == "/Artifact" and props.get("/Type") == "/Pagination" and "/Subtype" in props:
            furniture[(page, str(props.Subtype))] += 1
    pages = len(dossier_sl.pages)

    # The cover shows only "page 1 of N"; every other page the running title (a header), the
    # organisation and "page X of Y" (two footers).
    assert furniture[(0, "/Footer")] == 1
    assert furniture[(0, "/Header")] == 0
    for page in range(1, pages):
        assert (furniture[(page, "/Header")], furniture[(page, "/Footer")]) == (1, 2)


# 06, 07 Metadata and the catalog -----------------------------------------------------------------


def test_06_001_to_06_003_and_07_001_metadata_names_pdf_ua_and_the_title(dossier_sl):
    with dossier_sl.open_metadata() as meta:
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"].startswith("Osnutek listine o odprtih podatkih")
    assert bool(dossier_sl.Root.ViewerPreferences.DisplayDocTitle) is True
    assert bool(dossier_sl.Root.MarkInfo.Marked) is True


# 09 Appropriate tags --------------------------------------------------------------------------


def test_09_004_each_table_is_one_element_caption_header_body_in_order(dossier_sl, sections):
    tables = _of(dossier_sl, "/Table")

    # Participation, the draft's tally and votes on each section; one tally per part (the
    # draft as a whole and each section); moderation: each once, however many pages it spans.
    assert len(tables) == 3 + 1 + sections + 1
    for table in tables:
        roles = [str(kid.S) for kid in _kids(table) if _is_element(kid)]
        assert roles[0] == "/Caption"
        assert roles[1:] in (["/THead", "/TBody"], ["/THead", "/TBody", "/TFoot"])
        for group in _kids(table)[1:]:
            assert {str(row.S) for row in _kids(group)} == {"/TR"}
            for row in _kids(group):
                assert {str(cell.S) for cell in _kids(row)} <= {"/TH", "/TD"}


def test_09_004_votes_on_each_section_are_one_table_header_repeated_as_artifact(
    dossier_sl, sections
):
    pages = _pages(dossier_sl)
    # The table of votes on each section: the one whose body has a row per section and whose
    # header row has five cells (the participation table has a total row too).
    votes = [t for t in _of(dossier_sl, "/Table")
             if len(_kids(_kids(t)[2])) == sections and len(_kids(t)) == 3]  # fmt: skip
    assert len(votes) == 1
    table = votes[0]
    body_pages = {pages[row.Pg.objgen] for row in _kids(_kids(table)[2])}
    assert len(body_pages) >= 2  # it does run over a page
    assert len(_kids(_kids(table)[1])) == 1  # one header row in the structure
    # On the page it continues on, the header row is drawn again, as a pagination artifact.
    later = max(body_pages)
    repeated = [props for page, tag, props, _outer in _marked_content(dossier_sl)
                if page == later and tag == "/Artifact" and props.get("/Type") == "/Pagination"
                and "/Subtype" not in props]  # fmt: skip
    assert len(repeated) >= 5


def test_09_005_lists_hold_items_and_items_hold_labels_and_bodies(dossier_sl, sections):
    items = _of(dossier_sl, "/LI")
    # Two lists of two items in each section's text (the closed consultation's two have none).
    assert len(items) >= 4 * (sections - 2)
    assert all(str(_kids(item)[0].S) == "/Lbl" for item in items)
    for node in _of(dossier_sl, "/L"):
        assert {str(kid.S) for kid in _kids(node) if _is_element(kid)} <= {"/LI", "/L", "/Caption"}
    for node in _of(dossier_sl, "/LI"):
        assert {str(kid.S) for kid in _kids(node) if _is_element(kid)} <= {"/Lbl", "/LBody"}


def test_09_006_contents_are_a_toc_of_items_each_one_link(dossier_sl, sections):
    (toc,) = _of(dossier_sl, "/TOC")
    items = _kids(toc)
    annotations = {
        annotation.objgen: annotation
        for page in dossier_sl.pages
        for annotation in page.get("/Annots", [])
    }

    # What we did, summary, votes, the draft as a whole, each section, moderation, method.
    assert len(items) == 3 + 1 + sections + 2
    assert {str(item.S) for item in items} == {"/TOCI"}
    assert toc.P.S == "/Sect"  # with the "Contents" heading before it
    for item in items:
        links = [kid for kid in _kids(item) if _is_element(kid) and kid.S == "/Link"]
        assert len(links) == 1
        (objr,) = [kid for kid in _kids(links[0]) if not _is_element(kid)
                   and isinstance(kid, pikepdf.Dictionary)]  # fmt: skip
        assert objr.Obj.objgen in annotations
        # The link's own text is one run (the heading); the page number stands beside it.
        assert len([kid for kid in _kids(links[0]) if not isinstance(kid, pikepdf.Dictionary)]) == 1


# 11 Natural language --------------------------------------------------------------------------


def test_11_001_a_comment_in_the_other_language_carries_its_lang(dossier_sl, dossier_en):
    assert str(dossier_sl.Root.Lang) == "sl"
    assert str(dossier_en.Root.Lang) == "en"
    in_sl = Counter(str(node.Lang) for node in _elements(dossier_sl) if "/Lang" in node)
    in_en = Counter(str(node.Lang) for node in _elements(dossier_en) if "/Lang" in node)

    # Slovenian dossier: the one English comment. English dossier: the Slovenian comments
    # (the closed consultation's three shown and the two added here).
    assert in_sl == {"en": 1}
    assert in_en == {"sl": 5}


def test_11_001_the_lang_sits_on_the_comments_text_not_on_the_dossiers_words(dossier_sl):
    (english,) = [node for node in _elements(dossier_sl) if "/Lang" in node]

    # The byline (author, date, supporters) is the dossier's own words, in Slovenian.
    assert english.P.S == "/Art"
    assert _kids(english.P)[0].S == "/P"
    assert "/Lang" not in _kids(english.P)[0]


# 13 Graphics ----------------------------------------------------------------------------------


def test_13_004_every_figure_has_alternative_text(dossier_sl, sections):
    figures = _of(dossier_sl, "/Figure")

    # The organisation's mark, the draft's chart under "Votes", and one chart per part (the
    # draft as a whole and each section).
    assert len(figures) == 1 + 1 + 1 + sections
    assert str(figures[0].get("/Alt", "")) == "Znak organizacije INePA"
    assert all(str(figure.get("/Alt", "")).strip() for figure in figures)


# 14 Headings ----------------------------------------------------------------------------------


def test_14_002_and_14_003_headings_start_at_h1_and_never_skip_a_level(dossier_sl):
    levels = [int(str(node.S)[2:]) for node in _elements(dossier_sl)
              if re.fullmatch(r"/H[1-6]", str(node.S))]  # fmt: skip

    assert levels[0] == 1
    assert [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1] == []
    assert 4 in levels  # the comment's own "# heading" sits under "Published comments"


def test_14_006_no_element_holds_two_h_tags_and_none_is_empty(dossier_sl):
    for node in _elements(dossier_sl):
        assert sum(1 for kid in _kids(node) if _is_element(kid) and kid.S == "/H") == 0
        assert _kids(node), f"empty {node.S}"


def test_no_empty_span_follows_a_figure(dossier_sl):
    for figure in _of(dossier_sl, "/Figure"):
        siblings = [kid for kid in _kids(figure.P) if _is_element(kid)]
        after = siblings[[s.objgen for s in siblings].index(figure.objgen) + 1 :]
        for node in after[:1]:
            assert _kids(node)  # whatever follows holds content


# 15 Tables ------------------------------------------------------------------------------------


def test_15_003_every_data_cell_names_header_cells_of_its_own_table(dossier_sl):
    for table in _of(dossier_sl, "/Table"):
        cells = []
        stack = list(_kids(table))
        while stack:
            node = stack.pop()
            if _is_element(node):
                cells += [node] if node.S in ("/TH", "/TD") else []
                stack.extend(_kids(node))
        ids = {str(cell.ID) for cell in cells if cell.S == "/TH"}
        data = [cell for cell in cells if cell.S == "/TD"]
        assert data
        for cell in data:
            headers = [str(header) for header in cell.A.Headers]
            assert len(headers) == 2  # its row's and its column's
            assert set(headers) <= ids


# 28 Annotations -------------------------------------------------------------------------------


def test_28_011_and_28_012_each_link_is_in_a_link_tag_and_described_in_words(
    dossier_sl, dossier_en
):
    for pdf, contents in ((dossier_sl, "Vsebina"), (dossier_en, "Contents")):
        in_links = {
            kid.Obj.objgen
            for node in _of(pdf, "/Link")
            for kid in _kids(node)
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"
        }
        described = []
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if annotation.Subtype == "/Link":
                    assert annotation.objgen in in_links
                    assert page.Tabs == "/S"  # 28-008, 28-009
                    described.append(str(annotation.Contents))
        assert described
        assert [text for text in described if re.fullmatch(r"[a-z]+(-\d+)?", text)] == []
        assert contents not in described  # the contents heading itself is no link
    sl = [str(a.Contents) for p in dossier_sl.pages for a in p.get("/Annots", [])]
    en = [str(a.Contents) for p in dossier_en.pages for a in p.get("/Annots", [])]
    assert "Kaj smo naredili z vašimi predlogi" in sl
    assert "What we did with your input" in en
    assert "pravila sodelovanja" in sl  # a comment's link, by its words


# The recording ------------------------------------------------------------------------------------


def test_the_installed_weasyprint_is_one_the_structure_recording_was_checked_on():
    import weasyprint

    assert pdfua.recording_applies(weasyprint.__version__), (
        "Check consultations/results/pdfua.py against this WeasyPrint release, then move "
        "WEASYPRINT_CHECKED and pyproject.toml's range together."
    )


@pytest.mark.parametrize(
    ("version", "applies"), [("70.0", True), ("70.2", True), ("69.0", False), ("71.0", False)]
)
def test_the_recording_leaves_unchecked_weasyprint_releases_alone(version, applies):
    assert pdfua.recording_applies(version) is applies


def test_headings_of_a_text_move_under_the_dossiers_own():
    html = "<h2>A</h2><p>x</p><h4>B</h4><h2 class='c'>C</h2>"

    assert exports.headings_from(html, 4) == "<h4>A</h4><p>x</p><h5>B</h5><h4 class='c'>C</h4>"
    assert exports.headings_from("<p>none</p>", 3) == "<p>none</p>"


# The dossier as a reader meets it (#13) --------------------------------------------------------


def _first_page(node, pages: dict) -> int | None:
    """The page of the first marked content an element holds."""
    for kid in _kids(node):
        if _is_element(kid):
            found = _first_page(kid, pages)
            if found is not None:
                return found
        elif isinstance(kid, pikepdf.Dictionary):
            if kid.get("/Type") == "/MCR":
                return pages[kid.Pg.objgen]
        else:
            return pages[node.Pg.objgen]
    return None


def _last_page(node, pages: dict) -> int | None:
    for kid in reversed(_kids(node)):
        if _is_element(kid):
            found = _last_page(kid, pages)
            if found is not None:
                return found
        elif isinstance(kid, pikepdf.Dictionary):
            if kid.get("/Type") == "/MCR":
                return pages[kid.Pg.objgen]
        else:
            return pages[node.Pg.objgen]
    return None


def test_headings_and_captions_stay_on_the_page_of_what_follows_them(dossier_sl, dossier_en):
    for pdf in (dossier_sl, dossier_en):
        pages = _pages(pdf)
        checked = 0
        for node in _elements(pdf):
            if str(node.S) not in ("/H2", "/H3", "/H4", "/Caption"):
                continue
            siblings = [kid for kid in _kids(node.P) if _is_element(kid)]
            after = siblings[[kid.objgen for kid in siblings].index(node.objgen) + 1 :]
            if not after:
                continue
            checked += 1
            assert _last_page(node, pages) == _first_page(after[0], pages), (
                f"{node.S} stranded at the foot of page {_last_page(node, pages) + 1}"
            )
        assert checked > 60


def test_sections_flow_on_without_a_page_each(dossier_sl, sections):
    pages = _pages(dossier_sl)
    parts = [node for node in _elements(dossier_sl)
             if node.S == "/Sect" and _kids(node) and _kids(node)[0].S == "/H2"]  # fmt: skip
    shared = sum(
        1
        for before, after in itertools.pairwise(parts)
        if _first_page(after, pages) == _last_page(before, pages)
    )

    # Short sections share pages: most begin on the page where the one before them ends.
    assert shared > (1 + sections) // 2


def test_each_section_shows_its_text_before_its_votes_and_comments(dossier_en):
    section = [
        node for node in _of(dossier_en, "/Sect")
        if _kids(node) and str(_kids(node)[0].S) == "/H2" and len(_kids(node)) > 3
        and str(_kids(node)[1].S) == "/Div"
    ][-1]  # fmt: skip
    roles = [str(kid.S) for kid in _kids(section)]

    # Heading, the section's text, its figures line, its tally (table and chart), then comments.
    assert roles[:5] == ["/H2", "/Div", "/P", "/Div", "/H3"]
    assert [str(kid.S) for kid in _kids(_kids(section)[3])] == ["/Table", "/Figure"]
    text = [str(kid.S) for kid in _kids(_kids(section)[1]) if _is_element(kid)]
    # The label, then the text's "## Scope" and "### Exceptions" under the section's heading.
    assert text == ["/P", "/H3", "/P", "/L", "/H4", "/L"]


def test_the_cover_carries_the_organisations_name_and_mark(rendered):
    from tests.consultations.results.closed_consultation import pdf_text

    cover = " ".join(pdf_text(rendered["sl"]).split("\n")[:3])
    pdf = pikepdf.open(io.BytesIO(rendered["sl"]))
    first_figure = _of(pdf, "/Figure")[0]

    assert "Zavod INePA" in cover
    assert str(first_figure.Alt) == "Znak organizacije INePA"


@pytest.mark.parametrize(
    "stream",
    [
        # WeasyPrint's usual form, and any other.
        b"/Span\n<</MCID 0>>\nBDC\nBT\nET\nEMC\n/P\n<</MCID 1>>\nBDC\n0 0 5 5 re\nf\nEMC\n",
        b"/Span <</MCID 0>> BDC BT ET EMC /P <</MCID 1 >> BDC 0 0 5 5 re f EMC",
    ],
)
def test_a_run_in_no_element_becomes_an_artifact_whatever_form_the_stream_has(stream):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.Contents = pdf.make_stream(stream)
    rewrite = pdfua._Rewrite.__new__(pdfua._Rewrite)
    rewrite.pikepdf, rewrite.pdf = pikepdf, pdf

    rewrite.rewrite_marks(page, [0, 1], {0: ([pikepdf.Name.Artifact], "BMC")})

    operators = [(str(i.operator), [str(o) for o in i.operands])
                 for i in pikepdf.parse_content_stream(page)]  # fmt: skip
    assert operators[0] == ("BMC", ["/Artifact"])
    assert [operator for operator, _operands in operators] == [
        "BMC", "BT", "ET", "EMC", "BDC", "re", "f", "EMC"
    ]  # fmt: skip
    assert operators[4][1][0] == "/P"  # the run in an element keeps its tag
