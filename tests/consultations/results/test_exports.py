"""The results files themselves: what a reader finds in the PDF, the CSV and the JSON."""

import csv
import io
import json

import pydyf
import pytest
from django.utils import timezone
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from consultations.models import Comment
from consultations.results import exports
from tests.consultations.factories import CommentFactory, ConsultationFactory, VoteFactory
from tests.consultations.results.closed_consultation import (
    HIDDEN_TEXT,
    PUBLISHED_TEXT,
    REPLY_TEXT,
    closed_consultation,
    pdf_reader,
    pdf_text,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation():
    return closed_consultation()


def _flat(text: str) -> str:
    """PDF text without line breaks (WeasyPrint wraps lines; words stay whole)."""
    return " ".join(text.split())


def test_pdf_shows_title_figures_comments_and_responses_in_slovenian(consultation):
    pdf = exports.results_pdf(consultation, "sl")

    text = _flat(pdf_text(pdf))
    assert "Osnutek listine o odprtih podatkih: čšž ČŠŽ ćđ ĆĐ" in text
    assert "Zavod INePA" in text
    assert _flat(PUBLISHED_TEXT) in text
    assert REPLY_TEXT in text
    assert "Ana Žagar" in text
    assert "Čakalne dobe smo dodali." in text  # the official response, in Slovenian
    assert "Seznamu smo dodali čakalne dobe." in text  # what we did with your input
    # the draft as a whole: 2 agree, 1 disagree, 0 abstain
    assert "2 (67 %)" in text
    assert "1 (33 %)" in text


def test_pdf_never_contains_a_hidden_comment(consultation):
    assert Comment.objects.filter(body=HIDDEN_TEXT, status=Comment.Status.HIDDEN).exists()

    text = _flat(pdf_text(exports.results_pdf(consultation, "en")))

    assert HIDDEN_TEXT not in text
    assert "Kupite" not in text
    assert "Published comments" in text


def test_pdf_is_tagged_titled_in_its_language_with_bookmarks_and_embedded_fonts(consultation):
    reader = pdf_reader(exports.results_pdf(consultation, "en"))

    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert reader.metadata.title == "Draft open data charter"
    assert reader.pdf_header == "%PDF-1.7"
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    nested = [item.title for group in reader.outline if isinstance(group, list) for item in group]
    assert "Draft open data charter" in bookmarks
    assert {"Purpose", "Formats", "The draft as a whole", "Moderation", "Method"} <= set(nested)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor  # embedded
            fonts.add(font["/BaseFont"].split("+", 1)[1])
    assert fonts <= {
        "INePA-Dossier-Sans",
        "INePA-Dossier-Sans-Bold",
        "INePA-Dossier-Sans-Italic",
        "INePA-Dossier-Sans-Bold-Italic",
    }
    first, last = reader.pages[1].extract_text(), reader.pages[-1].extract_text()
    assert f"page 2 of {len(reader.pages)}" in first
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in last


def test_pdf_draws_each_tally_as_an_svg_chart_with_a_text_alternative(consultation):
    data = exports.results_data(consultation, "en")

    chart = exports.tally_chart_svg(data["tally"], chart_id="t", title="Votes on the draft")

    assert chart.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<title>Votes on the draft</title>" in chart
    assert 'fill="url(#t-hatch)"' in chart  # disagree is hatched, not only coloured
    assert "2 (67 %)" in chart


def test_pdf_says_interim_while_the_consultation_is_open():
    consultation = closed_consultation(closes_in_days=5)

    text = _flat(pdf_text(exports.results_pdf(consultation, "en")))

    assert "INTERIM RESULTS DOSSIER" in text  # the cover's kicker, in capitals
    assert "Interim: this consultation is still open" in text


def test_csv_has_tallies_and_published_comments_and_opens_in_a_spreadsheet(consultation):
    content = exports.results_csv(consultation, "sl")

    assert content.startswith("\ufeff".encode())  # the BOM tells spreadsheets it is UTF-8
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    tallies = [row for row in rows if row["record"] == "tally"]
    assert [(row["section"], row["agree"], row["disagree"], row["votes"]) for row in tallies] == [
        ("Osnutek kot celota", "2", "1", "3"),
        ("Namen", "0", "0", "1"),
        ("Oblike zapisa", "0", "0", "0"),
    ]
    comments = {row["text"]: row for row in rows if row["record"] == "comment"}
    assert comments[PUBLISHED_TEXT]["author"] == "Ana Žagar"
    assert comments[PUBLISHED_TEXT]["supports"] == "2"
    assert comments[PUBLISHED_TEXT]["official_responses"] == "Čakalne dobe smo dodali."
    assert comments[REPLY_TEXT]["reply_to"] == comments[PUBLISHED_TEXT]["comment_id"]
    assert HIDDEN_TEXT not in content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        (" =1+1", "' =1+1"),
        ("\u00a0\u200b=1", "'\u00a0\u200b=1"),
        ("\n\n=cmd|' /C calc'!A0", "'\n\n=cmd|' /C calc'!A0"),
        ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"),
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20cmd", "'\uff20cmd"),
        ("\ufe66x", "'\ufe66x"),
        ("\u2212x", "'\u2212x"),
        ("|x", "'|x"),
        ("'=1", "''=1"),
        ("'quoted'", "''quoted'"),
        ("a=b", "a=b"),
        ("  plain text", "  plain text"),
        ("", ""),
        (12, "12"),
        (-3, "-3"),
        (None, ""),
    ],
)
def test_csv_cells_are_guarded_against_formula_injection(value, cell):
    assert exports.csv_safe(value) == cell


def test_csv_neutralises_a_comment_written_as_a_formula(consultation):
    text = exports.results_csv(consultation, "en").decode("utf-8-sig")

    rows = list(csv.DictReader(io.StringIO(text)))
    assert '\'=HYPERLINK("http://evil.example")' in [row["text"] for row in rows]
    assert all(not exports.starts_a_formula(value) for row in rows
               for value in row.values())  # fmt: skip


@pytest.mark.parametrize(
    "text", ["=1", "'=1", "''", "' =1", "\uff1d1", "plain", " \n+1", "'", "@", "-"]
)
def test_the_csv_guard_is_undone_by_removing_one_leading_apostrophe(text):
    cell = exports.csv_safe(text)

    assert not exports.starts_a_formula(cell)
    assert (cell[1:] if cell.startswith("'") else cell) == text


def test_json_follows_the_documented_layout_and_hides_what_the_pdf_hides(consultation):
    data = json.loads(exports.results_json(consultation, "en"))

    assert data["format"] == "inepa-consultation-results/1"
    assert (data["language"], data["interim"]) == ("en", False)
    assert data["consultation"]["title"] == "Draft open data charter"
    assert data["consultation"]["url"] == f"/en/consultations/{consultation.slug_en}/"
    assert data["participation"] == {
        "participants": 3, "comments": 2, "replies": 1, "votes": 4, "supports": 2,
    }  # fmt: skip
    assert data["tally"] == {
        "agree": 2, "disagree": 1, "abstain": 0, "total": 3,
        "agree_percent": 67, "disagree_percent": 33, "abstain_percent": 0,
    }  # fmt: skip
    assert [section["heading"] for section in data["sections"]] == [
        "The draft as a whole", "Purpose", "Formats",
    ]  # fmt: skip
    purpose = data["sections"][1]
    first, reply = purpose["comments"]
    assert (first["author"], first["supports"], first["text"]) == ("Ana Žagar", 2, PUBLISHED_TEXT)
    assert first["official_responses"][0]["text"] == "We added waiting times."
    assert (reply["reply_to"], reply["text"]) == (first["id"], REPLY_TEXT)
    assert data["sections"][2]["comments"] == []
    assert data["moderation"] == {"hidden": {"spam": 1}, "rejected": {}}
    assert HIDDEN_TEXT not in json.dumps(data, ensure_ascii=False)


def test_a_reply_to_a_comment_no_longer_shown_keeps_its_place_without_the_parent(consultation):
    parent = Comment.objects.get(body=PUBLISHED_TEXT)
    Comment.objects.filter(pk=parent.pk).update(status=Comment.Status.HIDDEN)

    data = exports.results_data(consultation, "en")
    text = _flat(pdf_text(exports.results_pdf(consultation, "en", data=data)))

    purpose = data["sections"][1]
    assert [comment["text"] for comment in purpose["comments"]] == [REPLY_TEXT]
    assert "In reply to a comment that is no longer shown." in text
    assert _flat(PUBLISHED_TEXT) not in text
    assert "We added waiting times." not in text  # its official response goes with it


def test_a_deleted_authors_comment_is_signed_deleted_user(consultation):
    Comment.objects.filter(body=REPLY_TEXT).update(author=None)

    text = _flat(pdf_text(exports.results_pdf(consultation, "sl")))
    rows = exports.results_csv(consultation, "sl").decode("utf-8-sig")

    assert "izbrisan uporabnik" in text
    assert "izbrisan uporabnik" in rows
    assert (
        json.loads(exports.results_json(consultation, "sl"))["sections"][1]["comments"][1]["author"]
        is None
    )


# The pydyf speed-up (issue #10) ------------------------------------------------------------


def test_the_installed_pydyf_is_one_the_page_references_speed_up_was_checked_on():
    """Fails when pydyf moves past the checked releases: check the patch again, then move
    PYDYF_CHECKED and the pin in pyproject.toml together."""
    assert exports.page_references_patch_applies(pydyf.__version__), pydyf.__version__


@pytest.mark.parametrize(
    ("version", "applies"),
    [("0.10.0", False), ("0.11.0", True), ("0.13.0", True), ("0.13.9", True),
     ("0.14.0", False), ("0.14.0b1", False), ("1.0.0", False)],
)  # fmt: skip
def test_the_speed_up_leaves_unchecked_pydyf_releases_alone(version, applies):
    assert exports.page_references_patch_applies(version) is applies


def test_the_page_references_speed_up_gives_what_pydyf_gives_as_pages_are_added():
    exports._speed_up_page_references()
    pdf = pydyf.PDF()
    pages = []

    for _ in range(4):
        page = pydyf.Dictionary({"Type": "/Page"})
        pdf.add_page(page)
        pages.append(page)
        references = pdf.page_references

        assert references == tuple(page.reference for page in pages)
        assert pdf.page_references is references  # read again: not rebuilt


def test_a_long_dossier_tags_every_page_with_its_own_reference():
    consultation = closed_consultation(closes_in_days=5)  # open: comments still come in
    for number in range(60):
        CommentFactory(consultation=consultation, body=f"Comment {number}. " + "Text " * 80)

    reader = pdf_reader(exports.results_pdf(consultation, "en"))

    pages = {page.indirect_reference.idnum for page in reader.pages}
    marked = set()
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            if "/Pg" in node:
                marked.add(node.raw_get("/Pg").idnum)
            stack.append(node.get("/K"))
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    assert len(pages) > 5
    assert marked == pages


def _uris(reader) -> list[str]:
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get_object().get("/S") == "/URI":
                found.append(str(action.get_object()["/URI"]))
    return found


def test_pdf_prints_links_that_leave_the_site_as_text_with_their_address():
    """Pen test #17.13: `//host` and `/\\host` reach other sites; on paper they are plain
    text with the address shown, whichever rule rendered the stored HTML."""
    consultation = closed_consultation(closes_in_days=5)
    body = "Read [the rules](//evil.example/rules) and [more](/\\evil.example/x)."
    CommentFactory(consultation=consultation, language="en", body=body)
    old = CommentFactory(consultation=consultation, language="en", body="Stored long ago.")
    Comment.objects.filter(pk=old.pk).update(
        body_html='<p><a href="//old.example/">an old link</a></p>'  # as the old rule left it
    )

    reader = pdf_reader(exports.results_pdf(consultation, "en"))

    text = " ".join("\n".join(page.extract_text() for page in reader.pages).split())
    assert "Read the rules (http://evil.example/rules) and more (http://evil.example/x)." in text
    assert "an old link (http://old.example/)" in text
    assert [uri for uri in _uris(reader) if "example" in uri] == []


def _xlsx_rows(content: bytes) -> list[dict]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    header, *rows = sheet.iter_rows()
    columns = [cell.value for cell in header]
    return [dict(zip(columns, row, strict=True)) for row in rows]


def test_xlsx_has_the_csvs_table_with_typed_numbers_and_dates(consultation):
    rows = _xlsx_rows(exports.results_xlsx(consultation, "sl"))

    tallies = [row for row in rows if row["record"].value == "tally"]
    assert [
        (row["section"].value, row["agree"].value, row["disagree"].value, row["votes"].value,
         row["agree_percent"].value)
        for row in tallies
    ] == [
        ("Osnutek kot celota", 2, 1, 3, 67),
        ("Namen", 0, 0, 1, 0),
        ("Oblike zapisa", 0, 0, 0, 0),
    ]  # fmt: skip
    assert all(row["votes"].data_type == "n" for row in tallies)
    comments = {row["text"].value: row for row in rows if row["record"].value == "comment"}
    published = comments[PUBLISHED_TEXT]
    assert (published["author"].value, published["supports"].value) == ("Ana Žagar", 2)
    assert comments[REPLY_TEXT]["reply_to"].value == published["comment_id"].value
    written = Comment.objects.get(body=PUBLISHED_TEXT).created_at
    assert published["written_at"].is_date
    assert published["written_at"].value == timezone.localtime(written).replace(
        tzinfo=None, microsecond=0
    )
    assert published["official_responses"].value == "Čakalne dobe smo dodali."
    # A comment written as a formula stays a text: no formula in the whole sheet.
    formula = comments['=HYPERLINK("http://evil.example")']["text"]
    assert formula.data_type == "s"
    assert not any(cell.data_type == "f" for row in rows for cell in row.values())
    assert list(rows[0]) == exports.CSV_COLUMNS


def test_xlsx_never_holds_a_hidden_pending_or_other_consultations_comment():
    consultation = closed_consultation(closes_in_days=5)  # open: comments can still come
    pending = CommentFactory(consultation=consultation, body="A comment still waiting.")
    Comment.objects.filter(pk=pending.pk).update(status=Comment.Status.PENDING)
    CommentFactory(body="A comment on another consultation.")

    rows = _xlsx_rows(exports.results_xlsx(consultation, "en"))

    texts = [row["text"].value for row in rows if row["record"].value == "comment"]
    assert PUBLISHED_TEXT in texts
    assert HIDDEN_TEXT not in texts
    assert "A comment still waiting." not in texts
    assert "A comment on another consultation." not in texts
    cells = " ".join(str(cell.value) for row in rows for cell in row.values())
    assert "Kupite" not in cells


def test_xlsx_keeps_no_control_character_xlsx_cannot_hold():
    consultation = closed_consultation(closes_in_days=5)
    CommentFactory(consultation=consultation, body="Bell\x07 and form\x0c feed.")

    rows = _xlsx_rows(exports.results_xlsx(consultation, "en"))

    assert "Bell and form feed." in [row["text"].value for row in rows]


def test_a_four_one_one_tally_says_67_17_16_in_csv_and_json():
    four_one_one = ConsultationFactory()
    for choice in ["agree"] * 4 + ["disagree", "abstain"]:
        VoteFactory(consultation=four_one_one, choice=choice)

    rows = list(csv.DictReader(io.StringIO(
        exports.results_csv(four_one_one, "en").decode("utf-8-sig")
    )))  # fmt: skip
    data = json.loads(exports.results_json(four_one_one, "en"))
    xlsx = _xlsx_rows(exports.results_xlsx(four_one_one, "en"))

    percents = ("agree_percent", "disagree_percent", "abstain_percent")
    assert [rows[0][name] for name in percents] == ["67", "17", "16"]
    assert [data["tally"][name] for name in percents] == [67, 17, 16]
    assert [data["sections"][0]["tally"][name] for name in percents] == [67, 17, 16]
    assert [xlsx[0][name].value for name in percents] == [67, 17, 16]
