"""Atom feeds (RFC 4287) that carry whatever text people wrote, control characters and all."""

import datetime
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import feedgenerator, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# What XML 1.0 cannot carry at all (https://www.w3.org/TR/xml/#charsets): C0 controls other
# than tab and newlines, lone surrogates, U+FFFE and U+FFFF. Django refuses to write the
# controls (a server error) and writes the others (a feed no reader can parse).
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The day the portal's feeds began: part of each feed's own id (RFC 4151 tag URI).
FEEDS_SINCE = datetime.date(2026, 1, 1)


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry."""
    return NOT_IN_XML.sub("", text)


def _clean(value):
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(item) for item in value)
    return value


class Atom1Feed(feedgenerator.Atom1Feed):
    """Django's Atom feed, leaving out of every text what XML cannot carry."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_clean, args), **{key: _clean(v) for key, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_clean, args), **{key: _clean(v) for key, v in kwargs.items()})


class PortalAtom1Feed(Atom1Feed):
    """The portal's Atom feed: an entry written in another language than the feed's says so
    (`xml:lang` on the entry, RFC 4287 §2), e.g. a Slovenian-only article in the English feed."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        language = item.get("language")
        if language and language != self.feed.get("language"):
            attributes["xml:lang"] = language
        return attributes


def tag_uri(day: datetime.date, specific: str) -> str:
    """A permanent Atom id (RFC 4151 tag URI) under the public address's host from
    settings.SITE_URL, never the request's: it stays the same whatever name the feed is reached
    under and however an object's title or address change."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"tag:{host},{day.isoformat()}:{specific}"


class PortalFeed(Feed):
    """An Atom feed of the portal (RFC 4287): the organisation as the feed's author, ids that
    never change (tag URIs), and each entry's language where it differs from the feed's.

    A subclass names `id_kind` and `id_created` (the field with the day an object was made)."""

    feed_type = PortalAtom1Feed
    id_kind = ""
    id_created = "created_at"

    def feed_guid(self) -> str:
        return tag_uri(FEEDS_SINCE, f"{self.id_kind}-feed/{get_language()}")

    def author_name(self) -> str:
        return _("Zavod INePA, Institute for Electronic Participation")

    def author_link(self) -> str:
        return settings.SITE_URL

    def item_guid(self, item) -> str:
        created = timezone.localtime(getattr(item, self.id_created), datetime.UTC)
        return tag_uri(created.date(), f"{self.id_kind}/{item.pk}")

    def item_extra_kwargs(self, item) -> dict:
        return {**super().item_extra_kwargs(item), "language": item.localized().language}
