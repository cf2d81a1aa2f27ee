"""The sitemap and the pages say the same: each address's canonical link, its language
alternates and x-default; a page is advertised only in the languages it is written in."""

import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SLOVENIAN_ONLY = "delavnica-o-e-participaciji-za-nevladne-organizacije"


class HeadLinks(HTMLParser):
    """The canonical link and the hreflang alternates in a page's head."""

    def __init__(self):
        super().__init__()
        self.canonical: list[str] = []
        self.alternates: dict[str, str] = {}
        self.repeated: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag != "link":
            return
        if attributes.get("rel") == "canonical":
            self.canonical.append(attributes["href"])
        elif attributes.get("rel") == "alternate" and attributes.get("hreflang"):
            if attributes["hreflang"] in self.alternates:
                self.repeated.append(attributes["hreflang"])
            self.alternates[attributes["hreflang"]] = attributes["href"]


def _sitemap(client) -> dict[str, dict[str, str]]:
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 -- our own sitemap
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def disagreements(client) -> list[str]:
    """Where a page and the sitemap's entry for its address say different things."""
    problems = []
    for location, alternates in _sitemap(client).items():
        response = client.get(location)
        if response.status_code != 200:
            problems.append(f"{location}: status {response.status_code}")
            continue
        head = HeadLinks()
        head.feed(response.content.decode())
        if head.canonical != [location]:
            problems.append(f"{location}: the page's canonical is {head.canonical}")
        for language in sorted(set(alternates) | set(head.alternates)):
            in_sitemap, in_page = alternates.get(language), head.alternates.get(language)
            if in_sitemap != in_page:
                problems.append(
                    f"{location}: hreflang {language} is {in_sitemap} in the sitemap, "
                    f"{in_page} in the page"
                )
        problems += [f"{location}: hreflang {code} twice" for code in head.repeated]
    return problems


@pytest.fixture
def demo_content():
    call_command("demo_content", stdout=io.StringIO())


def test_every_address_in_the_sitemap_agrees_with_its_page(client, demo_content):
    sitemap = _sitemap(client)

    assert len(sitemap) >= 16
    assert disagreements(client) == []


def test_a_page_is_advertised_only_in_the_languages_it_is_written_in(client, demo_content):
    sitemap = _sitemap(client)

    slovenian_only = [location for location in sitemap if SLOVENIAN_ONLY in location]
    assert slovenian_only == [f"http://testserver/sl/articles/{SLOVENIAN_ONLY}/"]
    assert sitemap[slovenian_only[0]] == {
        "sl": slovenian_only[0],
        "x-default": slovenian_only[0],
    }
    head = HeadLinks()
    head.feed(client.get(f"/en/articles/{SLOVENIAN_ONLY}/").content.decode())
    assert head.canonical == [slovenian_only[0]]  # the English address shows the Slovenian text
    assert head.alternates == {"sl": slovenian_only[0], "x-default": slovenian_only[0]}


def test_every_address_in_both_languages_names_both_and_the_slovenian_as_x_default(
    client, demo_content
):
    sitemap = _sitemap(client)

    both = {location: alternates for location, alternates in sitemap.items()
            if set(alternates) == {"sl", "en", "x-default"}}  # fmt: skip
    assert len(both) >= len(sitemap) - 1
    assert all(alternates["x-default"] == alternates["sl"] for alternates in both.values())
    assert "http://testserver/en/" in both
    assert both["http://testserver/en/"]["x-default"] == "http://testserver/sl/"


def test_an_english_only_article_is_advertised_in_english_with_english_as_x_default(client):
    ArticleFactory(title_sl="", slug_sl="", title_en="Only in English", slug_en="only-in-english")
    english = "http://testserver/en/articles/only-in-english/"

    sitemap = _sitemap(client)

    assert [location for location in sitemap if "only-in-english" in location] == [english]
    assert sitemap[english] == {"en": english, "x-default": english}
    head = HeadLinks()
    head.feed(client.get("/sl/articles/only-in-english/").content.decode())
    assert head.canonical == [english]
    assert head.alternates == {"en": english, "x-default": english}
    assert disagreements(client) == []
