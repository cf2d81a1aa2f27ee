"""A visitor finds a comment by searching an inflected form of one of its words, in Chromium."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

SUBSIDIES_COMMENT = "Dobro, da so na seznamu tudi javna naročila."


@pytest.fixture
def demo(transactional_db):
    call_command("demo_content", stdout=io.StringIO())


def test_visitor_searches_an_inflected_form_and_finds_the_comment(
    page, live_server, demo, assert_accessible, tmp_path
):
    page.goto("/sl/")
    # The comment says "podatki o subvencijah"; the visitor types another case of the word.
    page.get_by_role("searchbox", name="Iskanje po spletišču").fill("subvencije")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/sl/search/\?q=subvencije$"))
    expect(page.locator("h1")).to_have_text("Iskanje")
    expect(page.get_by_role("status")).to_have_text("1 zadetek za »subvencije«.")
    result = page.locator(".search-result")
    expect(result).to_have_count(1)
    expect(result.locator("mark")).to_have_text("subvencijah")
    expect(page.get_by_role("searchbox", name="Iščem")).to_have_value("subvencije")
    assert_accessible(page)
    for width in (375, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"search-{width}.png", full_page=True)

    result.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/sl/consultations/[^/]+/#comment-\d+$"))
    comment_id = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{comment_id}")).to_contain_text(SUBSIDIES_COMMENT)


def test_an_english_search_shows_slovenian_results_after_english_ones(
    page, live_server, demo, assert_accessible, tmp_path
):
    page.goto("/en/")
    page.get_by_role("searchbox", name="Search the site").fill("licence")
    page.get_by_role("button", name="Search", exact=True).first.click()

    expect(page.get_by_role("status")).to_have_text("5 results for “licence”.")
    titles = page.locator(".search-result-title")
    expect(titles.first).to_have_text("Draft model open data charter for municipalities")
    expect(titles.nth(1)).to_have_text("Formats and licence")
    expect(titles.nth(3)).to_have_text("Oblike zapisa in licenca")
    expect(page.locator(".search-result").nth(3)).to_contain_text("Slovenščina")
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 900})
    page.screenshot(path=tmp_path / "search-en-375.png", full_page=True)
