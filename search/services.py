"""Every write to the search index: refreshing one item's documents, rebuilding them all."""

from collections.abc import Callable, Iterable

from django.db import transaction

from articles.models import Article
from consultations.models import Comment, Consultation, Section

from . import documents
from .models import SearchDocument

Kind = SearchDocument.Kind
BATCH = 500

# Per indexed model: its kind, the column of the index pointing to it, its documents.
INDEXED: dict[type, tuple[str, str, Callable]] = {
    Article: (Kind.ARTICLE, "article_id", documents.article_documents),
    Consultation: (Kind.CONSULTATION, "consultation_id", documents.consultation_documents),
    Section: (Kind.SECTION, "section_id", documents.section_documents),
    Comment: (Kind.COMMENT, "comment_id", documents.comment_documents),
}


@transaction.atomic
def item_reindex(*, model: type, pk: int) -> int:
    """Replace the documents of one article, consultation, section or comment with what it
    says now (none once it is gone or, for a comment, no longer published). Returns how many."""
    kind, column, build = INDEXED[model]
    SearchDocument.objects.filter(kind=kind, **{column: pk}).delete()
    queryset = model.objects.filter(pk=pk)
    if model is Section:
        queryset = queryset.select_related("consultation")
    item = queryset.first()
    if item is None:
        return 0
    return len(SearchDocument.objects.bulk_create(build(item)))


def _batches(items: Iterable, build: Callable) -> Iterable[list[SearchDocument]]:
    batch: list[SearchDocument] = []
    for item in items:
        batch.extend(build(item))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


@transaction.atomic
def index_rebuild() -> int:
    """Drop the whole index and index everything again. Returns the number of documents."""
    SearchDocument.objects.all().delete()
    sources = [
        (Article.objects.order_by("pk"), documents.article_documents),
        (Consultation.objects.order_by("pk"), documents.consultation_documents),
        (
            Section.objects.select_related("consultation").order_by("pk"),
            documents.section_documents,
        ),
        (Comment.objects.visible().order_by("pk"), documents.comment_documents),
    ]
    total = 0
    for queryset, build in sources:
        for batch in _batches(queryset.iterator(chunk_size=BATCH), build):
            total += len(SearchDocument.objects.bulk_create(batch))
    return total
