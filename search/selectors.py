"""The one read of the index: documents matching a query that any visitor may see."""

import operator
from functools import reduce

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from articles.models import Article
from consultations.models import Comment, Consultation
from inepa_portal.translation import LANGUAGE_CODES

from .backends import matches_in
from .lemmas import query_lemmas
from .models import SearchDocument

Kind = SearchDocument.Kind


def query_is_searchable(query: str) -> bool:
    """Whether a query has any word to look for."""
    return bool(query_lemmas(query, LANGUAGE_CODES[0]))


def _visible() -> Q:
    """Documents of what a visitor may read, whatever the index holds: published articles whose
    time has come, published consultations with their sections, and their visible comments.
    (EXISTS, not IN: PostgreSQL checks the rows of one page by their primary keys instead of
    reading every published comment first.)"""

    def exists(queryset, column: str) -> Q:
        return Q(Exists(queryset.filter(pk=OuterRef(column))))

    published_consultation = exists(Consultation.objects.published(), "consultation_id")
    return (
        Q(kind=Kind.ARTICLE) & exists(Article.objects.published(), "article_id")
        | Q(kind__in=[Kind.CONSULTATION, Kind.SECTION]) & published_consultation
        | Q(kind=Kind.COMMENT)
        & published_consultation
        & exists(Comment.objects.visible(), "comment_id")
    )


def _languages_first(language: str) -> list:
    """The ordering that puts `language` first: with two languages, the column ascending or
    descending (an index serves either, models.SearchDocument.Meta); else an expression."""
    if len(LANGUAGE_CODES) == 2:
        return ["language" if language == min(LANGUAGE_CODES) else "-language"]
    return [
        Case(When(language=language, then=Value(0)), default=Value(1), output_field=IntegerField())
    ]


def search_documents(query: str, *, language: str) -> QuerySet[SearchDocument]:
    """Visible documents containing every word of `query` in some inflected form (each
    language's documents matched with the query's lemmas in that language): those in
    `language` first, then by kind (KIND_RANKS), newest first."""
    condition = reduce(
        operator.or_, (matches_in(code, query_lemmas(query, code)) for code in LANGUAGE_CODES)
    )
    return (
        SearchDocument.objects.filter(condition)
        .filter(_visible())
        .select_related("article", "consultation", "section")
        .order_by(*_languages_first(language), "kind_rank", "-dated_at", "-id")
    )
