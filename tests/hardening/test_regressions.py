"""Weaknesses the hostile corpus found, each pinned by the smallest case that showed it."""

import pytest

from consultations.results import exports
from tests.consultations.factories import ConsultationFactory
from tests.factories import ArticleFactory

from .inert import feed_entries, feed_problems, injected, pdf_problems

pytestmark = pytest.mark.django_db

# The Big List's "whitespace" string: tab, vertical tab, form feed, NEL, Unicode spaces,
# line and paragraph separators.
ODD_WHITESPACE = (
    "\t\x0b\x0c \x85 \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u2028\u2029\u202f\u205f\u3000"
)


# Characters XML 1.0 cannot carry, as the Big List has them: a bell, the escape of a terminal
# colour code, a backspace, and the noncharacter U+FFFE.
NOT_IN_XML = {"bell": "\x07", "escape": "\x1b", "backspace": "\x08", "u-fffe": "\ufffe"}


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize("character", NOT_IN_XML.values(), ids=NOT_IN_XML.keys())
def test_characters_xml_cannot_carry_are_left_out_of_the_feeds(client, character, language):
    ArticleFactory(title_sl=f"Zvonec{character} zvoni", title_en=f"The bell{character} rings")
    ConsultationFactory(
        title_sl=f"Osnutek{character}[0;31m",
        title_en=f"Draft{character}[0;31m",
        summary_sl=f"A{character}B",
        summary_en=f"A{character}B",
    )

    articles = client.get(f"/{language}/articles/feed/")
    consultations = client.get(f"/{language}/consultations/feed/")

    assert (articles.status_code, consultations.status_code) == (200, 200)
    titles = [
        entry["title"].text
        for response in (articles, consultations)
        for entry in feed_entries(response.content)  # well-formed XML, or this fails
    ]
    assert titles == (
        ["Zvonec zvoni", "Osnutek[0;31m"] if language == "sl" else ["The bell rings", "Draft[0;31m"]
    )


@pytest.mark.parametrize(
    ("url", "write"),
    [
        pytest.param(
            "/en/articles/feed/",
            lambda: ArticleFactory(lead_en="<img src=x onerror=alert(1)>", body_sl="", body_en=""),
            id="article-lead",
        ),
        pytest.param(
            "/en/consultations/feed/",
            lambda: ConsultationFactory(summary_en="<script>alert(1)</script>"),
            id="consultation-summary",
        ),
    ],
)
def test_plain_text_is_escaped_in_the_feeds_html_summaries(client, url, write):
    write()

    response = client.get(url)

    assert feed_problems(response.content) == []
    summary = feed_entries(response.content)[0]["summary"].text
    assert summary.startswith("<p>&lt;")
    assert injected(summary) == []


def test_forced_line_breaks_from_a_word_processor_do_not_break_the_results_dossier():
    # WeasyPrint 70 failed (an AssertionError) where a line ended on this text.
    consultation = ConsultationFactory(summary_sl="x" * 75 + " " + ODD_WHITESPACE + " \xad ")

    text, problems = pdf_problems(exports.results_pdf(consultation, "sl"))

    assert problems == []
    assert "x" * 75 in text
