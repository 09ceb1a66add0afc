"""The full-text half of the index, which differs by database (BRIEF §5).

SQLite: an FTS5 table holding the normalised title, summary and body (rowid = search_entry.id),
tokenised by unicode61 with combining marks kept inside words (the normaliser has already folded
case and accents), with prefix indexes for 2- and 3-character prefixes (search as you type);
and an fts5vocab view of its terms for spelling suggestions.

PostgreSQL: a `document` tsvector (title weight A, summary B, body C) with a GIN index, and a
vocabulary table filled as documents are indexed.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body,
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'",
        prefix = '2 3'
    )""",
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_vocab", "DROP TABLE IF EXISTS search_fts"]

POSTGRES_FORWARD = [
    "ALTER TABLE search_entry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX search_entry_document ON search_entry USING gin (document)",
    "CREATE TABLE search_term (term text PRIMARY KEY)",
]
POSTGRES_BACKWARD = [
    "DROP TABLE IF EXISTS search_term",
    "DROP INDEX IF EXISTS search_entry_document",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS document",
]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(
        schema_editor.connection.vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(
        schema_editor.connection.vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
