"""A consultation's results as files: an accessible PDF dossier, and CSV, JSON and XLSX open
data.

`results_data()` reads everything the three formats show, in one language and a fixed number
of queries; comments come only through `Comment.objects.visible()`, so a comment that is not
published never reaches a file (a reply to one says only that it answers a comment no longer
shown). Each format renders that one structure. WeasyPrint is imported inside `results_pdf()`
so that start-up stays fast.
"""

import csv
import io
import json
import re
import unicodedata
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from consultations import selectors
from consultations.models import (
    Comment,
    CommentSupport,
    Consultation,
    ModerationMode,
    ModerationReason,
    Section,
    Vote,
)
from consultations.moderation import selectors as moderation_selectors
from inepa_portal.markup import links_for_print
from inepa_portal.translation import translated

FORMAT = "inepa-consultation-results/1"
FONTS = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "INePA Dossier Sans"  # our own name, so that no font of the host stands in
CHOICES = ("agree", "disagree", "abstain")
# Forced line breaks other than a newline (vertical tab, form feed, NEL, line and paragraph
# separators, as text pasted from a word processor holds). WeasyPrint 70 fails on one followed
# by spaces it cannot collapse where a line ends, so the dossier gives it as a plain newline.
FORCED_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
# CSV injection (OWASP): a spreadsheet may read a cell as a formula when it starts with one of
# these signs, also after leading spaces or line breaks, and in their full-width and other
# look-alike forms (NFKC folds ＝＋－＠ and the small and super- and subscript signs into them;
# U+2212 MINUS SIGN it does not), or with a tab, carriage return or newline.
FORMULA_SIGNS = frozenset("=+-@|%\u2212")
BLANK_START = re.compile(r"^[\s\u200b\u200c\u200d\u2060\ufeff]+")
CSV_COLUMNS = [
    "record",
    "section_id",
    "section",
    "agree",
    "disagree",
    "abstain",
    "votes",
    "agree_percent",
    "disagree_percent",
    "abstain_percent",
    "comment_id",
    "reply_to",
    "author",
    "written_at",
    "language",
    "supports",
    "text",
    "official_responses",
]


def _tally(tally: selectors.Tally) -> dict:
    return {
        "agree": tally.agree,
        "disagree": tally.disagree,
        "abstain": tally.abstain,
        "total": tally.total,
        "agree_percent": tally.agree_percent,
        "disagree_percent": tally.disagree_percent,
        "abstain_percent": tally.abstain_percent,
    }


def _response(response, language: str) -> dict:
    return {
        "id": response.pk,
        "written_at": response.created_at,
        "text": translated(response, "body", language),
        "html": translated(response, "body_html", language),
    }


def _threads(comments: list[Comment]) -> list[Comment]:
    """Top-level comments in order, each followed by its replies; replies to a comment that is
    not shown stay together, placed where the first of them was written."""
    shown = {comment.pk for comment in comments}
    replies: dict[int, list[Comment]] = defaultdict(list)
    for comment in comments:
        if comment.parent_id is not None:
            replies[comment.parent_id].append(comment)
    groups = [
        ((comment.created_at, comment.pk), [comment, *replies.get(comment.pk, [])])
        for comment in comments
        if comment.parent_id is None
    ]
    groups += [
        ((group[0].created_at, group[0].pk), group)
        for parent_id, group in replies.items()
        if parent_id not in shown
    ]
    groups.sort(key=lambda item: item[0])
    return [comment for _key, group in groups for comment in group]


def results_data(consultation: Consultation, language: str, *, now: datetime | None = None) -> dict:
    """Everything a results file shows, in `language`, as plain data (the JSON layout)."""
    now = now or timezone.now()
    with translation.override(language):
        sections: list[Section] = list(consultation.sections.all())
        comments = list(
            Comment.objects.visible()
            .filter(consultation=consultation)
            .select_related("author")
            .order_by("created_at", "id")
        )
        supports = dict(
            CommentSupport.objects.filter(comment__consultation=consultation)
            .values("comment_id")
            .annotate(count=Count("id"))
            .values_list("comment_id", "count")
            .order_by()
        )
        shown = {comment.pk: comment for comment in comments}
        comment_responses: dict[int, list[dict]] = defaultdict(list)
        target_responses: dict[int | None, list[dict]] = defaultdict(list)
        for response in moderation_selectors.official_responses(consultation):
            if response.comment_id is None:
                target_responses[response.section_id].append(_response(response, language))
            elif response.comment_id in shown:  # never an answer to a comment not shown
                comment_responses[response.comment_id].append(_response(response, language))
        tallies = selectors.tallies(consultation)
        voters: dict[int | None, set[int]] = defaultdict(set)
        for section_id, user_id in (
            Vote.objects.filter(consultation=consultation, user__isnull=False)
            .values_list("section_id", "user_id")
            .distinct()
            .order_by()
        ):
            voters[section_id].add(user_id)
        moderation = selectors.moderation_summary(consultation)
        version = consultation.localized(language)

        by_target: dict[int | None, list[Comment]] = defaultdict(list)
        for comment in comments:
            by_target[comment.section_id].append(comment)
        targets: list[dict] = []
        every_participant: set[int] = set()
        for section in [None, *sections]:
            key = section.pk if section else None
            thread = _threads(by_target[key])
            participants = {c.author_id for c in thread if c.author_id} | voters[key]
            every_participant |= participants
            tally = tallies.get(key, selectors.Tally())
            targets.append(
                {
                    "id": key,
                    "position": section.position if section else 0,
                    "heading": translated(section, "heading", language)
                    if section
                    else _("The draft as a whole"),
                    "participation": {
                        "participants": len(participants),
                        "comments": sum(1 for c in thread if c.parent_id is None),
                        "replies": sum(1 for c in thread if c.parent_id is not None),
                        "votes": tally.total,
                        "supports": sum(supports.get(c.pk, 0) for c in thread),
                    },
                    "tally": _tally(tally),
                    "official_responses": target_responses[key],
                    "comments": [
                        {
                            "id": comment.pk,
                            "reply_to": comment.parent_id,
                            "author": comment.author.display_name if comment.author else None,
                            "written_at": comment.created_at,
                            "language": comment.language,
                            "supports": supports.get(comment.pk, 0),
                            "text": comment.body,
                            "html": comment.body_html,
                            "official_responses": comment_responses[comment.pk],
                        }
                        for comment in thread
                    ],
                }
            )
        overall = targets[0]["tally"]
        return {
            "format": FORMAT,
            "language": language,
            "generated_at": now,
            "interim": consultation.state(now=now) != Consultation.State.CLOSED,
            "consultation": {
                "id": consultation.pk,
                "title": version.title,
                "title_language": version.language,
                "summary": version.summary,
                "organisation": _("Zavod INePA, Institute for Electronic Participation"),
                "url": reverse("consultations:detail", kwargs={"slug": version.slug}),
                "opens_at": consultation.opens_at,
                "closes_at": consultation.closes_at,
                "state": consultation.state(now=now).value,
                "moderation_mode": consultation.moderation_mode,
                "outcome_html": translated(consultation, "outcome_html", language),
            },
            "participation": {
                "participants": len(every_participant),
                "comments": sum(t["participation"]["comments"] for t in targets),
                "replies": sum(t["participation"]["replies"] for t in targets),
                "votes": sum(t["tally"]["total"] for t in targets),
                "supports": sum(t["participation"]["supports"] for t in targets),
            },
            "tally": overall,
            "sections": targets,
            "moderation": {
                status: dict(sorted(reasons.items())) for status, reasons in moderation.items()
            },
        }


# JSON -------------------------------------------------------------------------------------


def results_json(consultation: Consultation, language: str, *, data: dict | None = None) -> bytes:
    """The results as UTF-8 JSON (the layout is documented in the README)."""
    data = data or results_data(consultation, language)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


# CSV --------------------------------------------------------------------------------------


def starts_a_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula (OWASP's CSV-injection advice)."""
    if not text:
        return False
    if text[0] in "\t\r\n":
        return True
    rest = BLANK_START.sub("", text)
    return bool(rest) and unicodedata.normalize("NFKC", rest[0])[:1] in FORMULA_SIGNS


def csv_safe(value) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a leading ',
    and so does one that already starts with ', so the rule is undone by removing the first '
    of any cell that starts with one (a text written as '=1 stays told apart from =1)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith("'") or starts_a_formula(text) else text


def _table_rows(data: dict, language: str) -> list[dict]:
    """The open-data table (CSV and XLSX): a "tally" row per target, then a "comment" row per
    published comment or reply, as column -> value (values typed: numbers, a datetime)."""
    with translation.override(language):
        deleted_user = _("deleted user")
    rows = []
    for target in data["sections"]:
        tally = target["tally"]
        rows.append(
            {
                "record": "tally",
                "section_id": target["id"],
                "section": target["heading"],
                "agree": tally["agree"],
                "disagree": tally["disagree"],
                "abstain": tally["abstain"],
                "votes": tally["total"],
                "agree_percent": tally["agree_percent"],
                "disagree_percent": tally["disagree_percent"],
                "abstain_percent": tally["abstain_percent"],
            }
        )
    for target in data["sections"]:
        for comment in target["comments"]:
            rows.append(
                {
                    "record": "comment",
                    "section_id": target["id"],
                    "section": target["heading"],
                    "comment_id": comment["id"],
                    "reply_to": comment["reply_to"],
                    "author": comment["author"] or deleted_user,
                    "written_at": comment["written_at"],
                    "language": comment["language"],
                    "supports": comment["supports"],
                    "text": comment["text"],
                    "official_responses": "\n\n".join(
                        response["text"] for response in comment["official_responses"]
                    ),
                }
            )
    return rows


def results_csv(consultation: Consultation, language: str, *, data: dict | None = None) -> bytes:
    """The results as one CSV table: a "tally" row per target, then a "comment" row per
    published comment or reply. UTF-8 with a byte order mark, so spreadsheets read the letters;
    every cell is guarded against formula injection."""
    data = data or results_data(consultation, language)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in _table_rows(data, language):
        if row.get("written_at"):
            row = {**row, "written_at": DjangoJSONEncoder().default(row["written_at"])}
        writer.writerow([csv_safe(row.get(column)) for column in CSV_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


# XLSX -------------------------------------------------------------------------------------

# Columns of the spreadsheet that hold whole numbers, and the one with a date and time.
XLSX_NUMBERS = {
    "section_id", "agree", "disagree", "abstain", "votes", "agree_percent",
    "disagree_percent", "abstain_percent", "comment_id", "reply_to", "supports",
}  # fmt: skip
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"


def _xlsx_text(value) -> str:
    """Text for a spreadsheet cell, without the control characters XLSX cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def results_xlsx(consultation: Consultation, language: str, *, data: dict | None = None) -> bytes:
    """The CSV's table as a spreadsheet: the same columns and rows, numbers as numbers, the
    time a comment was written as a date and time in the portal's time zone (settings.TIME_ZONE,
    to the second), and every text
    stored as text (never as a formula, whatever it starts with)."""
    from openpyxl import Workbook

    data = data or results_data(consultation, language)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "results"  # a name for machines, like the columns'
    sheet.append(CSV_COLUMNS)
    for row in _table_rows(data, language):
        cells = []
        for column in CSV_COLUMNS:
            value = row.get(column)
            if value is None or column in XLSX_NUMBERS:
                cells.append(value)
            elif column == "written_at":
                # Spreadsheets hold no time zone, and not all of them fractions of a second.
                cells.append(timezone.localtime(value).replace(tzinfo=None, microsecond=0))
            else:
                cells.append(_xlsx_text(value))
        sheet.append(cells)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would read a text starting with = as a formula
            elif isinstance(cell.value, datetime):
                cell.number_format = XLSX_DATETIME_FORMAT
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# PDF --------------------------------------------------------------------------------------

BAR_STYLES = {  # fill, and a pattern that keeps the bars apart in greyscale
    "agree": ("#1f3a5f", None),
    "disagree": ("#ffffff", "hatch"),
    "abstain": ("#b8b8b8", "dots"),
}


def tally_chart_svg(tally: dict, *, chart_id: str, title: str) -> SafeString:
    """A horizontal bar chart of a tally as SVG: each bar has its own fill, pattern and label
    (count and percentage), so it reads without colour; `title` is the figure's text."""
    labels = {"agree": _("Agree"), "disagree": _("Disagree"), "abstain": _("Abstain")}
    width, label_width, bar_width, row_height = 480, 110, 260, 22
    bars = []
    for row, choice in enumerate(CHOICES):
        fill, pattern = BAR_STYLES[choice]
        y = 6 + row * row_height
        length = round(bar_width * tally[f"{choice}_percent"] / 100, 1)
        paint = f"url(#{chart_id}-{pattern})" if pattern else fill
        bars.append(
            format_html(
                '<text x="0" y="{}" font-family="{}" font-size="11">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="14" fill="#ffffff" stroke="#555555"'
                ' stroke-width="0.6"/>'
                '<rect x="{}" y="{}" width="{}" height="14" fill="{}" stroke="#000000"'
                ' stroke-width="0.8"/>'
                '<text x="{}" y="{}" font-family="{}" font-size="11">{} ({} %)</text>',
                y + 11,
                FONT_FAMILY,
                labels[choice],
                label_width,
                y,
                bar_width,
                label_width,
                y,
                length,
                paint,
                label_width + bar_width + 8,
                y + 11,
                FONT_FAMILY,
                tally[choice],
                tally[f"{choice}_percent"],
            )
        )
    height = 6 + len(CHOICES) * row_height
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{}" height="{}"'
        ' viewBox="0 0 {} {}"><title>{}</title><defs>'
        '<pattern id="{}-hatch" patternUnits="userSpaceOnUse" width="5" height="5">'
        '<rect width="5" height="5" fill="#ffffff"/>'
        '<path d="M0,5 L5,0" stroke="#000000" stroke-width="1.1"/></pattern>'
        '<pattern id="{}-dots" patternUnits="userSpaceOnUse" width="4" height="4">'
        '<rect width="4" height="4" fill="#b8b8b8"/>'
        '<circle cx="2" cy="2" r="0.8" fill="#000000"/></pattern>'
        "</defs>{}</svg>",
        width,
        height,
        width,
        height,
        title,
        chart_id,
        chart_id,
        mark_safe("".join(bars)),  # noqa: S308 -- each bar is built by format_html above
    )


def _chart_title(heading: str, tally: dict) -> str:
    return _(
        "Votes on %(target)s: agree %(agree)s (%(agree_percent)s %%), disagree %(disagree)s "
        "(%(disagree_percent)s %%), abstain %(abstain)s (%(abstain_percent)s %%)."
    ) % {"target": heading, **tally}


def css_string(text: str) -> str:
    """`text` as a CSS string literal (for generated content in the page margins)."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '"\\' or ord(char) < 32 else char for char in text
    )
    return f'"{escaped}"'


def _page_counter_css() -> str:
    """ "page X of Y" in the active language, as a CSS `content` value."""
    sentence = _("page {page} of {pages}")
    before, _page, rest = sentence.partition("{page}")
    middle, _pages, after = rest.partition("{pages}")
    parts = [css_string(before), "counter(page)", css_string(middle), "counter(pages)"]
    if after:
        parts.append(css_string(after))
    return " ".join(parts)


def _reason_counts(reasons: dict[str, int]) -> list[dict]:
    return [
        {"label": ModerationReason(reason).label if reason in ModerationReason else reason,
         "count": count}
        for reason, count in reasons.items()
    ]  # fmt: skip


def _printed(responses: list[dict]) -> list[dict]:
    return [{**response, "html": links_for_print(response["html"])} for response in responses]


def _pdf_context(data: dict) -> dict:
    fonts = {
        (weight, style): (FONTS / name).as_uri()
        for weight, style, name in [
            (400, "normal", "DejaVuSans.ttf"),
            (700, "normal", "DejaVuSans-Bold.ttf"),
            (400, "italic", "DejaVuSans-Oblique.ttf"),
            (700, "italic", "DejaVuSans-BoldOblique.ttf"),
        ]
    }
    sections = []
    for target in data["sections"]:
        shown = {comment["id"] for comment in target["comments"]}
        comments = [
            {**comment, "html": links_for_print(comment["html"]),
             "official_responses": _printed(comment["official_responses"]),
             "parent_not_shown": bool(comment["reply_to"]) and comment["reply_to"] not in shown}
            for comment in target["comments"]
        ]  # fmt: skip
        anchor = f"section-{target['id']}" if target["id"] else "draft"
        sections.append(
            {
                **target,
                "anchor": anchor,
                "comments": comments,
                "official_responses": _printed(target["official_responses"]),
                "chart": tally_chart_svg(
                    target["tally"],
                    chart_id=f"chart-{anchor}",
                    title=_chart_title(target["heading"], target["tally"]),
                ),
            }
        )
    moderation = data["moderation"]
    overall = data["sections"][0]
    return {
        "overall_chart": tally_chart_svg(
            overall["tally"],
            chart_id="chart-overall",
            title=_chart_title(overall["heading"], overall["tally"]),
        ),
        "site_name": settings.SITE_NAME,
        "data": data,
        "consultation": {
            **data["consultation"],
            "outcome_html": links_for_print(data["consultation"]["outcome_html"]),
        },
        "sections": sections,
        "hidden": _reason_counts(moderation.get(Comment.Status.HIDDEN, {})),
        "rejected": _reason_counts(moderation.get(Comment.Status.REJECTED, {})),
        "hidden_total": sum(moderation.get(Comment.Status.HIDDEN, {}).values()),
        "rejected_total": sum(moderation.get(Comment.Status.REJECTED, {}).values()),
        "is_pre_moderated": data["consultation"]["moderation_mode"] == ModerationMode.PRE,
        "font_family": css_string(FONT_FAMILY),
        "fonts": [
            {"url": css_string(url), "weight": weight, "style": style}
            for (weight, style), url in fonts.items()
        ],
        "page_counter": _page_counter_css(),
        "organisation_css": css_string(data["consultation"]["organisation"]),
    }


def _fonts_only_fetcher():
    """A WeasyPrint URL fetcher that loads our own font files and nothing else: the dossier
    never reaches the network or other files, whatever a comment links to."""
    from weasyprint.urls import URLFetcher

    allowed = {path.as_uri() for path in FONTS.glob("*.ttf")}

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"The results dossier loads only its own fonts, not {url}")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols={"file"})


# The pydyf releases whose `PDF.page_references` the speed-up below was checked against:
# from the first to the last, exclusive. pyproject.toml pins pydyf to the same range; a
# release outside it runs unpatched (correct, slower) until someone checks it again and
# moves both (tests/consultations/results/test_exports.py fails until then).
PYDYF_CHECKED = ((0, 11), (0, 14))


def page_references_patch_applies(version: str) -> bool:
    """Whether pydyf `version` is one whose `page_references` the speed-up was checked on."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    return PYDYF_CHECKED[0] <= numbers < PYDYF_CHECKED[1]


def _speed_up_page_references() -> None:
    """Make pydyf's `PDF.page_references` cheap to read again and again.

    Why: WeasyPrint (66 to 70) reads it once per tagged element while tagging a PDF/UA
    document, and pydyf (0.11 to 0.13) rebuilds the whole tuple of page references from
    `pages["Kids"]` each time, so tagging grows with pages × elements: 36 s against 29 s to
    write a 334-page tagged PDF here, about a fifth. The cached tuple is the same value,
    rebuilt whenever a page is added (pydyf only ever appends to "Kids"). It replaces the
    property on the class, for the whole process, and only on the pydyf releases it was
    checked against.
    """
    import pydyf

    if getattr(pydyf.PDF, "_page_references_cached", False):
        return
    if not page_references_patch_applies(pydyf.__version__):
        return
    original = pydyf.PDF.page_references

    def page_references(pdf):
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_page_references_cache")
        if cached is None or cached[0] is not kids or cached[1] != len(kids):
            cached = (kids, len(kids), original.fget(pdf))
            pdf.__dict__["_page_references_cache"] = cached
        return cached[2]

    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._page_references_cached = True


def results_pdf(consultation: Consultation, language: str, *, data: dict | None = None) -> bytes:
    """The results dossier: an A4, tagged PDF/UA-1 document in `language`, fonts embedded."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    data = data or results_data(consultation, language)
    with translation.override(language):
        context = _pdf_context(data)
        html = render_to_string("results/dossier/dossier.html", context)
        html = FORCED_BREAKS.sub("\n", html)
        stylesheet = render_to_string("results/dossier/dossier.css", context)
    _speed_up_page_references()
    fetcher = _fonts_only_fetcher()
    font_config = FontConfiguration()
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=stylesheet, font_config=font_config, url_fetcher=fetcher)],
        font_config=font_config,
        pdf_variant="pdf/ua-1",
    )
