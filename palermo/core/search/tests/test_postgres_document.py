"""PostgreSQL keeps each entry's tsvector in `search_document` (migration 0009): an upgraded
database finds and ranks as before, and the documents go with their entries however those go."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection, connections, transaction

from palermo.core.search import SearchDocument, SearchPlan, bulk_index, clear_kind, search
from palermo.core.search.models import SearchEntry
from palermo.core.search.tests.test_postgres_ranking import recounted, statistics

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's own table of tsvectors"
)

QUERIES = ["money laundering", "launder*", '"organized criminal group"', "court -rossi", "洗钱"]


def snapshot() -> list[list[tuple[str, float]]]:
    return [
        [(hit.key, hit.score) for hit in search(SearchPlan(text=text, per_page=50)).hits]
        for text in QUERIES
    ]


def documents() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_document")
        return int(cursor.fetchone()[0])


@pytest.fixture
def document_table() -> Iterator[Any]:
    yield importlib.import_module("palermo.core.search.migrations.0009_postgres_document_table")


def test_an_upgraded_database_finds_and_ranks_as_before(corpus: int, document_table: Any) -> None:
    found, kept = snapshot(), statistics()
    assert any(found)
    with connection.cursor() as cursor:
        for statement in document_table.BACKWARD:  # the tsvectors back in search_entry, as 0008
            cursor.execute(statement)
        cursor.execute("SELECT count(*) FROM search_entry WHERE document <> ''::tsvector")
        assert cursor.fetchone()[0] == corpus
        for statement in document_table.FORWARD:
            cursor.execute(statement)
        cursor.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'search_entry' AND column_name IN ('document', 'token_count')"
        )
        assert cursor.fetchall() == []
    assert documents() == corpus
    assert snapshot() == found
    assert statistics() == kept


def test_entries_deleted_by_other_means_take_their_documents(corpus: int) -> None:
    """The admin deletes through the ORM, which knows nothing of search_document."""
    SearchEntry.objects.filter(key="c1").delete()
    assert documents() == corpus - 1
    assert "c1" not in [hit.key for hit in search(SearchPlan(text="rossi")).hits]


def test_truncating_the_entries_empties_the_documents(corpus: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE search_entry CASCADE")
    assert documents() == 0


def batch(writer: int, round_: int) -> list[SearchDocument]:
    """Documents sharing words with the other writer's, some replacing earlier ones."""
    return [
        SearchDocument(
            kind="race",
            key=f"{writer}-{(round_ + i) % 6}",
            title=f"Harbour case {round_} of writer {writer}",
            body="customs container seized" if i % 2 else "border customs",
            facets={"country": [f"X{writer}{i}"]},
        )
        for i in range(4)
    ]


def in_thread(work: Callable[[], None], failures: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            work()
        except BaseException as error:  # reported by the test below
            failures.append(error)
        finally:
            connections.close_all()

    return threading.Thread(target=run)


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_queue_and_keep_the_statistics_exact() -> None:
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def writer(number: int) -> Callable[[], None]:
        def work() -> None:
            start.wait(timeout=10)
            for round_ in range(6):
                with transaction.atomic():
                    bulk_index(batch(number, round_))

        return work

    threads = [in_thread(writer(number), failures) for number in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert failures == []
        assert documents() == 12
        assert statistics() == recounted()
    finally:
        clear_kind("race")
