"""Migration 0010: entries indexed before Russian and Arabic were stemmed are written again."""

from __future__ import annotations

import datetime
import importlib
from types import SimpleNamespace
from typing import Any

from django.db import connection

from palermo.core.search import SearchDocument, SearchPlan, index_document, search
from palermo.core.search.backends.sqlite import tags_text
from palermo.core.search.normalise import _folded_text

migration = importlib.import_module("palermo.core.search.migrations.0010_stem_russian_and_arabic")

DOCS = [
    SearchDocument(
        kind="legislation",
        key="ar",
        title="قانون مكافحة غسل الأموال",
        summary="الإبلاغ عن المعاملات",
        date=datetime.date(2015, 7, 1),
        facets={"country": ["EGY"]},
        extra={"source_url": "https://example.org/ar"},
    ),
    SearchDocument(
        kind="legislation",
        key="ru",
        title="Уголовный кодекс",
        body="ответственность участников",
        facets={"country": ["RUS"]},
        is_public=False,
    ),
    SearchDocument(kind="legislation", key="en", title="Money laundering act"),
]


def entry_ids() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, id FROM search_entry")
        return {key: int(entry_id) for key, entry_id in cursor.fetchall()}


def index_as_before_stemming(entry_id: int, doc: SearchDocument) -> None:
    """The entry's full-text row as the previous normaliser wrote it (no stems)."""
    texts = [_folded_text(doc.title), _folded_text(doc.summary), _folded_text(doc.body)]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT facet, value FROM search_facet WHERE entry_id = %s", [entry_id])
            tags = tags_text(sorted(cursor.fetchall()), doc.is_public)
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry_id])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, summary, body, tags)"
                " VALUES (%s, %s, %s, %s, %s)",
                [entry_id, *texts, tags],
            )
        else:
            cursor.execute(
                "UPDATE search_document SET document ="
                " setweight(to_tsvector('simple', %s), 'A')"
                " || setweight(to_tsvector('simple', %s), 'B')"
                " || setweight(to_tsvector('simple', %s), 'C') WHERE entry_id = %s",
                [*texts, entry_id],
            )


def found(text: str) -> list[str]:
    plan = SearchPlan(text=text, include_non_public=True)
    return sorted(hit.key for hit in search(plan).hits)


def test_old_entries_in_stemmed_scripts_are_written_again(db: Any) -> None:
    for doc in DOCS:
        index_document(doc)
    before = entry_ids()
    for doc in DOCS[:2]:
        index_as_before_stemming(before[doc.key], doc)
    assert found("اموال") == [] and found("ответственности") == []  # the old index

    # forward() needs only the editor's connection; SQLite's schema editor cannot open inside
    # the test's transaction.
    migration.forward(None, SimpleNamespace(connection=connection))

    after = entry_ids()
    assert after["en"] == before["en"]  # Latin script: indexed as before, left alone
    assert after["ar"] > before["ar"] and after["ru"] > before["ru"]
    assert found("اموال") == ["ar"] and found("ответственности") == ["ru"]
    # Everything else about the entries is kept: facets, extra, date and visibility.
    egypt = search(SearchPlan(text="غسل", filters={"country": ["EGY"]})).hits
    assert [(hit.key, hit.date, hit.extra) for hit in egypt] == [
        ("ar", datetime.date(2015, 7, 1), {"source_url": "https://example.org/ar"})
    ]
    assert search(SearchPlan(text="ответственности")).total == 0  # still not public
