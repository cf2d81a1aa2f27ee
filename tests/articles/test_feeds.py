import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("language", "title", "link"),
    [
        ("en", "Partnership with civil society", "http://testserver/en/articles/partnership/"),
        ("sl", "Partnerstvo s civilno družbo", "http://testserver/sl/articles/partnerstvo/"),
    ],
)
def test_atom_feed_lists_articles_in_the_feeds_language(client, language, title, link):
    ArticleFactory(
        title_en="Partnership with civil society", slug_en="partnership",
        title_sl="Partnerstvo s civilno družbo", slug_sl="partnerstvo",
        author_name="Simon Delakorda",
    )  # fmt: skip

    response = client.get(f"/{language}/articles/feed/")

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)  # noqa: S314 -- our own feed, in a test
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [title]
    assert entries[0].find(f"{ATOM}link").get("href") == link
    assert entries[0].findtext(f"{ATOM}author/{ATOM}name") == "Simon Delakorda"
    assert entries[0].findtext(f"{ATOM}id")
    assert feed.findtext(f"{ATOM}updated")
