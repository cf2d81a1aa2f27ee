"""A visitor reads the UNPSA report in both languages and downloads its PDF, in Chromium."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.django_db(transaction=True)

EN_TITLE = "Partnership with civil society is a key to transformative E-government"
SL_TITLE = "Partnerstvo s civilno družbo je ključ do preobrazbene e-uprave"


@pytest.fixture
def demo(transactional_db):
    call_command("demo_content", stdout=io.StringIO())


def test_visitor_switches_language_reads_the_report_and_downloads_its_pdf(
    page, live_server, demo, assert_accessible
):
    page.goto("/")
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("h1")).to_have_text("Institute for Electronic Participation")
    assert_accessible(page)

    page.get_by_role("button", name="Slovenščina").click()
    expect(page).to_have_url(f"{live_server.url}/sl/")
    expect(page.locator("html")).to_have_attribute("lang", "sl")
    expect(page.get_by_role("heading", name="Najnovejši članki")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=SL_TITLE).click()
    expect(page.locator("h1")).to_have_text(SL_TITLE)
    expect(page.get_by_text("Simon Delakorda").first).to_be_visible()
    expect(page.locator("#ref-4")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/articles/partnership-with-civil-society"))
    expect(page.locator("h1")).to_have_text(EN_TITLE)
    figure = page.locator("figure.cover img")
    expect(figure).to_have_attribute("alt", re.compile(r"^Illustration: a coloured banner"))
    # decode() settles once the image is loaded: its width then, not while it loads.
    assert figure.evaluate("img => img.decode().then(() => img.naturalWidth)") == 1200
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="The article as a PDF").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    pdf = PdfReader(download.path())
    assert "Partnership with civil society" in pdf.pages[0].extract_text()


def test_untranslated_article_list_and_missing_page_are_accessible(
    page, live_server, demo, assert_accessible
):
    page.goto("/en/articles/")
    assert_accessible(page)

    page.get_by_role("link", name="Delavnica o e-participaciji za nevladne organizacije").click()
    expect(page.get_by_text("This article is not available in English yet")).to_be_visible()
    assert_accessible(page)

    response = page.goto("/en/articles/no-such-article/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert_accessible(page)

    page.goto("/sl/about/")
    expect(page.locator("h1")).to_have_text("O nas")
    assert_accessible(page)
