"""What a document becomes before it is written: the facet pairs both databases store."""

from __future__ import annotations

import datetime

import pytest

from palermo.core.search.backends.base import IndexRow
from palermo.core.search.types import SearchDocument

CASES = [
    # (facets given, pairs stored after kind and year)
    ({"country": ["FRA", "ITA"]}, [("country", "FRA"), ("country", "ITA")]),
    ({"country": "FRA"}, [("country", "FRA")]),  # one value, not a list
    ({"article": [18, "18", "UNTOC-5"]}, [("article", "18"), ("article", "UNTOC-5")]),
    ({"court": ["", "High"]}, [("court", "High")]),  # empty values dropped
    ({"court": ["Hi\x00gh"]}, [("court", "High")]),  # NUL refused by PostgreSQL
    ({"court": ["x" * 300]}, [("court", "x" * 255)]),  # the column's length
    ({"kind": ["other"], "year": ["1900"]}, []),  # derived from the document only
    ({"f" * 70: ["v"]}, [("f" * 64, "v")]),
]


@pytest.mark.parametrize("facets, expected", CASES)
def test_facet_pairs(facets: dict[str, object], expected: list[tuple[str, str]]) -> None:
    doc = SearchDocument(
        kind="caselaw",
        key="k",
        title="t",
        date=datetime.date(2016, 5, 1),
        facets=facets,  # type: ignore[arg-type]
    )
    pairs = IndexRow.from_document(doc).facet_pairs
    assert pairs == (("kind", "caselaw"), ("year", "2016"), *expected)


def test_kind_and_key_are_cut_to_their_columns() -> None:
    doc = SearchDocument(kind="k" * 70, key="x\x00" + "y" * 300, title="t")
    row = IndexRow.from_document(doc)
    assert (len(row.doc.kind), row.doc.key) == (64, ("x" + "y" * 300)[:255])
    assert row.facet_pairs == (("kind", "k" * 64),)
