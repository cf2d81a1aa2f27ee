"""A journalist downloads the closed demo consultation's results dossier in both languages."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.django_db(transaction=True)

EN_TITLE = "Draft model open data charter for municipalities"
SL_TITLE = "Osnutek vzorčne listine o odprtih podatkih za občine"


def _download(page, link) -> PdfReader:
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    return PdfReader(io.BytesIO(Path(download.path()).read_bytes()))


def test_journalist_downloads_the_closed_consultations_dossier_in_both_languages(
    page, live_server, assert_accessible
):
    call_command("demo_content", stdout=io.StringIO())

    page.goto("/en/consultations/")
    card = page.locator("article.card", has_text=EN_TITLE)
    expect(card.get_by_text("Results and open data")).to_be_visible()
    assert_accessible(page)

    card.get_by_role("link", name=EN_TITLE).click()
    expect(page.locator("h1")).to_have_text(EN_TITLE)
    assert_accessible(page)
    english = _download(page, page.get_by_role("link", name="Results dossier (PDF)"))
    assert english.trailer["/Root"]["/Lang"] == "en"
    assert english.metadata.title == EN_TITLE
    text = " ".join(page_.extract_text() for page_ in english.pages)
    assert "Working with users" in text
    assert "Published comments" in text

    page.get_by_role("button", name="Slovenščina").click()
    expect(page.locator("h1")).to_have_text(SL_TITLE)
    assert_accessible(page)
    slovenian = _download(page, page.locator('a[href$="/results.pdf"]'))
    assert slovenian.trailer["/Root"]["/Lang"] == "sl"
    assert slovenian.metadata.title == SL_TITLE
    assert "Sodelovanje z uporabniki" in " ".join(p.extract_text() for p in slovenian.pages)
