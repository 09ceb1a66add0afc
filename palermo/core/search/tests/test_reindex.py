"""`palermo reindex` rebuilds kinds from their registered indexers."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from palermo.core.search import SearchDocument, SearchPlan, index_document, search
from palermo.core.search.registry import register_indexer, unregister_indexer


def specimens() -> Iterator[SearchDocument]:
    for n in range(7):
        yield SearchDocument(
            kind="specimen", key=str(n), title=f"Specimen {n}", facets={"n": [str(n % 2)]}
        )


@pytest.fixture
def registered() -> Iterator[None]:
    register_indexer("specimen", specimens)
    yield
    unregister_indexer("specimen")


def test_reindex_replaces_a_kind(db: Any, registered: None) -> None:
    index_document(SearchDocument(kind="specimen", key="stale", title="Specimen gone"))
    index_document(SearchDocument(kind="other", key="1", title="Specimen of another kind"))
    out = io.StringIO()
    call_command("reindex", kind=["specimen"], stdout=out)
    assert "specimen: 7 documents indexed" in out.getvalue()
    assert "Search index rebuilt." in out.getvalue()
    results = search(SearchPlan(text="specimen", facets=["n", "kind"], per_page=50))
    assert sorted((hit.kind, hit.key) for hit in results.hits) == [
        ("other", "1"),
        *[("specimen", str(n)) for n in range(7)],
    ]
    assert results.facets["n"] == [("0", 4), ("1", 3)]
    assert results.facets["kind"] == [("specimen", 7), ("other", 1)]
    # The totals behind the empty search were recounted and agree.
    assert search(SearchPlan(facets=["kind"])).facets["kind"] == [("specimen", 7), ("other", 1)]


def test_reindex_refuses_an_unknown_kind(db: Any, registered: None) -> None:
    with pytest.raises(
        CommandError, match=r"No indexer for nonsense; registered kinds: .*specimen"
    ):
        call_command("reindex", kind=["nonsense"])
