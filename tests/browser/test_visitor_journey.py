"""A visitor reads the UNPSA report in both languages and downloads its PDF, in Chromium."""

import io
import re

import pytest
from django.core.management import call_command
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
    assert page.url == f"{live_server.url}/en/"
    assert page.locator("h1").inner_text() == "Institute for Electronic Participation"
    assert_accessible(page)

    page.get_by_role("button", name="Slovenščina").click()
    page.wait_for_url(f"{live_server.url}/sl/")
    assert page.locator("html").get_attribute("lang") == "sl"
    assert page.get_by_role("heading", name="Najnovejši članki").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name=SL_TITLE).click()
    assert page.locator("h1").inner_text() == SL_TITLE
    assert page.get_by_text("Simon Delakorda").first.is_visible()
    assert page.locator("#ref-4").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    page.wait_for_url(re.compile(r"/en/articles/partnership-with-civil-society"))
    assert page.locator("h1").inner_text() == EN_TITLE
    figure = page.locator("figure.cover img")
    assert figure.get_attribute("alt").startswith("Illustration: a coloured banner")
    assert page.evaluate("img => img.naturalWidth", figure.element_handle()) == 1200
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
    assert page.get_by_text("This article is not available in English yet").is_visible()
    assert_accessible(page)

    response = page.goto("/en/articles/no-such-article/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert_accessible(page)

    page.goto("/sl/about/")
    assert page.locator("h1").inner_text() == "O nas"
    assert_accessible(page)
