"""Every Atom feed of the portal passes the rules of RFC 4287 (a check of our own): required
elements, an author for every entry, RFC 3339 dates, permanent ids, and each entry's language."""

import io
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.core.management import call_command

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEEDS = [
    "/sl/articles/feed/",
    "/en/articles/feed/",
    "/sl/consultations/feed/",
    "/en/consultations/feed/",
]
# RFC 3339 §5.6 date-time (the upper case T and Z that RFC 4287 §3.3 asks for).
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
SLOVENIAN_ONLY = "delavnica-o-e-participaciji-za-nevladne-organizacije"


def _count(element, name: str) -> int:
    return len(element.findall(f"{ATOM}{name}"))


def _dates(element, where: str) -> list[str]:
    problems = []
    for name in ("updated", "published"):
        for date in element.findall(f"{ATOM}{name}"):
            text = date.text or ""
            if not RFC3339.fullmatch(text):
                problems.append(f"{where}: {name} {text!r} is not an RFC 3339 date-time")
            else:
                datetime.fromisoformat(text.replace("Z", "+00:00"))  # a real date
    return problems


def _text_constructs(element, where: str) -> list[str]:
    return [
        f"{where}: {child.tag} has type {child.get('type')!r}"
        for name in ("title", "subtitle", "summary", "rights")
        for child in element.findall(f"{ATOM}{name}")
        if child.get("type", "text") not in ("text", "html", "xhtml")
    ]


def _authors(element, where: str) -> list[str]:
    return [
        f"{where}: an author without exactly one name"
        for author in element.findall(f"{ATOM}author")
        if _count(author, "name") != 1 or not author.findtext(f"{ATOM}name", "").strip()
    ]


def _alternates(element, where: str) -> list[str]:
    seen = set()
    problems = []
    for link in element.findall(f"{ATOM}link"):
        if not link.get("href"):
            problems.append(f"{where}: a link without href")
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in seen:
                problems.append(f"{where}: two alternate links of type and language {key}")
            seen.add(key)
    return problems


def _permanent_id(identifier: str, where: str, site_url: str) -> list[str]:
    host = re.escape(re.sub(r"^https?://", "", site_url).split("/")[0].split(":")[0])
    if re.fullmatch(rf"tag:{host},\d{{4}}(-\d{{2}}(-\d{{2}})?)?:\S+", identifier):
        return []
    if identifier.startswith(site_url.rstrip("/") + "/"):
        return []
    return [f"{where}: id {identifier!r} is neither a tag URI nor under {site_url}"]


def rfc4287_violations(content: bytes, *, site_url: str) -> list[str]:
    """What in an Atom document breaks RFC 4287's rules (an empty list when nothing does)."""
    feed = ET.fromstring(content)  # noqa: S314 -- our own feed, in a test
    if feed.tag != f"{ATOM}feed":
        return [f"the root element is {feed.tag}, not atom:feed"]
    problems = []
    for name in ("id", "title", "updated"):
        if _count(feed, name) != 1:
            problems.append(f"feed: {_count(feed, name)} atom:{name} elements, not one")
    for name in ("subtitle", "icon", "logo", "rights", "generator"):
        if _count(feed, name) > 1:
            problems.append(f"feed: more than one atom:{name}")
    if not any(link.get("rel") == "self" for link in feed.findall(f"{ATOM}link")):
        problems.append("feed: no link rel=self")
    problems += _dates(feed, "feed") + _text_constructs(feed, "feed")
    problems += _authors(feed, "feed") + _alternates(feed, "feed")
    problems += _permanent_id(feed.findtext(f"{ATOM}id", ""), "feed", site_url)
    feed_has_author = _count(feed, "author") > 0
    ids = []
    for position, entry in enumerate(feed.findall(f"{ATOM}entry"), start=1):
        where = f"entry {position}"
        for name in ("id", "title", "updated"):
            if _count(entry, name) != 1:
                problems.append(f"{where}: {_count(entry, name)} atom:{name} elements, not one")
        for name in ("published", "summary", "content", "rights", "source"):
            if _count(entry, name) > 1:
                problems.append(f"{where}: more than one atom:{name}")
        if not feed_has_author and _count(entry, "author") == 0:
            problems.append(f"{where}: no author, and the feed names none (§4.1.1)")
        links = entry.findall(f"{ATOM}link")
        if _count(entry, "content") == 0 and not any(
            link.get("rel", "alternate") == "alternate" for link in links
        ):
            problems.append(f"{where}: neither content nor an alternate link")
        problems += _dates(entry, where) + _text_constructs(entry, where)
        problems += _authors(entry, where) + _alternates(entry, where)
        identifier = entry.findtext(f"{ATOM}id", "")
        problems += _permanent_id(identifier, where, site_url)
        ids.append(identifier)
    if len(ids) != len(set(ids)):
        problems.append("two entries share an id")
    return problems


@pytest.fixture
def demo_content():
    call_command("demo_content", stdout=io.StringIO())


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_passes_the_rules_of_rfc_4287(client, settings, demo_content, url):
    response = client.get(url)

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert len(ET.fromstring(response.content).findall(f"{ATOM}entry")) >= 2  # noqa: S314
    assert rfc4287_violations(response.content, site_url=settings.SITE_URL) == []


@pytest.mark.parametrize("url", FEEDS)
def test_ids_stay_the_same_under_another_host_name(client, settings, demo_content, url):
    settings.ALLOWED_HOSTS = ["*"]

    def ids(host: str) -> list[str]:
        feed = ET.fromstring(client.get(url, HTTP_HOST=host).content)  # noqa: S314
        return [feed.findtext(f"{ATOM}id")] + [
            entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")
        ]

    first, second = ids("portal.inepa.si"), ids("mirror.example.org")

    assert first == second
    assert not any("portal.inepa.si" in identifier for identifier in first)


def test_an_entry_in_another_language_says_so_and_the_others_inherit(client, demo_content):
    feed = ET.fromstring(client.get("/en/articles/feed/").content)  # noqa: S314

    languages = {
        entry.find(f"{ATOM}link").get("href").rstrip("/").rsplit("/", 1)[-1]: entry.get(XML_LANG)
        for entry in feed.findall(f"{ATOM}entry")
    }

    assert feed.get(XML_LANG) == "en"
    assert languages.pop(SLOVENIAN_ONLY) == "sl"
    assert languages
    assert set(languages.values()) == {None}  # written in English: the feed's language


def test_the_checker_finds_what_rfc_4287_forbids(settings):
    """The rule check itself: a feed with each kind of fault is caught, fault by fault."""
    feed = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><title>T2</title>
    <id>http://testserver/en/articles/</id><updated>2026-10-02 15:03</updated>
    <entry><title>A</title><id>x</id><updated>2026-10-02T15:03:35.380152+02:00</updated></entry>
    <entry><title>B</title><id>x</id><updated>2026-10-02T15:03:35Z</updated>
    <link href="http://testserver/b"/><author><name></name></author></entry></feed>"""

    assert rfc4287_violations(feed, site_url="https://portal.inepa.si") == [
        "feed: 2 atom:title elements, not one",
        "feed: no link rel=self",
        "feed: updated '2026-10-02 15:03' is not an RFC 3339 date-time",
        "feed: id 'http://testserver/en/articles/' is neither a tag URI nor under "
        "https://portal.inepa.si",
        "entry 1: no author, and the feed names none (§4.1.1)",
        "entry 1: neither content nor an alternate link",
        "entry 1: id 'x' is neither a tag URI nor under https://portal.inepa.si",
        "entry 2: an author without exactly one name",
        "entry 2: id 'x' is neither a tag URI nor under https://portal.inepa.si",
        "two entries share an id",
    ]


def test_an_article_keeps_its_id_when_its_title_and_address_change(client):
    article = ArticleFactory(title_en="Before", slug_en="before")
    before = ET.fromstring(client.get("/en/articles/feed/").content)  # noqa: S314
    article.title_en, article.slug_en = "After", "after"
    article.save()

    after = ET.fromstring(client.get("/en/articles/feed/").content)  # noqa: S314

    assert after.findtext(f"{ATOM}entry/{ATOM}title") == "After"
    assert after.findtext(f"{ATOM}entry/{ATOM}id") == before.findtext(f"{ATOM}entry/{ATOM}id")
    assert before.findtext(f"{ATOM}entry/{ATOM}id").startswith("tag:")
