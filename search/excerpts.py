"""A result as a reader sees it: where it leads, and the words that matched marked in a short,
escaped excerpt of its text."""

from dataclasses import dataclass

from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .lemmas import lemma, query_lemmas, words
from .models import SearchDocument

Kind = SearchDocument.Kind
# Characters of text shown around the first matching word.
EXCERPT_LENGTH = 240
LEAD_IN = 60


def highlight(text: str, wanted: set[str], language: str, *, start: int = 0, end=None) -> str:
    """`text[start:end]` escaped, each word whose lemma is wanted inside <mark>."""
    end = len(text) if end is None else end
    pieces = []
    position = start
    for match in words(text[start:end]):
        word_start, word_end = start + match.start(), start + match.end()
        if lemma(match.group(), language) in wanted:
            pieces.append(escape(text[position:word_start]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            position = word_end
    pieces.append(escape(text[position:end]))
    return "".join(pieces)


def excerpt(text: str, wanted: set[str], language: str) -> SafeString:
    """About EXCERPT_LENGTH characters of `text` from a little before its first matching word,
    cut at word boundaries, with "…" where text was left out."""
    first = next(
        (match.start() for match in words(text) if lemma(match.group(), language) in wanted), 0
    )
    start = max(0, first - LEAD_IN)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else first
    end = min(len(text), start + EXCERPT_LENGTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    shown = highlight(text, wanted, language, start=start, end=end)
    # Escaped piece by piece in highlight(); only <mark> is added.
    return mark_safe(  # noqa: S308 -- every piece of text is escaped in highlight()
        ("… " if start else "") + shown + (" …" if end < len(text) else "")
    )


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: str
    language: str
    title: SafeString
    context: str
    url: str
    excerpt: SafeString


def _url_and_context(document: SearchDocument) -> tuple[str, str, str]:
    """The address in the document's language, its title and the consultation it is part of."""
    with translation.override(document.language):
        if document.kind == Kind.ARTICLE:
            return document.article.get_absolute_url(), document.title, ""
        consultation = document.consultation
        url = consultation.get_absolute_url()
        title = consultation.localized(document.language).title
        if document.kind == Kind.CONSULTATION:
            return url, document.title, ""
        if document.kind == Kind.SECTION:
            return f"{url}#{document.section.anchor}", document.title, title
        return f"{url}#comment-{document.comment_id}", "", title


def results(page_documents, query: str) -> list[Result]:
    """The results of one page of documents, highlighted for `query`."""
    found = []
    lemmas_by_language: dict[str, set[str]] = {}
    for document in page_documents:
        language = document.language
        if language not in lemmas_by_language:
            lemmas_by_language[language] = set(query_lemmas(query, language))
        wanted = lemmas_by_language[language]
        url, title, context = _url_and_context(document)
        found.append(
            Result(
                kind=document.kind,
                kind_label=document.get_kind_display(),
                language=language,
                title=mark_safe(highlight(title, wanted, language)),  # noqa: S308 -- escaped
                context=context,
                url=url,
                excerpt=excerpt(document.text, wanted, language),
            )
        )
    return found
