"""Reading a search from URL parameters (the page, the export and the API share this)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from palermo.core.search import SearchPlan
from palermo.knowledge.indexing import KINDS

FACETS = (
    "type",
    "country",
    "regional_group",
    "crime_type",
    "cross_cutting_issue",
    "article",
    "court",
    "language",
)
SORTS = ("relevance", "date_desc", "date_asc")
MAX_QUERY_CHARS = 1000


def _year(value: Any) -> int | None:
    text = str(value or "").strip()
    if text.isdigit() and 1 <= len(text) <= 4:
        return int(text)
    return None


def _getlist(params: Mapping[str, Any], name: str) -> list[str]:
    if hasattr(params, "getlist"):
        values = params.getlist(name)
    else:
        raw = params.get(name)
        values = raw if isinstance(raw, list) else ([] if raw in (None, "") else [raw])
    return [str(v)[:200] for v in values if str(v).strip()][:50]


def plan_from_params(
    params: Mapping[str, Any], *, per_page: int = 20, page: int | None = None
) -> SearchPlan:
    """A forgiving SearchPlan: anything unknown in the URL is ignored, never an error."""
    filters = {name: _getlist(params, name) for name in FACETS}
    filters["type"] = [k for k in filters["type"] if k in KINDS]
    sort = str(params.get("sort") or "relevance")
    try:
        page_number = page or max(1, min(500, int(str(params.get("page") or "1"))))
    except ValueError:
        page_number = 1
    return SearchPlan(
        text=str(params.get("q") or "")[:MAX_QUERY_CHARS],
        filters={name: values for name, values in filters.items() if values},
        year_from=_year(params.get("year_from")),
        year_to=_year(params.get("year_to")),
        facets=FACETS,
        sort=sort if sort in SORTS else "relevance",
        page=page_number,
        per_page=per_page,
    )


def has_search(params: Mapping[str, Any]) -> bool:
    return any(params.get(n) for n in ("q", "year_from", "year_to", *FACETS))
