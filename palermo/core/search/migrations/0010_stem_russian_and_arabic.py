"""Russian words are now indexed by their stem and Arabic words without their article
(normalise.py, `stem`): entries holding Cyrillic or Arabic letters are written again through the
search backend, so their full-text rows, statistics and vocabulary take the new terms. Entries
in other scripts index exactly as before and are left alone. Re-written entries get new ids, as
any re-index does; only those that existed before the migration are read.

Cost: every entry's text is read once (about a minute per million entries); each re-written one
costs what an import of it would.
"""

import json
import re

from django.db import migrations

from palermo.core.search.backends.base import KIND_FACET, YEAR_FACET, date_value
from palermo.core.search.normalise import ARABIC_LETTER_CLASS, CYRILLIC_CLASS
from palermo.core.search.types import SearchDocument

BATCH = 2000
STEMMED_SCRIPT_RE = re.compile(f"[{CYRILLIC_CLASS}{ARABIC_LETTER_CLASS}]")


def documents(cursor, rows):
    """The entries' documents, rebuilt from the tables (facets but the derived kind and year)."""
    marks = ", ".join(["%s"] * len(rows))
    cursor.execute(
        f"SELECT entry_id, facet, value FROM search_facet WHERE entry_id IN ({marks})",
        [row[0] for row in rows],
    )
    facets = {}
    for entry_id, facet, value in cursor.fetchall():
        if facet not in (KIND_FACET, YEAR_FACET):
            facets.setdefault(entry_id, {}).setdefault(facet, []).append(value)
    return [
        SearchDocument(
            kind=kind,
            key=key,
            title=title,
            summary=summary or "",
            body=body or "",
            language=language or "",
            date=date_value(date),
            facets=facets.get(entry_id, {}),
            extra=json.loads(extra) if isinstance(extra, str) else (extra or {}),
            is_public=bool(is_public),
        )
        for entry_id, kind, key, title, summary, body, language, date, is_public, extra in rows
    ]


def forward(apps, schema_editor):
    from palermo.core.search.engine import get_backend

    backend = get_backend(schema_editor.connection.vendor)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM search_entry")
        last_existing = int(cursor.fetchone()[0])
        after = 0
        while after < last_existing:
            cursor.execute(
                "SELECT id, kind, key, title, summary, body, language, date, is_public, extra"
                " FROM search_entry WHERE id > %s AND id <= %s ORDER BY id LIMIT %s",
                [after, last_existing, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            after = rows[-1][0]
            stemmed = [
                row for row in rows if STEMMED_SCRIPT_RE.search(f"{row[3]} {row[4]} {row[5]}")
            ]
            if stemmed:
                backend.write(cursor, documents(cursor, stemmed))


class Migration(migrations.Migration):
    dependencies = [("search", "0009_postgres_document_table")]
    # Nothing to undo: the old code reads the re-written entries as it reads any entry (its
    # queries simply would not stem).
    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=False)]
