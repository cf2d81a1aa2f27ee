"""Atom feeds that carry whatever text people wrote, control characters and all."""

import re

from django.utils import feedgenerator

# What XML 1.0 cannot carry at all (https://www.w3.org/TR/xml/#charsets): C0 controls other
# than tab and newlines, lone surrogates, U+FFFE and U+FFFF. Django refuses to write the
# controls (a server error) and writes the others (a feed no reader can parse).
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
