"""URL slugs from Slovenian (and other Latin-script) titles."""

from collections.abc import Callable

from django.utils.text import slugify

# Letters that Unicode decomposition would not turn into plain ASCII (đ, ł…) or that
# Slovenian readers expect spelled a particular way.
TRANSLITERATION = str.maketrans(
    {
        "č": "c", "Č": "C", "š": "s", "Š": "S", "ž": "z", "Ž": "Z", "ć": "c", "Ć": "C",
        "đ": "d", "Đ": "D", "ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae",
        "Æ": "AE", "œ": "oe", "Œ": "OE",
    }
)  # fmt: skip


def transliterated_slug(text: str, *, max_length: int = 200) -> str:
    """Return an ASCII slug: "Čas za žabe in đake" becomes "cas-za-zabe-in-dake"."""
    slug = slugify(text.translate(TRANSLITERATION))[:max_length].strip("-")
    return slug


def unique_slug(text: str, *, is_taken: Callable[[str], bool], max_length: int = 200) -> str:
    """Return a transliterated slug that `is_taken` does not reject, adding -2, -3… if needed."""
    base = transliterated_slug(text, max_length=max_length) or "untitled"
    candidate, number = base, 1
    while is_taken(candidate):
        number += 1
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)].rstrip('-')}{suffix}"
    return candidate


def fill_translated_slugs(obj, *, languages: tuple[str, ...]) -> None:
    """Give every titled language of `obj` (fields `title_<lang>`, `slug_<lang>`) a slug made
    from its title when it has none, unique among the rows of its model in that language."""
    manager = type(obj)._default_manager
    for code in languages:
        title = getattr(obj, f"title_{code}")
        if not title or getattr(obj, f"slug_{code}"):
            continue

        def is_taken(candidate: str, code: str = code) -> bool:
            return manager.filter(**{f"slug_{code}": candidate}).exclude(pk=obj.pk).exists()

        setattr(obj, f"slug_{code}", unique_slug(title, is_taken=is_taken))
