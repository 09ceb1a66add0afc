"""The public search functions; the backend is chosen from the connection's vendor.

Writes run on the caller's connection inside `transaction.atomic()`, so when a service indexes a
record inside its own transaction, a rollback removes the index entry with the record.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import connection, transaction

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
from palermo.core.search.normalise import tokens
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
# Counting facets costs one index lookup per matching entry; past this many matches the counts
# are estimated from every n-th entry id instead (a systematic sample) and flagged as such.
FACET_SAMPLE = 5000
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


def _order_by(sort: str, has_text: bool) -> str:
    if sort == "date_desc":
        return "e.date DESC NULLS LAST, score DESC, e.id DESC"
    if sort == "date_asc":
        return "e.date ASC NULLS LAST, score DESC, e.id ASC"
    if has_text:
        return "score DESC, e.id DESC"
    return "e.date DESC NULLS LAST, e.id DESC"


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
        hits, counted = fetch_page(cursor, backend, text, filters, parsed, sort, page, per_page)
        total = counted if counted is not None else count_matching(cursor, backend, text, filters)
        facets, approximate = count_facets(cursor, backend, text, filters, facet_names, total)
        relaxations = relax(cursor, backend, text, filters) if total == 0 else []
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
        facets_approximate=approximate,
    )


def count_matching(
    cursor: Any, backend: SearchBackend, text: CompiledText | None, filters: Filters
) -> int:
    if text is None and filters.is_unrestricted:
        column = "all_count" if filters.include_non_public else "public_count"
        cursor.execute(
            f"SELECT COALESCE(SUM({column}), 0) FROM search_facet_total WHERE facet = %s",  # noqa: S608
            [KIND_FACET],
        )
        return int(cursor.fetchone()[0])
    sql, params = backend.matching_sql(text, filters)
    cursor.execute(f"SELECT COUNT(*) FROM ({sql}) m", params)  # noqa: S608
    return int(cursor.fetchone()[0])


def fetch_page(
    cursor: Any,
    backend: SearchBackend,
    text: CompiledText | None,
    filters: Filters,
    parsed: ParsedQuery,
    sort: str,
    page: int,
    per_page: int,
) -> tuple[list[SearchHit], int | None]:
    """The page of hits, and the total when the same pass could count it.

    Sorting by relevance reads every match anyway, so COUNT(*) OVER () gives the total for free;
    the empty unfiltered search instead reads only the first rows of the date index.
    """
    score_sql = text.score_sql if text else "0.0"
    score_params = text.score_params if text else ()
    with_total = text is not None or not filters.is_unrestricted
    sql, params = backend.matching_sql(
        text,
        filters,
        select=f"e.id, {score_sql} AS score" + (", COUNT(*) OVER ()" if with_total else ""),
        select_params=score_params,
        need_entry=sort != "relevance",
    )
    sql += f" ORDER BY {_order_by(sort, text is not None)} LIMIT %s OFFSET %s"
    cursor.execute(sql, [*params, per_page, (page - 1) * per_page])
    rows = cursor.fetchall()
    ranked = [(int(row[0]), float(row[1] or 0.0)) for row in rows]
    if not ranked:
        return [], None
    total = int(rows[0][2]) if with_total else None
    marks = ", ".join(["%s"] * len(ranked))
    cursor.execute(
        "SELECT id, kind, key, title, summary, body, date, extra FROM search_entry"  # noqa: S608
        f" WHERE id IN ({marks})",
        [entry_id for entry_id, _score in ranked],
    )
    entries = {row[0]: row for row in cursor.fetchall()}
    hits = []
    for entry_id, score in ranked:
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
    return hits, total


def count_facets(
    cursor: Any,
    backend: SearchBackend,
    text: CompiledText | None,
    filters: Filters,
    facet_names: Sequence[str],
    total: int,
) -> tuple[dict[str, list[tuple[str, int]]], bool]:
    """Counts per value; a facet's own filter is ignored for its own counts (disjunctive).

    Returns the counts and whether any were estimated from a sample (see FACET_SAMPLE).
    """
    # Facets without a filter of their own share one query; each filtered facet needs its own.
    groups: dict[str, tuple[Filters, list[str]]] = {}
    for name in facet_names:
        own = name in filters.facets or (
            name == YEAR_FACET and (filters.year_from is not None or filters.year_to is not None)
        )
        key = name if own else ""
        group = groups.setdefault(key, (filters.without(name) if own else filters, []))
        group[1].append(name)
    counts: dict[str, list[tuple[str, int]]] = {name: [] for name in facet_names}
    approximate = False
    for key, (group_filters, names) in groups.items():
        if text is None and group_filters.is_unrestricted:
            column = "all_count" if group_filters.include_non_public else "public_count"
            cursor.execute(
                f"SELECT facet, value, {column} FROM search_facet_total"  # noqa: S608
                f" WHERE facet IN ({', '.join(['%s'] * len(names))}) AND {column} > 0",
                names,
            )
            rows = cursor.fetchall()
        else:
            matches = total if not key else count_matching(cursor, backend, text, group_filters)
            rows = count_group(cursor, backend, text, group_filters, names, matches)
            approximate = approximate or matches > FACET_SAMPLE
        for facet, value, count in rows:
            counts[facet].append((value, int(count)))
    for name, values in counts.items():
        if name == YEAR_FACET:
            values.sort(key=lambda pair: pair[0], reverse=True)
        else:
            values.sort(key=lambda pair: (-pair[1], pair[0]))
    return counts, approximate


def count_group(
    cursor: Any,
    backend: SearchBackend,
    text: CompiledText | None,
    filters: Filters,
    names: list[str],
    matches: int,
) -> list[tuple[str, str, int]]:
    step = -(-matches // FACET_SAMPLE) if matches > FACET_SAMPLE else 1
    # Every entry has exactly one kind, so the kind counts of a sample give its size.
    asked = names if step == 1 or KIND_FACET in names else [*names, KIND_FACET]
    sql, params = backend.matching_sql(text, filters, sample_step=step)
    cursor.execute(
        f"SELECT f.facet, f.value, COUNT(*) FROM ({sql}) m"  # noqa: S608
        " JOIN search_facet f ON f.entry_id = m.id"
        f" WHERE f.facet IN ({', '.join(['%s'] * len(asked))}) GROUP BY f.facet, f.value",
        [*params, *asked],
    )
    rows = [(facet, value, int(count)) for facet, value, count in cursor.fetchall()]
    if step == 1:
        return rows
    sampled = sum(count for facet, _value, count in rows if facet == KIND_FACET) or 1
    scale = matches / sampled
    return [
        (facet, value, max(1, round(count * scale)))
        for facet, value, count in rows
        if facet in names
    ]


def relax(
    cursor: Any, backend: SearchBackend, text: CompiledText | None, filters: Filters
) -> list[dict[str, Any]]:
    """For an empty result: each single filter that could be dropped, and what that would give."""
    options: list[dict[str, Any]] = []
    for name in filters.droppable():
        looser = filters.without(name)
        total = count_matching(cursor, backend, text, looser)
        if total:
            values: list[Any] = list(filters.facets.get(name, ()))
            if name == YEAR_FACET and not values:
                values = [filters.year_from, filters.year_to]
            options.append({"filter": name, "values": values, "total": total})
    options.sort(key=lambda option: -option["total"])
    return options


def suggest(prefix: str, kinds: Sequence[str] = (), limit: int = 10) -> list[str]:
    """Titles starting with what the user is typing (every word, the last as a prefix)."""
    units = tokens(prefix if isinstance(prefix, str) else "")[:8]
    limit = _int_or_none(limit, 1, 50) or 10
    if not units:
        return []
    backend = get_backend()
    text = backend.compile_suggest(Phrase(tuple(units), prefix=True))
    filters = Filters({KIND_FACET: kinds} if (kinds := _strings(kinds)) else {}, None, None, False)
    sql, params = backend.matching_sql(
        text,
        filters,
        select=f"e.title, {text.score_sql} AS score",
        select_params=text.score_params,
        need_entry=True,
    )
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} ORDER BY score DESC, e.title LIMIT %s", [*params, limit * 3])
        titles = [title for title, _score in cursor.fetchall()]
    return list(dict.fromkeys(titles))[:limit]
