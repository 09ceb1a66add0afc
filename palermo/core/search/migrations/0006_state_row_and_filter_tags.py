"""The state row that change tracking bumps; on SQLite a fourth FTS5 column, `tags`, and the
vocabulary table PostgreSQL already had (fts5vocab counts every term's entries as it lists them,
which made "did you mean" cost tens of milliseconds).

`tags` holds one token per (facet, value) of an entry, and one for "not public", so that a
search's filters can go into the MATCH expression: FTS5 then ranks only the entries that pass
them (backends/sqlite.py). Existing rows are copied with their tags; on PostgreSQL the filters
are passed as the list of ids the facet index selected, so nothing changes there.
"""

from django.db import migrations

from palermo.core.search.backends.sqlite import FTS_COLUMNS_SQL, tags_text

BATCH = 2000


def copy_with_tags(cursor, last_id):
    cursor.execute(
        "SELECT f.rowid, f.title, f.summary, f.body, e.is_public FROM search_fts f"
        " JOIN search_entry e ON e.id = f.rowid WHERE f.rowid > %s ORDER BY f.rowid LIMIT %s",
        [last_id, BATCH],
    )
    rows = cursor.fetchall()
    if not rows:
        return None
    marks = ", ".join(["%s"] * len(rows))
    cursor.execute(
        f"SELECT entry_id, facet, value FROM search_facet WHERE entry_id IN ({marks})",
        [row[0] for row in rows],
    )
    pairs = {}
    for entry_id, facet, value in cursor.fetchall():
        pairs.setdefault(entry_id, []).append((facet, value))
    cursor.executemany(
        "INSERT INTO search_fts_tagged (rowid, title, summary, body, tags)"
        " VALUES (%s, %s, %s, %s, %s)",
        [
            (rowid, title, summary, body, tags_text(pairs.get(rowid, ()), bool(public)))
            for rowid, title, summary, body, public in rows
        ],
    )
    return rows[-1][0]


def forward(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO search_state (id, generation, stamp) VALUES (1, 0, '')"
    )
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(f"CREATE VIRTUAL TABLE search_fts_tagged USING fts5({FTS_COLUMNS_SQL})")
    with schema_editor.connection.cursor() as cursor:
        last_id = 0
        while last_id is not None:
            last_id = copy_with_tags(cursor, last_id)
    schema_editor.execute("DROP TABLE search_vocab")
    schema_editor.execute("DROP TABLE search_fts")
    schema_editor.execute("ALTER TABLE search_fts_tagged RENAME TO search_fts")
    schema_editor.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')")
    schema_editor.execute("CREATE TABLE search_term (term text PRIMARY KEY) WITHOUT ROWID")
    schema_editor.execute(
        "INSERT INTO search_term (term) SELECT term FROM search_vocab WHERE length(term)"
        " BETWEEN 3 AND 32 AND term NOT LIKE '0x%' AND term GLOB '*[^0-9]*'"
    )


def backward(apps, schema_editor):
    # The tags column stays: earlier code names its columns when writing, so it still works.
    schema_editor.execute("DELETE FROM search_state")
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_term")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_change_tracking")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
