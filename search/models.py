"""The search index: one document per searchable item and language, with its text lemmatized.

The full-text part lives beside the table and is not a model field: on PostgreSQL a generated
`tsvector` column over `lemmas` (the `simple` configuration) with a GIN index, on SQLite an FTS5
table kept by triggers (backends.py sets either up in migration 0001 and queries it). Each
document points to what it indexes; the database itself deletes the documents of a deleted
article, consultation, section or comment (a foreign key with ON DELETE CASCADE on PostgreSQL, a
trigger on SQLite, both made in backends.py), so Django never fetches them one by one, and the
apps that delete need not know that search exists. (Django's own DB_CASCADE cannot point to a
model that cascades in Python, as sections and comments do.)
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from consultations.models import Comment, Consultation, Section

# Django neither collects these rows nor makes the constraint: backends.py makes it, cascading.
CASCADED_BY_THE_DATABASE = {
    "on_delete": models.DO_NOTHING,
    "db_constraint": False,
    "related_name": "+",
}


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        CONSULTATION = "consultation", _("Consultation")
        SECTION = "section", _("Section of a consultation")
        ARTICLE = "article", _("Article")
        COMMENT = "comment", _("Comment")

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    article = models.ForeignKey(Article, null=True, blank=True, **CASCADED_BY_THE_DATABASE)
    # Set for consultations, their sections and their comments: visibility and links follow it.
    consultation = models.ForeignKey(
        Consultation, null=True, blank=True, **CASCADED_BY_THE_DATABASE
    )
    section = models.ForeignKey(Section, null=True, blank=True, **CASCADED_BY_THE_DATABASE)
    comment = models.ForeignKey(Comment, null=True, blank=True, **CASCADED_BY_THE_DATABASE)
    # Where its kind comes within a language: KIND_RANKS.
    kind_rank = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    lemmas = models.TextField(blank=True)
    dated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        # The order of results, the page's language first: with two languages, "language"
        # ascending or descending (selectors.search_documents); PostgreSQL can then walk one of
        # these and stop at a page of matches instead of sorting every match of a common word.
        indexes = [
            models.Index(
                fields=["language", "kind_rank", "-dated_at", "-id"], name="search_order_up"
            ),
            models.Index(
                fields=["-language", "kind_rank", "-dated_at", "-id"], name="search_order_down"
            ),
        ]

    def __str__(self) -> str:
        return self.key


# Within a language: consultations, then their sections, then articles, then comments.
KIND_RANKS = {
    SearchDocument.Kind.CONSULTATION: 0,
    SearchDocument.Kind.SECTION: 1,
    SearchDocument.Kind.ARTICLE: 2,
    SearchDocument.Kind.COMMENT: 3,
}
