"""What the index holds of each item: its documents, one per language it is written in."""

from html import unescape

from django.utils.html import strip_tags

from articles.models import Article
from consultations.models import Comment, Consultation, Section
from inepa_portal.translation import LANGUAGE_CODES

from .lemmas import lemmas
from .models import KIND_RANKS, SearchDocument

Kind = SearchDocument.Kind


def plain_text(html: str) -> str:
    """Rendered (sanitised) HTML as the words a reader sees."""
    return " ".join(unescape(strip_tags(html)).split())


def _document(*, kind: str, pk: int, language: str, title: str, text: str, **fields):
    return SearchDocument(
        key=f"{kind}:{pk}:{language}",
        kind=kind,
        kind_rank=KIND_RANKS[kind],
        language=language,
        title=title[:300],
        text=text,
        lemmas=" ".join(lemmas(f"{title} {text}", language)),
        **fields,
    )


def article_documents(article: Article) -> list[SearchDocument]:
    """One per language with a title; whether it is shown is decided when searching."""
    return [
        _document(
            kind=Kind.ARTICLE,
            pk=article.pk,
            language=code,
            title=getattr(article, f"title_{code}"),
            text=" ".join(
                (
                    getattr(article, f"lead_{code}"),
                    plain_text(getattr(article, f"body_html_{code}")),
                )
            ).strip(),
            article=article,
            dated_at=article.published_at or article.created_at,
        )
        for code in LANGUAGE_CODES
        if getattr(article, f"title_{code}")
    ]


def consultation_documents(consultation: Consultation) -> list[SearchDocument]:
    return [
        _document(
            kind=Kind.CONSULTATION,
            pk=consultation.pk,
            language=code,
            title=getattr(consultation, f"title_{code}"),
            text=" ".join(
                (
                    getattr(consultation, f"summary_{code}"),
                    plain_text(getattr(consultation, f"outcome_html_{code}")),
                )
            ).strip(),
            consultation=consultation,
            dated_at=consultation.opens_at,
        )
        for code in LANGUAGE_CODES
        if getattr(consultation, f"title_{code}")
    ]


def section_documents(section: Section) -> list[SearchDocument]:
    return [
        _document(
            kind=Kind.SECTION,
            pk=section.pk,
            language=code,
            title=getattr(section, f"heading_{code}"),
            text=plain_text(getattr(section, f"body_html_{code}")),
            consultation_id=section.consultation_id,
            section=section,
            dated_at=section.consultation.opens_at,
        )
        for code in LANGUAGE_CODES
        if getattr(section, f"heading_{code}") or getattr(section, f"body_{code}")
    ]


def comment_documents(comment: Comment) -> list[SearchDocument]:
    """A published comment, in the language it was written in; none for any other."""
    if comment.status != Comment.Status.PUBLISHED:
        return []
    return [
        _document(
            kind=Kind.COMMENT,
            pk=comment.pk,
            language=comment.language,
            title="",
            text=plain_text(comment.body_html),
            consultation_id=comment.consultation_id,
            section_id=comment.section_id,
            comment=comment,
            dated_at=comment.created_at,
        )
    ]
