"""PostgreSQL: the statistics its bm25 ranking reads (backends/postgres.py). SQLite needs none:
FTS5 keeps them itself.

- `search_term.ndoc`: how many entries hold each lexeme, for the IDF. The table held only the
  words offered by "did you mean"; it now holds every lexeme, and `spelling` marks those words.
- `search_entry.token_count`: the entry's length as FTS5 counts it, for length normalisation.
- `search_totals`: one row, the number of entries and the sum of their lengths.

The writes keep them in their transaction. A trigger zeroes them when search_entry is
truncated, as Django's `flush` does between transactional tests, which would otherwise leave
the counts of entries that no longer exist. Existing entries are counted here.
"""

from django.db import migrations

from palermo.core.search.backends.postgres import text_tokens
from palermo.core.search.normalise import index_text

BATCH = 2000

FORWARD = [
    "ALTER TABLE search_entry ADD COLUMN token_count integer NOT NULL DEFAULT 0",
    "ALTER TABLE search_term ADD COLUMN ndoc integer NOT NULL DEFAULT 0,"
    " ADD COLUMN spelling boolean NOT NULL DEFAULT true",
    "CREATE TABLE search_totals (id integer PRIMARY KEY CHECK (id = 1),"
    " entries bigint NOT NULL, tokens bigint NOT NULL)",
    """CREATE FUNCTION search_entry_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE search_totals SET entries = 0, tokens = 0;
        UPDATE search_term SET ndoc = 0 WHERE ndoc <> 0;
        RETURN NULL;
    END
    $$""",
    "CREATE TRIGGER search_entry_truncated AFTER TRUNCATE ON search_entry"
    " FOR EACH STATEMENT EXECUTE FUNCTION search_entry_truncated()",
]
FILL = [
    "INSERT INTO search_term (term, ndoc, spelling)"
    " SELECT word, ndoc, false FROM ts_stat('SELECT document FROM search_entry')"
    " ON CONFLICT (term) DO UPDATE SET ndoc = excluded.ndoc",
    "INSERT INTO search_totals (id, entries, tokens)"
    " SELECT 1, count(*), coalesce(sum(token_count), 0) FROM search_entry",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_entry_truncated ON search_entry",
    "DROP FUNCTION IF EXISTS search_entry_truncated()",
    "DROP TABLE IF EXISTS search_totals",
    "DELETE FROM search_term WHERE NOT spelling",
    "ALTER TABLE search_term DROP COLUMN IF EXISTS ndoc, DROP COLUMN IF EXISTS spelling",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS token_count",
]


def count_tokens(cursor):
    """Each entry's length, as PostgresBackend.write stores it for new entries."""
    last_id = 0
    while True:
        cursor.execute(
            "SELECT e.id, e.title, e.summary, e.body, e.is_public,"
            " (SELECT count(*) FROM search_facet f WHERE f.entry_id = e.id)"
            " FROM search_entry e WHERE e.id > %s ORDER BY e.id LIMIT %s",
            [last_id, BATCH],
        )
        rows = cursor.fetchall()
        if not rows:
            return
        cursor.execute(
            "UPDATE search_entry e SET token_count = v.tokens"
            " FROM unnest(%s::bigint[], %s::integer[]) AS v(id, tokens) WHERE e.id = v.id",
            [
                [row[0] for row in rows],
                [
                    text_tokens(index_text(title), index_text(summary), index_text(body))
                    + facets
                    + (0 if public else 1)
                    for _id, title, summary, body, public, facets in rows
                ],
            ],
        )
        last_id = rows[-1][0]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)
    with schema_editor.connection.cursor() as cursor:
        count_tokens(cursor)
    for statement in FILL:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_drop_facet_totals")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
