"""Disjunctive facet counts with several filters at once, against counts worked out in Python."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest

from palermo.core.search import SearchDocument, SearchPlan, bulk_index, search

COUNTRIES = ["ITA", "FRA", "NGA", "BRA"]
CRIMES = ["money-laundering", "corruption", "smuggling"]


def _records() -> list[dict[str, object]]:
    return [
        {
            "key": str(n),
            "kind": "caselaw" if n % 3 else "legislation",
            "country": COUNTRIES[n % 4],
            "crime": CRIMES[(n // 4) % 3],
            "year": 2000 + n % 7,
            "word": "vessel" if n % 5 else "harbour",
        }
        for n in range(120)
    ]


def _expected(records: list[dict[str, object]], ignore: str) -> Counter[str]:
    """Counts of facet `ignore` over the records passing every filter of the plan but its own."""
    checks = {
        "country": lambda r: r["country"] in ("ITA", "NGA"),
        "crime": lambda r: r["crime"] == "corruption",
        "year": lambda r: 2002 <= int(str(r["year"])) <= 2005,
        "kind": lambda r: r["kind"] == "caselaw",
    }
    kept = [
        r
        for r in records
        if r["word"] == "vessel"
        and all(check(r) for name, check in checks.items() if name != ignore)
    ]
    return Counter(str(r[ignore]) for r in kept)


@pytest.fixture
def records(db: object) -> list[dict[str, object]]:
    rows = _records()
    bulk_index(
        SearchDocument(
            kind=str(r["kind"]),
            key=str(r["key"]),
            title=f"Judgment {r['word']} {r['key']}",
            date=datetime.date(int(str(r["year"])), 3, 1),
            facets={"country": [str(r["country"])], "crime": [str(r["crime"])]},
        )
        for r in rows
    )
    return rows


PLAN = {
    "text": "vessel",
    "filters": {"country": ["ITA", "NGA"], "crime": ["corruption"]},
    "kinds": ["caselaw"],
    "year_from": 2002,
    "year_to": 2005,
    "facets": ["country", "crime", "year", "kind"],
}


def test_every_filtered_facet_ignores_only_its_own_filter(records: list[dict[str, object]]) -> None:
    results = search(SearchPlan(**PLAN))  # type: ignore[arg-type]
    for facet in ("country", "crime", "year", "kind"):
        assert dict(results.facets[facet]) == dict(_expected(records, facet)), facet
    assert results.total == sum(_expected(records, "country")[c] for c in ("ITA", "NGA"))
