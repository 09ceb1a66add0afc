"""First contract cases (the full suite is in test_contract.py)."""

from __future__ import annotations

from palermo.core.search import SearchPlan, search


def test_title_match_ranks_above_body_match(corpus: int) -> None:
    results = search(SearchPlan(text="money laundering"))
    assert [hit.key for hit in results.hits] == ["c1", "c2"]
