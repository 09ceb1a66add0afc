"""The public vocabulary of search: what apps index, what they ask, and what they get back.

These are plain frozen dataclasses so that services, views, the API and the benchmarks can build
them without touching the database, and so that a plan can be compiled and inspected in tests.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SORTS = ("relevance", "date_desc", "date_asc")
MAX_PER_PAGE = 100
# Pages past this point are not useful to a person and would make SQL OFFSET scans expensive.
MAX_PAGE = 500


@dataclass(frozen=True)
class SearchDocument:
    """One record as the index sees it; (kind, key) is unique."""

    kind: str
    key: str
    title: str
    summary: str = ""
    body: str = ""
    language: str = ""
    date: datetime.date | None = None
    facets: Mapping[str, Sequence[str]] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    is_public: bool = True


@dataclass(frozen=True)
class SearchPlan:
    """What the user asked for; every field may come straight from a URL, so all are forgiving."""

    text: str = ""
    kinds: Sequence[str] = ()
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    facets: Sequence[str] = ()
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    include_non_public: bool = False


@dataclass
class SearchHit:
    kind: str
    key: str
    title: str
    snippet: str  # safe HTML: the text escaped, matches wrapped in <mark>
    score: float
    date: datetime.date | None
    extra: dict[str, Any]


@dataclass
class SearchResults:
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]]
    did_you_mean: str | None
    relaxations: list[dict[str, Any]]
    took_ms: float
    # `total` and the facet counts are always exact. True when more entries matched than the
    # backend scores for a relevance sort, so the page was ranked within a window of them
    # (see RANK_EXACT_LIMIT in backends/sqlite.py and backends/postgres.py).
    ranking_approximate: bool = False
