"""Weaknesses the hostile corpus found, each pinned by the smallest case that showed it."""

import pytest

from tests.consultations.factories import ConsultationFactory
from tests.factories import ArticleFactory

from .inert import feed_entries, feed_problems, injected

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["sl", "en"])
def test_characters_xml_cannot_carry_are_left_out_of_the_feeds(client, language):
    ArticleFactory(title_sl="Zvonec\x07 zvoni\ufffe", title_en="The bell\x07 rings\ufffe")
    ConsultationFactory(
        title_sl="Osnutek\x1b[0;31m",
        title_en="Draft\x1b[0;31m",
        summary_sl="A\x08B",
        summary_en="A\x08B",
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


def test_plain_text_is_escaped_in_the_feeds_html_summaries(client):
    ArticleFactory(lead_en="<img src=x onerror=alert(1)>", body_sl="", body_en="")
    ConsultationFactory(summary_en="<script>alert(1)</script>")

    for url in ("/en/articles/feed/", "/en/consultations/feed/"):
        response = client.get(url)
        assert feed_problems(response.content) == []
        summary = feed_entries(response.content)[0]["summary"].text
        assert summary.startswith("<p>&lt;")
        assert injected(summary) == []
