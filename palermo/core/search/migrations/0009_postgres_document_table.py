"""PostgreSQL: the tsvector and the entry's length move out of `search_entry` into a narrow
table of their own, `search_document (entry_id, token_count, document)`, with the GIN index.

search_entry rows hold the text for snippets (about 3.6 KB each at 100,000 records); with the
tsvector inline, matching a common word read and detoasted the whole table. Matching, bm25 and
the statistics now read only the narrow table (docs/performance.md "Search").

No foreign key to search_entry: Django's `flush` truncates the tables of its models without
CASCADE, which PostgreSQL refuses for a table referenced by one it does not list. Instead the
writes delete an entry's document before the entry (backends/postgres.py), a statement trigger
removes the documents of entries deleted any other way (the admin), and the truncate trigger
of migration 0008 now empties this table too. SQLite: nothing to do (FTS5 has its own table).
"""

from django.db import migrations

FORWARD = [
    "CREATE TABLE search_document (entry_id bigint PRIMARY KEY,"
    " token_count integer NOT NULL, document tsvector NOT NULL)",
    "INSERT INTO search_document (entry_id, token_count, document)"
    " SELECT id, token_count, document FROM search_entry ORDER BY id",
    "CREATE INDEX search_document_document ON search_document USING gin (document)",
    "DROP INDEX IF EXISTS search_entry_document",
    "ALTER TABLE search_entry DROP COLUMN document, DROP COLUMN token_count",
    # Emptied with the entries (Django's flush between transactional tests), statistics too.
    """CREATE OR REPLACE FUNCTION search_entry_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE search_document;
        UPDATE search_totals SET entries = 0, tokens = 0;
        UPDATE search_term SET ndoc = 0 WHERE ndoc <> 0;
        RETURN NULL;
    END
    $$""",
    """CREATE FUNCTION search_entry_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_document d USING deleted_entries g WHERE d.entry_id = g.id;
        RETURN NULL;
    END
    $$""",
    "CREATE TRIGGER search_entry_deleted AFTER DELETE ON search_entry"
    " REFERENCING OLD TABLE AS deleted_entries"
    " FOR EACH STATEMENT EXECUTE FUNCTION search_entry_deleted()",
    "ANALYZE search_document",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_entry_deleted ON search_entry",
    "DROP FUNCTION IF EXISTS search_entry_deleted()",
    """CREATE OR REPLACE FUNCTION search_entry_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE search_totals SET entries = 0, tokens = 0;
        UPDATE search_term SET ndoc = 0 WHERE ndoc <> 0;
        RETURN NULL;
    END
    $$""",
    "ALTER TABLE search_entry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector,"
    " ADD COLUMN token_count integer NOT NULL DEFAULT 0",
    "UPDATE search_entry e SET document = d.document, token_count = d.token_count"
    " FROM search_document d WHERE d.entry_id = e.id",
    "CREATE INDEX search_entry_document ON search_entry USING gin (document)",
    "DROP TABLE search_document",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0008_postgres_bm25_statistics")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
