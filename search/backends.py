"""The one interface over the two full-text engines: a condition that a document matches lemmas.

PostgreSQL (production): the generated `tsvector` column `search_vector` with its GIN index,
matched by `plainto_tsquery('simple', …)`, which ANDs the words. SQLite (the embedded default):
the FTS5 table `search_fts`, whose rowid is the document's id, matched by a query of quoted
words (implicitly ANDed). The lemmas contain letters and digits only (lemmas.WORD), so quoting
them is enough to keep FTS5's query syntax out.
"""

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL


def matches(lemmas: list[str]) -> RawSQL:
    """The condition that a search document contains every lemma of `lemmas` (not empty)."""
    if connection.vendor == "postgresql":
        return RawSQL(
            "search_searchdocument.search_vector @@ plainto_tsquery('simple', %s)",
            [" ".join(lemmas)],
            output_field=BooleanField(),
        )
    if connection.vendor == "sqlite":
        return RawSQL(
            "search_searchdocument.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)",
            [" ".join(f'"{lemma}"' for lemma in lemmas)],
            output_field=BooleanField(),
        )
    raise NotImplementedError(f"No full-text search on {connection.vendor}.")


def matches_in(language: str, lemmas: list[str]) -> Q:
    """Documents in `language` containing every lemma (the lemmas of that language)."""
    if not lemmas:
        return Q(pk__in=[])
    return Q(language=language) & Q(matches(lemmas))


# The targets of the index, which delete their documents: (column, table it points to).
TARGETS = [
    ("article_id", "articles_article"),
    ("consultation_id", "consultations_consultation"),
    ("section_id", "consultations_section"),
    ("comment_id", "consultations_comment"),
]


def _postgresql_setup() -> list[str]:
    return [
        "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', lemmas)) STORED",
        "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (search_vector)",
        *(
            f"ALTER TABLE search_searchdocument ADD CONSTRAINT search_document_{column} "
            f"FOREIGN KEY ({column}) REFERENCES {table} (id) ON DELETE CASCADE"
            for column, table in TARGETS
        ),
    ]


def _postgresql_teardown() -> list[str]:
    return [
        *(
            f"ALTER TABLE search_searchdocument DROP CONSTRAINT IF EXISTS search_document_{column}"
            for column, _table in TARGETS
        ),
        "DROP INDEX IF EXISTS search_document_vector",
        "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
    ]


def _sqlite_setup() -> list[str]:
    return [
        # External content: the lemmas stay in the table, FTS5 keeps only its inverted index.
        "CREATE VIRTUAL TABLE search_fts USING fts5(lemmas, content='search_searchdocument', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
        "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
        "INSERT INTO search_fts(rowid, lemmas) VALUES (new.id, new.lemmas); END",
        "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, lemmas) "
        "VALUES ('delete', old.id, old.lemmas); END",
        "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, lemmas) "
        "VALUES ('delete', old.id, old.lemmas); "
        "INSERT INTO search_fts(rowid, lemmas) VALUES (new.id, new.lemmas); END",
        *(
            # Names of tables and columns from TARGETS, no input.
            f"CREATE TRIGGER search_document_{column} AFTER DELETE ON {table} BEGIN "  # noqa: S608
            f"DELETE FROM search_searchdocument WHERE {column} = old.id; END"
            for column, table in TARGETS
        ),
    ]


def _sqlite_teardown() -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS search_document_{column}" for column, _table in TARGETS),
        "DROP TRIGGER IF EXISTS search_fts_update",
        "DROP TRIGGER IF EXISTS search_fts_delete",
        "DROP TRIGGER IF EXISTS search_fts_insert",
        "DROP TABLE IF EXISTS search_fts",
    ]


def full_text_setup(schema_editor, *, undo: bool = False) -> None:
    """Create (or with `undo`, drop) the full-text part of the index and the cascades."""
    statements = {
        ("postgresql", False): _postgresql_setup,
        ("postgresql", True): _postgresql_teardown,
        ("sqlite", False): _sqlite_setup,
        ("sqlite", True): _sqlite_teardown,
    }.get((schema_editor.connection.vendor, undo), list)()
    for statement in statements:
        schema_editor.execute(statement)
