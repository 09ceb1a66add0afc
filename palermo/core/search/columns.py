"""The facet index in memory: per facet value, the positions of its entries, as numpy arrays.

Counting facets in SQL costs one index lookup per (matched entry, facet) and took hundreds of
milliseconds at 100,000 records. Here a search turns its matches into a boolean mask over the
entries, and each facet is counted with one vectorised pass over that facet's (value, entry)
pairs, exactly, whatever the number of matches (docs/developers.md "Search").

The tables stay the truth: this is a cache of `search_entry` and `search_facet`, keyed by the
(generation, stamp) that every index write bumps in `search_state` inside its own transaction.
A search reads that row first; when it moved, the entries named in `search_change` since the
cached generation are reloaded, or everything is when the history does not reach back (pruned,
or rolled back: the stamp of a rolled-back write is never seen again).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from palermo.core.search.backends.base import YEAR_FACET

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
NO_DATE = np.iinfo(np.int64).min
# Reloading a few entries beats rebuilding only while they are a small share of the index.
INCREMENTAL_SHARE = 0.1
INCREMENTAL_MINIMUM = 2000
INCREMENTAL_LIMIT = 50_000


def parse_ids(text: str | None) -> IntArray:
    """'3,1,2' (as group_concat/string_agg give them) -> array([3, 1, 2])."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def parse_days(text: str | None) -> IntArray:
    """'2016-05-01,NaT' -> days since 1970 (NO_DATE for a missing date)."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    days = np.array(text.split(","), dtype="datetime64[D]").astype(np.int64)
    return days  # NaT becomes the minimum int64, which is NO_DATE


@dataclass
class FacetColumn:
    """One facet: its values (code -> text) and, grouped by code, the positions of entries."""

    values: list[str]
    rows: IntArray  # entry positions, value 0's first, then value 1's, ...
    offsets: IntArray  # rows[offsets[c]:offsets[c + 1]] hold value c; len = len(values) + 1
    codes: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.codes = {value: code for code, value in enumerate(self.values)}

    @classmethod
    def from_groups(cls, groups: Iterable[tuple[str, IntArray]]) -> FacetColumn:
        values, parts = [], []
        for value, positions in groups:
            values.append(value)
            parts.append(positions)
        sizes = np.array([len(part) for part in parts], dtype=np.int64)
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        rows = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        # int64 positions: numpy indexes with intp, so narrower ones would be converted per count.
        return cls(values=values, rows=rows.astype(np.int64), offsets=offsets)

    def mask(self, wanted: Iterable[str], size: int) -> BoolArray:
        """Entries having any of the wanted values."""
        selected = np.zeros(size, dtype=np.bool_)
        for value in wanted:
            code = self.codes.get(value)
            if code is not None:
                selected[self.rows[self.offsets[code] : self.offsets[code + 1]]] = True
        return selected

    def count(self, mask: BoolArray) -> list[tuple[str, int]]:
        """(value, entries in mask having it), for every value with at least one."""
        if not len(self.rows):
            return []
        starts = self.offsets[:-1]
        counts = np.add.reduceat(mask.view(np.uint8)[self.rows], starts, dtype=np.int32)
        counts[starts == self.offsets[1:]] = 0  # reduceat gives an empty group its next element
        return [(self.values[code], int(counts[code])) for code in np.flatnonzero(counts)]

    def appended(self, new_values: list[str], new_rows: IntArray) -> FacetColumn:
        """A copy with (value, position) pairs added; positions are past every existing one."""
        unseen = sorted({value for value in new_values if value not in self.codes})
        values = [*self.values, *unseen]
        lookup = {value: code for code, value in enumerate(values)}
        codes = np.array([lookup[value] for value in new_values], dtype=np.int64)
        order = np.argsort(codes, kind="stable")
        codes, new_rows = codes[order], new_rows[order]
        ends = np.append(self.offsets[1:], self.offsets[-1])  # unseen values go at the very end
        where = ends[np.minimum(codes, len(self.values))]
        rows = np.insert(self.rows, where, new_rows)
        sizes = np.diff(self.offsets)
        sizes = np.append(sizes, np.zeros(len(unseen), dtype=np.int64))
        sizes += np.bincount(codes, minlength=len(values))
        offsets = np.zeros(len(values) + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        return FacetColumn(values=values, rows=rows, offsets=offsets)


@dataclass
class FacetIndex:
    """Every entry by position: id (ascending), alive, public, year, day; and the facet columns."""

    generation: int
    stamp: str
    ids: IntArray
    alive: BoolArray
    public: BoolArray
    year: IntArray  # 0 when the entry has no date
    day: IntArray  # days since 1970, NO_DATE when none
    columns: dict[str, FacetColumn]

    @property
    def size(self) -> int:
        return len(self.ids)

    def positions(self, entry_ids: IntArray) -> IntArray:
        """Positions of the given ids that the index holds (others are ignored)."""
        if not len(self.ids) or not len(entry_ids):
            return np.zeros(0, dtype=np.int64)
        if self.slots is not None:
            inside = entry_ids[(entry_ids >= 0) & (entry_ids < len(self.slots))]
            slotted = self.slots[inside]
            return slotted[slotted >= 0].astype(np.int64)
        found = np.searchsorted(self.ids, entry_ids)
        found = np.minimum(found, len(self.ids) - 1)
        return found[self.ids[found] == entry_ids]

    def __post_init__(self) -> None:
        # Ids are nearly dense (1..n with gaps left by replaced entries): a table id -> position
        # turns every lookup into one array read, ten times faster than a binary search.
        self.slots: npt.NDArray[np.int32] | None = None
        if len(self.ids) and int(self.ids[-1]) < 4 * len(self.ids) + 1024:
            self.slots = np.full(int(self.ids[-1]) + 1, -1, dtype=np.int32)
            self.slots[self.ids] = np.arange(len(self.ids), dtype=np.int32)

    def mask_of(self, entry_ids: IntArray) -> BoolArray:
        mask = np.zeros(self.size, dtype=np.bool_)
        mask[self.positions(entry_ids)] = True
        return mask & self.alive

    def facet_mask(self, facet: str, values: Iterable[str]) -> BoolArray:
        column = self.columns.get(facet)
        if column is None:
            return np.zeros(self.size, dtype=np.bool_)
        return column.mask(values, self.size)

    def year_mask(self, year_from: int | None, year_to: int | None) -> BoolArray:
        dated = self.year > 0
        if year_from is not None:
            dated &= self.year >= year_from
        if year_to is not None:
            dated &= self.year <= year_to
        return dated

    def count(self, facet: str, mask: BoolArray) -> list[tuple[str, int]]:
        column = self.columns.get(facet)
        return column.count(mask) if column is not None else []

    def years_present(self, year_from: int | None, year_to: int | None) -> list[int]:
        column = self.columns.get(YEAR_FACET)
        years = [int(value) for value in column.values if value.isdigit()] if column else []
        low, high = year_from or 0, year_to or 10_000
        return sorted(year for year in years if low <= year <= high)

    def with_changes(
        self,
        generation: int,
        stamp: str,
        removed: IntArray,
        added: Mapping[str, Any],
    ) -> FacetIndex | None:
        """A copy with `removed` ids dead and the `added` entries appended; None when the new
        ids do not all come after the current ones (then only a rebuild keeps ids sorted)."""
        alive = self.alive.copy()
        alive[self.positions(removed)] = False
        new_ids: IntArray = added["ids"]
        if len(new_ids) and len(self.ids) and int(new_ids.min()) <= int(self.ids[-1]):
            return None
        base = self.size
        columns = dict(self.columns)
        for facet, (values, ids) in added["pairs"].items():
            rows = np.searchsorted(new_ids, ids) + base
            column = columns.get(facet) or FacetColumn.from_groups([])
            columns[facet] = column.appended(values, rows)
        return FacetIndex(
            generation=generation,
            stamp=stamp,
            ids=np.concatenate([self.ids, new_ids]),
            alive=np.concatenate([alive, np.ones(len(new_ids), dtype=np.bool_)]),
            public=np.concatenate([self.public, added["public"]]),
            year=np.concatenate([self.year, added["year"]]),
            day=np.concatenate([self.day, added["day"]]),
            columns=columns,
        )

    @property
    def dead(self) -> int:
        return self.size - int(np.count_nonzero(self.alive))


# ---- loading -----------------------------------------------------------------------------


def aggregate(vendor: str, expression: str, order: str = "id") -> str:
    """SQL joining a column's values with commas, in `order`."""
    if vendor == "postgresql":
        return f"string_agg(({expression})::text, ',' ORDER BY {order})"
    return f"group_concat({expression}, ',')"


def load_entries(
    cursor: Any, vendor: str, where: str = "", params: list[Any] | None = None
) -> dict[str, Any]:
    """The entry columns, ordered by id, optionally only some entries (`where` on `e`)."""
    public = "CASE WHEN e.is_public THEN 1 ELSE 0 END"
    day = (
        "COALESCE(CAST(e.date AS TEXT), 'NaT')"
        if vendor == "postgresql"
        else "COALESCE(e.date, 'NaT')"
    )
    columns = [
        aggregate(vendor, "e.id", "e.id"),
        aggregate(vendor, public, "e.id"),
        aggregate(vendor, "COALESCE(e.year, 0)", "e.id"),
        aggregate(vendor, day, "e.id"),
    ]
    # SQLite's group_concat follows the scan, so the rows are ordered first; the condition goes
    # inside, or SQLite would read every entry to order them before applying it.
    if vendor == "sqlite":
        source = f"(SELECT * FROM search_entry e {where} ORDER BY id) e"  # noqa: S608
    else:
        source = f"search_entry e {where}"
    cursor.execute(f"SELECT {', '.join(columns)} FROM {source}", params or [])  # noqa: S608
    ids, public_text, years, days = cursor.fetchone()
    return {
        "ids": parse_ids(ids),
        "public": parse_ids(public_text).astype(np.bool_),
        "year": parse_ids(years),
        "day": parse_days(days),
    }


def load_pairs(
    cursor: Any, vendor: str, where: str = "", params: list[Any] | None = None
) -> dict[str, list[tuple[str, IntArray]]]:
    """facet -> [(value, entry ids having it)], from search_facet."""
    cursor.execute(
        f"SELECT facet, value, {aggregate(vendor, 'f.entry_id', 'f.entry_id')}"  # noqa: S608
        f" FROM search_facet f {where} GROUP BY facet, value ORDER BY facet, value",
        params or [],
    )
    grouped: dict[str, list[tuple[str, IntArray]]] = {}
    for facet, value, entry_ids in cursor.fetchall():
        grouped.setdefault(facet, []).append((value, parse_ids(entry_ids)))
    return grouped


def build(cursor: Any, vendor: str, generation: int, stamp: str) -> FacetIndex:
    entries = load_entries(cursor, vendor)
    ids = entries["ids"]
    columns = {
        facet: FacetColumn.from_groups(
            (value, _positions_in(ids, entry_ids)) for value, entry_ids in groups
        )
        for facet, groups in load_pairs(cursor, vendor).items()
    }
    return FacetIndex(
        generation=generation,
        stamp=stamp,
        ids=ids,
        alive=np.ones(len(ids), dtype=np.bool_),
        public=entries["public"],
        year=entries["year"],
        day=entries["day"],
        columns=columns,
    )


def _positions_in(ids: IntArray, entry_ids: IntArray) -> IntArray:
    """Positions of entry_ids within the sorted ids; ids missing there (written between the two
    reads of a build) are dropped: the next search sees a newer generation and reloads them."""
    if not len(ids):
        return np.zeros(0, dtype=np.int64)
    found = np.minimum(np.searchsorted(ids, entry_ids), len(ids) - 1)
    return found[ids[found] == entry_ids]


CHANGED_SINCE = "IN (SELECT entry_id FROM search_change WHERE generation > %s)"


def load_changed(cursor: Any, vendor: str, since: int) -> dict[str, Any]:
    """The current state of the entries changed after generation `since` (those still present),
    for FacetIndex.with_changes."""
    added = load_entries(cursor, vendor, f"WHERE e.id {CHANGED_SINCE}", [since])
    pairs: dict[str, tuple[list[str], IntArray]] = {}
    changed_pairs = load_pairs(cursor, vendor, f"WHERE f.entry_id {CHANGED_SINCE}", [since])
    for facet, groups in changed_pairs.items():
        values = [value for value, entry_ids in groups for _ in range(len(entry_ids))]
        entry_ids = np.concatenate([entry_ids for _value, entry_ids in groups])
        keep = np.isin(entry_ids, added["ids"])
        pairs[facet] = ([v for v, k in zip(values, keep, strict=True) if k], entry_ids[keep])
    added["pairs"] = pairs
    return added


# ---- the cache -------------------------------------------------------------------------

_LOCK = threading.Lock()
_CACHE: dict[tuple[str, ...], FacetIndex] = {}


def read_state(cursor: Any) -> tuple[int, str]:
    cursor.execute("SELECT generation, stamp FROM search_state WHERE id = 1")
    row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def current(cursor: Any, vendor: str, database_key: tuple[str, ...]) -> FacetIndex:
    """The facet index as of the latest committed (or this transaction's own) index write."""
    generation, stamp = read_state(cursor)
    with _LOCK:
        cached = _CACHE.get(database_key)
        if cached is not None and (cached.generation, cached.stamp) == (generation, stamp):
            return cached
        index = None
        if cached is not None and cached.generation < generation:
            index = _refreshed(cursor, vendor, cached, generation, stamp)
        if index is None:
            index = build(cursor, vendor, generation, stamp)
        _CACHE[database_key] = index
        return index


def _refreshed(
    cursor: Any, vendor: str, cached: FacetIndex, generation: int, stamp: str
) -> FacetIndex | None:
    cursor.execute(
        "SELECT 1 FROM search_change WHERE generation = %s AND stamp = %s LIMIT 1",
        [cached.generation, cached.stamp],
    )
    if cursor.fetchone() is None:
        return None  # the history no longer reaches the cached state
    cursor.execute(
        "SELECT DISTINCT entry_id FROM search_change WHERE generation > %s",
        [cached.generation],
    )
    changed = [int(entry_id) for (entry_id,) in cursor.fetchall()]
    limit = min(INCREMENTAL_LIMIT, max(INCREMENTAL_MINIMUM, cached.size * INCREMENTAL_SHARE))
    if len(changed) > limit or cached.dead > limit:
        return None
    added = load_changed(cursor, vendor, cached.generation) if changed else _nothing_added()
    removed = np.array(changed, dtype=np.int64)
    return cached.with_changes(generation, stamp, removed, added)


def _nothing_added() -> dict[str, Any]:
    empty = np.zeros(0, dtype=np.int64)
    return {
        "ids": empty,
        "public": empty.astype(np.bool_),
        "year": empty,
        "day": empty,
        "pairs": {},
    }


def forget() -> None:
    """Drop every cached index (tests; a restore)."""
    with _LOCK:
        _CACHE.clear()
