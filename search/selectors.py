"""The one read of the index: documents matching a query that any visitor may see."""

import operator
from functools import reduce

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from articles.models import Article
from consultations.models import Comment, Consultation
from inepa_portal.translation import LANGUAGE_CODES

from .backends import matches_in
from .lemmas import query_lemmas
from .models import SearchDocument

Kind = SearchDocument.Kind
# Within a language: consultations, then their sections, then articles, then comments.
KIND_ORDER = [Kind.CONSULTATION, Kind.SECTION, Kind.ARTICLE, Kind.COMMENT]


def query_is_searchable(query: str) -> bool:
    """Whether a query has any word to look for."""
    return bool(query_lemmas(query, LANGUAGE_CODES[0]))


def _visible() -> Q:
    """Documents of what a visitor may read, whatever the index holds: published articles whose
    time has come, published consultations with their sections, and their visible comments."""
    published_consultations = Consultation.objects.published().values("pk")
    return (
        Q(kind=Kind.ARTICLE, article__in=Article.objects.published().values("pk"))
        | Q(kind__in=[Kind.CONSULTATION, Kind.SECTION], consultation__in=published_consultations)
        | Q(
            kind=Kind.COMMENT,
            consultation__in=published_consultations,
            comment__in=Comment.objects.visible().values("pk"),
        )
    )


def search_documents(query: str, *, language: str) -> QuerySet[SearchDocument]:
    """Visible documents containing every word of `query` in some inflected form (each
    language's documents matched with the query's lemmas in that language): those in
    `language` first, then by kind, newest first."""
    condition = reduce(
        operator.or_, (matches_in(code, query_lemmas(query, code)) for code in LANGUAGE_CODES)
    )
    return (
        SearchDocument.objects.filter(condition)
        .filter(_visible())
        .select_related("article", "consultation", "section")
        .annotate(
            in_other_language=Case(
                When(language=language, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            kind_order=Case(
                *(When(kind=kind, then=Value(order)) for order, kind in enumerate(KIND_ORDER)),
                output_field=IntegerField(),
            ),
        )
        .order_by("in_other_language", "kind_order", "-dated_at", "-id")
    )
