"""Transactional tests flush the database between tests; the FTS5 table must not keep rows."""

import pytest
from django.core.management import call_command
from django.db import connection

from palermo.core.search import SearchDocument, SearchPlan, index_document, search

pytestmark = pytest.mark.django_db(transaction=True)


def test_flush_leaves_no_full_text_rows_to_clash_with_new_entries():
    index_document(SearchDocument(kind="note", key="1", title="freezing order"))
    call_command("flush", interactive=False, verbosity=0)
    # The new entry gets the id the flushed one had; indexing it must not clash.
    index_document(SearchDocument(kind="note", key="2", title="seizure warrant"))
    assert [hit.key for hit in search(SearchPlan(text="seizure")).hits] == ["2"]
    assert search(SearchPlan(text="freezing")).total == 0
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM search_fts")
            assert cursor.fetchone()[0] == 1
