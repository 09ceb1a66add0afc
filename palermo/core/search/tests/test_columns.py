"""The in-memory facet index: its arrays, and that it follows every write, rollback and flush."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from django.db import connection, transaction

from palermo.core.search import SearchDocument, SearchPlan, bulk_index, columns, remove_document
from palermo.core.search.columns import FacetColumn


def column(groups: dict[str, list[int]]) -> FacetColumn:
    return FacetColumn.from_groups(
        (value, np.array(rows, dtype=np.int64)) for value, rows in groups.items()
    )


def as_groups(facet_column: FacetColumn) -> dict[str, list[int]]:
    offsets = facet_column.offsets
    return {
        value: sorted(facet_column.rows[offsets[code] : offsets[code + 1]].tolist())
        for code, value in enumerate(facet_column.values)
    }


APPENDED = [
    # (existing groups, new (value, row) pairs, expected groups)
    ({"ITA": [0, 2], "FRA": [1]}, [("FRA", 3)], {"ITA": [0, 2], "FRA": [1, 3]}),
    (
        {"ITA": [0, 2], "FRA": [1]},
        [("BRA", 3), ("ITA", 4)],
        {"ITA": [0, 2, 4], "FRA": [1], "BRA": [3]},
    ),
    ({}, [("X", 0), ("Y", 0), ("X", 1)], {"X": [0, 1], "Y": [0]}),
    ({"A": [], "B": [0]}, [("A", 1)], {"A": [1], "B": [0]}),
    ({"A": [0]}, [], {"A": [0]}),
]


@pytest.mark.parametrize("groups, pairs, expected", APPENDED)
def test_appending_pairs_keeps_every_value_group(
    groups: dict[str, list[int]], pairs: list[tuple[str, int]], expected: dict[str, list[int]]
) -> None:
    values = [value for value, _row in pairs]
    rows = np.array([row for _value, row in pairs], dtype=np.int64)
    assert as_groups(column(groups).appended(values, rows)) == expected


def test_counting_and_masks_over_a_selection() -> None:
    countries = column({"ITA": [0, 2, 4], "FRA": [1], "BRA": [], "NGA": [3, 4]})
    selected = np.array([True, False, True, True, False])
    assert sorted(countries.count(selected)) == [("ITA", 2), ("NGA", 1)]
    assert countries.mask(["FRA", "NGA", "unknown"], 5).tolist() == [False, True, False, True, True]
    everything = np.ones(5, dtype=np.bool_)
    assert sorted(countries.count(everything)) == [("FRA", 1), ("ITA", 3), ("NGA", 2)]


def test_dates_and_ids_parse_from_aggregated_text() -> None:
    assert columns.parse_ids("3,1,20").tolist() == [3, 1, 20]
    assert columns.parse_ids(None).tolist() == []
    days = columns.parse_days("1970-01-02,NaT")
    assert days[0] == 1 and days[1] == columns.NO_DATE


def doc(key: str, country: str, public: bool = True) -> SearchDocument:
    return SearchDocument(
        kind="caselaw",
        key=key,
        title=f"Harbour judgment {key}",
        facets={"country": [country]},
        is_public=public,
    )


def country_counts() -> dict[str, int]:
    return dict(search(SearchPlan(text="harbour", facets=["country"])).facets["country"])


def search(plan: SearchPlan) -> Any:
    from palermo.core.search import search as run

    return run(plan)


def cached() -> columns.FacetIndex:
    return next(iter(columns._CACHE.values()))


@pytest.mark.django_db
def test_writes_and_removals_reach_the_cached_index_without_a_rebuild() -> None:
    bulk_index(doc(str(n), "ITA") for n in range(5))
    assert country_counts() == {"ITA": 5}
    built = cached()
    bulk_index([doc("0", "FRA"), doc("9", "NGA", public=False)])
    assert country_counts() == {"ITA": 4, "FRA": 1}
    remove_document("caselaw", "1")
    assert country_counts() == {"ITA": 3, "FRA": 1}
    refreshed = cached()
    # Reloaded entry by entry: the arrays grew and the replaced entries are marked dead.
    assert refreshed is not built and refreshed.size == built.size + 2
    assert int(np.count_nonzero(~refreshed.alive)) == 2
    assert search(SearchPlan(text="harbour", include_non_public=True)).total == 5


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_never_leaves_its_counts_behind() -> None:
    bulk_index(doc(str(n), "ITA") for n in range(3))
    assert country_counts() == {"ITA": 3}
    with pytest.raises(RuntimeError), transaction.atomic():
        bulk_index([doc("7", "FRA")])
        assert country_counts() == {"ITA": 3, "FRA": 1}  # seen inside the transaction
        raise RuntimeError
    assert country_counts() == {"ITA": 3}
    # The next write reuses the rolled-back generation number, with another stamp.
    bulk_index([doc("8", "NGA")])
    assert country_counts() == {"ITA": 3, "NGA": 1}
    remove_document("caselaw", "8")
    for n in range(3):
        remove_document("caselaw", str(n))


@pytest.mark.django_db
def test_a_history_that_no_longer_reaches_the_cache_rebuilds_it() -> None:
    bulk_index(doc(str(n), "ITA") for n in range(3))
    assert country_counts() == {"ITA": 3}
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_change")  # as pruning does to old generations
    bulk_index([doc("5", "FRA")])
    assert country_counts() == {"ITA": 3, "FRA": 1}
    assert bool(cached().alive.all())  # built afresh: nothing dead in it
