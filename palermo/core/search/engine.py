"""The public search functions; the backend is chosen from the connection's vendor.

Writes run on the caller's connection inside `transaction.atomic()`, so when a service indexes a
record inside its own transaction, a rollback removes the index entry with the record.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import connection, transaction

from palermo.core.search import columns
from palermo.core.search.backends.base import (
    KIND_FACET,
    YEAR_FACET,
    CompiledText,
    Filters,
    SearchBackend,
    date_value,
    storable,
)
from palermo.core.search.backends.postgres import PostgresBackend
from palermo.core.search.backends.sqlite import SQLiteBackend
from palermo.core.search.columns import BoolArray, FacetIndex
from palermo.core.search.normalise import terms
from palermo.core.search.query import ParsedQuery, Phrase, parse_query
from palermo.core.search.snippets import make_snippet
from palermo.core.search.spelling import suggest_spelling
from palermo.core.search.types import (
    MAX_PAGE,
    MAX_PER_PAGE,
    SORTS,
    SearchDocument,
    SearchHit,
    SearchPlan,
    SearchResults,
)

BULK_BATCH = 2000
FEW_RESULTS = 3  # below this, a spelling suggestion is worth a second look
BACKENDS: dict[str, SearchBackend] = {"sqlite": SQLiteBackend(), "postgresql": PostgresBackend()}


def get_backend(vendor: str | None = None) -> SearchBackend:
    vendor = vendor or connection.vendor
    if vendor not in BACKENDS:
        raise NotImplementedError(f"Search supports SQLite and PostgreSQL, not {vendor}.")
    return BACKENDS[vendor]


def index_document(doc: SearchDocument) -> None:
    """Add or replace one document, inside the caller's transaction."""
    with transaction.atomic(), connection.cursor() as cursor:
        get_backend().write(cursor, [doc])


def bulk_index(docs: Iterable[SearchDocument]) -> int:
    """Add or replace many documents in one transaction, in batches; returns how many."""
    backend = get_backend()
    written = 0
    iterator = iter(docs)
    with transaction.atomic(), connection.cursor() as cursor:
        while batch := list(itertools.islice(iterator, BULK_BATCH)):
            written += backend.write(cursor, batch)
    return written


def remove_document(kind: str, key: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        get_backend().remove(cursor, storable(str(kind)), storable(str(key)))


def clear_kind(kind: str) -> None:
    """Remove every entry of a kind (used by reindex before rebuilding it)."""
    with transaction.atomic(), connection.cursor() as cursor:
        get_backend().clear_kind(cursor, storable(str(kind)))


# ---- reading ---------------------------------------------------------------------------


def _int_or_none(value: Any, low: int, high: int) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return min(max(number, low), high)


def _strings(values: Any, limit: int = 50) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str | int):
        values = [values]
    try:
        # NUL cannot be stored or compared in PostgreSQL text; it is never meaningful here.
        cleaned = [str(value).replace("\x00", "")[:255] for value in values]
    except TypeError:
        return ()
    return tuple(dict.fromkeys(value for value in cleaned if value.strip()))[:limit]


def plan_filters(plan: SearchPlan) -> Filters:
    facets: dict[str, tuple[str, ...]] = {}
    raw: Mapping[str, Any] = plan.filters if isinstance(plan.filters, Mapping) else {}
    for name, values in raw.items():
        if str(name) == YEAR_FACET:
            continue  # years are a range (year_from, year_to), not a list of values
        cleaned = _strings(values)
        if cleaned:
            facets[str(name)[:64]] = cleaned
    kinds = _strings(plan.kinds)
    if kinds:
        facets[KIND_FACET] = kinds
    return Filters(
        facets=facets,
        year_from=_int_or_none(plan.year_from, 1, 9999) if plan.year_from is not None else None,
        year_to=_int_or_none(plan.year_to, 1, 9999) if plan.year_to is not None else None,
        include_non_public=bool(plan.include_non_public),
    )


class Selection:
    """The entries a plan selects, as masks over the facet index: the text (and visibility)
    part, and one mask per filter, so that each facet can leave out its own filter."""

    def __init__(self, index: FacetIndex, text_mask: BoolArray | None, filters: Filters) -> None:
        base = index.alive if text_mask is None else text_mask & index.alive
        self.index = index
        self.base = base if filters.include_non_public else base & index.public
        self.masks: dict[str, BoolArray] = {
            name: index.facet_mask(name, values) for name, values in filters.facets.items()
        }
        if filters.year_from is not None or filters.year_to is not None:
            year_mask = index.year_mask(filters.year_from, filters.year_to)
            if YEAR_FACET in self.masks:
                self.masks[YEAR_FACET] = self.masks[YEAR_FACET] & year_mask
            else:
                self.masks[YEAR_FACET] = year_mask
        # Every filter at once, ANDed once: for the selection and for its non-public part.
        filtered = self._all_filters()
        self.mask = self.base if filtered is None else self.base & filtered
        # Entries that pass text and filters but are not public (None when those are shown).
        self.hidden: BoolArray | None = None
        if not filters.include_non_public:
            hidden = base & ~index.public
            self.hidden = hidden if filtered is None else hidden & filtered

    def _all_filters(self) -> BoolArray | None:
        combined: BoolArray | None = None
        for mask in self.masks.values():
            combined = mask if combined is None else combined & mask
        return combined

    def without(self, name: str) -> BoolArray:
        """The selection ignoring one filter (for that facet's own counts, or a relaxation)."""
        mask = self.base
        for other, other_mask in self.masks.items():
            if other != name:
                mask = mask & other_mask
        return mask

    @property
    def total(self) -> int:
        return int(np.count_nonzero(self.mask))


def facet_index(cursor: Any, backend: SearchBackend) -> FacetIndex:
    settings = connection.settings_dict
    key = (backend.vendor, *(str(settings.get(part) or "") for part in ("NAME", "HOST", "PORT")))
    return columns.current(cursor, backend.vendor, key)


def text_mask(
    cursor: Any, backend: SearchBackend, index: FacetIndex, text: CompiledText | None
) -> BoolArray | None:
    if text is None:
        return None
    sql, params = backend.matching_ids_sql(text)
    cursor.execute(sql, params)
    matched = index.mask_of(columns.parse_ids(cursor.fetchone()[0]))
    return index.alive & ~matched if text.inverted else matched


def search(plan: SearchPlan) -> SearchResults:
    """Run a plan; any input is accepted and searched as well as it can be."""
    started = time.perf_counter()
    backend = get_backend()
    parsed = parse_query(plan.text if isinstance(plan.text, str) else str(plan.text or ""))
    filters = plan_filters(plan)
    text = backend.compile_text(parsed)
    page = _int_or_none(plan.page, 1, MAX_PAGE) or 1
    per_page = _int_or_none(plan.per_page, 1, MAX_PER_PAGE) or 20
    sort = plan.sort if plan.sort in SORTS else "relevance"
    facet_names = list(_strings(plan.facets))
    with connection.cursor() as cursor:
        index = facet_index(cursor, backend)
        selection = Selection(index, text_mask(cursor, backend, index, text), filters)
        total = selection.total
        facets = count_facets(selection, facet_names)
        page_request = PageRequest(sort, (page - 1) * per_page, per_page)
        hits, approximate = fetch_page(
            cursor, backend, selection, text, filters, parsed, page_request
        )
        relaxations = relax(selection, filters) if total == 0 else []
        did_you_mean = None
        if not parsed.is_empty and total < FEW_RESULTS:
            did_you_mean = suggest_spelling(cursor, backend, plan.text, parsed, filters, total)
    return SearchResults(
        total=total,
        hits=hits,
        facets=facets,
        did_you_mean=did_you_mean,
        relaxations=relaxations,
        took_ms=(time.perf_counter() - started) * 1000,
        ranking_approximate=approximate,
    )


def count_matching(
    cursor: Any, backend: SearchBackend, text: CompiledText | None, filters: Filters
) -> int:
    index = facet_index(cursor, backend)
    return Selection(index, text_mask(cursor, backend, index, text), filters).total


def count_facets(
    selection: Selection, facet_names: Sequence[str]
) -> dict[str, list[tuple[str, int]]]:
    """Exact counts per value; a facet's own filter is ignored for its own counts (disjunctive)."""
    counts: dict[str, list[tuple[str, int]]] = {}
    for name in facet_names:
        values = selection.index.count(name, selection.without(name))
        if name == YEAR_FACET:
            values.sort(key=lambda pair: pair[0], reverse=True)
        else:
            values.sort(key=lambda pair: (-pair[1], pair[0]))
        counts[name] = values
    return counts


@dataclass(frozen=True)
class PageRequest:
    sort: str
    offset: int
    limit: int


def fetch_page(
    cursor: Any,
    backend: SearchBackend,
    selection: Selection,
    text: CompiledText | None,
    filters: Filters,
    parsed: ParsedQuery,
    request: PageRequest,
) -> tuple[list[SearchHit], bool]:
    """The page of hits, and whether its ranking was approximate."""
    index = selection.index
    if not selection.total or request.offset >= selection.total:
        return [], False
    if request.sort == "relevance" and text is not None and not text.inverted:
        years = index.years_present(filters.year_from, filters.year_to)
        selected = index.ids[selection.mask]
        hidden = index.ids[selection.hidden] if selection.hidden is not None else selected[:0]
        page = backend.rank(
            cursor, text, filters, years, selected, hidden, request.offset, request.limit
        )
        ranked, approximate = page.ranked, page.approximate
    else:
        ids = by_date(index, selection.mask, request)
        ranked, approximate = [(entry_id, 0.0) for entry_id in ids], False
    return load_hits(cursor, ranked, parsed), approximate


DAY_SHIFT = 1 << 21  # days since 1970 + this is positive for every year from -3770 to 7711
DAY_LAST = (1 << 22) - 1  # entries without a date come last either way
ID_BITS = 40


def by_date(index: FacetIndex, mask: BoolArray, request: PageRequest) -> list[int]:
    """A page of the selected ids by date (newest first, or oldest for date_asc), then id, in
    O(n): one composite integer key and a partial sort of the page's end."""
    positions = np.flatnonzero(mask)
    days = index.day[positions]
    ids = index.ids[positions]
    dated = days != columns.NO_DATE
    shifted = np.where(dated, days + DAY_SHIFT, 0)
    if request.sort == "date_asc":
        primary = np.where(dated, shifted, DAY_LAST)
        secondary = ids
    else:  # date_desc, and relevance without words to rank by
        primary = np.where(dated, DAY_LAST - 1 - shifted, DAY_LAST)
        secondary = (1 << ID_BITS) - 1 - ids
    keys = (primary.astype(np.int64) << ID_BITS) | secondary
    end = min(request.offset + request.limit, len(keys))
    first = np.argpartition(keys, end - 1)[:end] if end < len(keys) else np.arange(len(keys))
    first = first[np.argsort(keys[first], kind="stable")]
    return [int(entry_id) for entry_id in ids[first[request.offset : end]]]


def load_hits(cursor: Any, ranked: list[tuple[int, float]], parsed: ParsedQuery) -> list[SearchHit]:
    if not ranked:
        return []
    marks = ", ".join(["%s"] * len(ranked))
    cursor.execute(
        "SELECT id, kind, key, title, summary, body, date, extra FROM search_entry"  # noqa: S608
        f" WHERE id IN ({marks})",
        [entry_id for entry_id, _score in ranked],
    )
    entries = {row[0]: row for row in cursor.fetchall()}
    hits = []
    for entry_id, score in ranked:
        if entry_id not in entries:
            continue  # removed between the match and this read
        _id, kind, key, title, summary, body, date, extra = entries[entry_id]
        hits.append(
            SearchHit(
                kind=kind,
                key=key,
                title=title,
                snippet=make_snippet(summary, body, parsed),
                score=score,
                date=date_value(date),
                extra=json.loads(extra) if isinstance(extra, str | bytes) else dict(extra or {}),
            )
        )
    return hits


def relax(selection: Selection, filters: Filters) -> list[dict[str, Any]]:
    """For an empty result: each single filter that could be dropped, and what that would give."""
    options: list[dict[str, Any]] = []
    for name in filters.droppable():
        total = int(np.count_nonzero(selection.without(name)))
        if total:
            values: list[Any] = list(filters.facets.get(name, ()))
            if name == YEAR_FACET and not values:
                values = [filters.year_from, filters.year_to]
            options.append({"filter": name, "values": values, "total": total})
    options.sort(key=lambda option: -option["total"])
    return options


def suggest(prefix: str, kinds: Sequence[str] = (), limit: int = 10) -> list[str]:
    """Titles starting with what the user is typing (every word, the last as a prefix)."""
    units = terms(prefix if isinstance(prefix, str) else "")[:8]
    limit = _int_or_none(limit, 1, 50) or 10
    if not units:
        return []
    backend = get_backend()
    with connection.cursor() as cursor:
        titles = backend.suggest_titles(
            cursor, Phrase(tuple(units), prefix=True), _strings(kinds), limit * 3
        )
    return list(dict.fromkeys(titles))[:limit]
