"""The search interface and the SQL both backends share.

A backend supplies three things: how to write an entry's full-text row (`write_full_text`), how
to turn a parsed query into a FROM/WHERE fragment with a score (`compile_text`), and where its
vocabulary lives (`vocabulary_candidates`). Filtering, facet counting, paging and the help for
empty results are the same SQL on both databases and live here.
"""

from __future__ import annotations

import datetime
import json
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.db.backends.utils import CursorWrapper

from palermo.core.search.normalise import index_text
from palermo.core.search.query import ParsedQuery, Phrase
from palermo.core.search.types import SearchDocument

KIND_FACET = "kind"
YEAR_FACET = "year"


@dataclass(frozen=True)
class CompiledText:
    """A parsed query as SQL on `search_entry e`: a join, a condition, a score (higher = better)."""

    expression: str  # the backend's own query string (FTS5 MATCH text or tsquery text)
    # FROM clause giving `e` (the entries) when entry columns are needed; default: the table.
    entry_from_sql: str = "search_entry e"
    entry_from_params: tuple[Any, ...] = ()
    where_sql: str = ""
    where_params: tuple[Any, ...] = ()
    score_sql: str = "0.0"
    score_params: tuple[Any, ...] = ()
    # SQLite: the matches alone, aliased `e` (id and rank), for when no entry column is needed.
    source_sql: str = ""
    source_params: tuple[Any, ...] = ()
    source_score_sql: str = "0.0"


@dataclass(frozen=True)
class Filters:
    """A plan's restrictions, cleaned: facet -> allowed values (OR), plus the year range."""

    facets: dict[str, tuple[str, ...]]
    year_from: int | None
    year_to: int | None
    include_non_public: bool

    def without(self, facet: str) -> Filters:
        if facet == YEAR_FACET and facet not in self.facets:
            return Filters(self.facets, None, None, self.include_non_public)
        return Filters(
            {name: values for name, values in self.facets.items() if name != facet},
            self.year_from,
            self.year_to,
            self.include_non_public,
        )

    @property
    def is_unrestricted(self) -> bool:
        return not self.facets and self.year_from is None and self.year_to is None

    def droppable(self) -> list[str]:
        names = list(self.facets)
        if self.year_from is not None or self.year_to is not None:
            names.append(YEAR_FACET if YEAR_FACET not in self.facets else "")
        return [name for name in names if name]


@dataclass(frozen=True)
class IndexRow:
    """A document prepared for writing: the entry's columns, normalised text and facet pairs."""

    doc: SearchDocument
    facet_pairs: tuple[tuple[str, str], ...]
    title_text: str
    summary_text: str
    body_text: str

    @classmethod
    def from_document(cls, doc: SearchDocument) -> IndexRow:
        doc = replace(
            doc, kind=storable(str(doc.kind))[:64], key=storable(str(doc.key))[:255]
        )
        pairs: list[tuple[str, str]] = [(KIND_FACET, doc.kind)]
        if doc.date is not None:
            pairs.append((YEAR_FACET, str(doc.date.year)))
        for facet, values in (doc.facets or {}).items():
            if facet in (KIND_FACET, YEAR_FACET):
                continue  # derived from the document itself; a second source would double-count
            if isinstance(values, str):
                values = [values]
            for value in dict.fromkeys(storable(str(v))[:255] for v in values):
                if value:
                    pairs.append((storable(str(facet))[:64], value))
        return cls(
            doc=doc,
            facet_pairs=tuple(pairs),
            title_text=index_text(doc.title),
            summary_text=index_text(doc.summary),
            body_text=index_text(doc.body),
        )


def date_value(value: Any) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def extra_json(doc: SearchDocument) -> str:
    # "\u0000" in JSON is refused by PostgreSQL's jsonb; drop it from any value.
    encoded = json.dumps(dict(doc.extra or {}), default=str, ensure_ascii=False)
    return encoded.replace("\\u0000", "")


def storable(text: str | None) -> str:
    """Text both databases accept: no NUL (PostgreSQL refuses it), no lone surrogates (invalid
    UTF-8). Text pasted from a binary file or a broken encoder may contain either."""
    text = text or ""
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\x00", "") if "\x00" in text else text


class SearchBackend(ABC):
    vendor: str

    # ---- writing -----------------------------------------------------------------------
    def write(self, cursor: CursorWrapper, docs: Sequence[SearchDocument]) -> int:
        """Upsert documents: remove any previous entry of each (kind, key), then insert."""
        rows = [IndexRow.from_document(doc) for doc in docs]
        by_kind: dict[str, list[str]] = {}
        for row in rows:
            by_kind.setdefault(row.doc.kind, []).append(row.doc.key)
        stale: list[int] = []
        for kind, keys in by_kind.items():
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"SELECT id FROM search_entry WHERE kind = %s AND key IN ({marks})",  # noqa: S608
                    [kind, *chunk],
                )
                stale.extend(entry_id for (entry_id,) in cursor.fetchall())
        self.delete_entries(cursor, stale)
        # A document listed twice in one batch: the last one wins, as an upsert should.
        latest = {(row.doc.kind, row.doc.key): row for row in rows}
        rows = list(latest.values())
        numbered = list(zip(self.new_ids(cursor, len(rows)), rows, strict=True))
        cursor.executemany(
            self.entry_insert_sql(),
            [self.entry_insert_params(entry_id, row) for entry_id, row in numbered],
        )
        self.write_full_text(cursor, numbered)
        cursor.executemany(
            "INSERT INTO search_facet (entry_id, facet, value) VALUES (%s, %s, %s)",
            [(entry_id, f, v) for entry_id, row in numbered for f, v in row.facet_pairs],
        )
        totals: Counter[tuple[str, str, bool]] = Counter()
        for row in rows:
            for pair in row.facet_pairs:
                totals[(*pair, bool(row.doc.is_public))] += 1
        self.add_totals(cursor, totals, sign=1)
        return len(rows)

    def delete_entries(self, cursor: CursorWrapper, entry_ids: Sequence[int]) -> None:
        for start in range(0, len(entry_ids), 500):
            chunk = list(entry_ids[start : start + 500])
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                "SELECT f.facet, f.value, e.is_public FROM search_facet f"  # noqa: S608
                f" JOIN search_entry e ON e.id = f.entry_id WHERE f.entry_id IN ({marks})",
                chunk,
            )
            totals: Counter[tuple[str, str, bool]] = Counter(
                (facet, value, bool(public)) for facet, value, public in cursor.fetchall()
            )
            self.add_totals(cursor, totals, sign=-1)
            cursor.execute(f"DELETE FROM search_facet WHERE entry_id IN ({marks})", chunk)  # noqa: S608
            self.delete_full_text(cursor, chunk)
            cursor.execute(f"DELETE FROM search_entry WHERE id IN ({marks})", chunk)  # noqa: S608

    def add_totals(
        self, cursor: CursorWrapper, totals: Counter[tuple[str, str, bool]], sign: int
    ) -> None:
        merged: dict[tuple[str, str], list[int]] = {}
        for (facet, value, public), count in totals.items():
            counts = merged.setdefault((facet, value), [0, 0])
            counts[0] += count * sign if public else 0
            counts[1] += count * sign
        cursor.executemany(
            "INSERT INTO search_facet_total (facet, value, public_count, all_count)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (facet, value) DO UPDATE SET"
            " public_count = search_facet_total.public_count + excluded.public_count,"
            " all_count = search_facet_total.all_count + excluded.all_count",
            [(facet, value, public, every) for (facet, value), (public, every) in merged.items()],
        )

    def remove(self, cursor: CursorWrapper, kind: str, key: str) -> None:
        cursor.execute("SELECT id FROM search_entry WHERE kind = %s AND key = %s", [kind, key])
        self.delete_entries(cursor, [entry_id for (entry_id,) in cursor.fetchall()])

    def clear_kind(self, cursor: CursorWrapper, kind: str) -> None:
        cursor.execute("SELECT id FROM search_entry WHERE kind = %s", [kind])
        self.delete_entries(cursor, [entry_id for (entry_id,) in cursor.fetchall()])

    def entry_insert_sql(self) -> str:
        return (
            "INSERT INTO search_entry (id, kind, key, title, summary, body, language, date, year,"
            " is_public, extra) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        )

    def entry_insert_params(self, entry_id: int, row: IndexRow) -> tuple[Any, ...]:
        doc = row.doc
        return (
            entry_id,
            doc.kind,
            doc.key,
            storable(doc.title),
            storable(doc.summary),
            storable(doc.body),
            storable(doc.language)[:16],
            self.date_param(doc.date),
            doc.date.year if doc.date else None,
            bool(doc.is_public),
            extra_json(doc),
        )

    def date_param(self, value: datetime.date | None) -> Any:
        return value

    @abstractmethod
    def new_ids(self, cursor: CursorWrapper, count: int) -> list[int]: ...

    @abstractmethod
    def write_full_text(self, cursor: CursorWrapper, rows: list[tuple[int, IndexRow]]) -> None: ...

    @abstractmethod
    def delete_full_text(self, cursor: CursorWrapper, entry_ids: list[int]) -> None: ...

    # ---- reading -----------------------------------------------------------------------
    @abstractmethod
    def compile_text(self, parsed: ParsedQuery, scored: bool = True) -> CompiledText | None:
        """None when the query has no text to match (every entry qualifies)."""

    @abstractmethod
    def compile_suggest(self, phrase: Phrase) -> CompiledText: ...

    @abstractmethod
    def vocabulary_candidates(
        self, cursor: CursorWrapper, token: str
    ) -> Iterable[tuple[str, int]]: ...

    def restrict(
        self, filters: Filters, entry_joined: bool = True, text_joined: bool = False
    ) -> tuple[list[str], list[Any]]:
        """WHERE conditions on `e` for the filters.

        `e` is either the entry table or, when no entry column is needed, the full-text
        matches alone (SQLite): then "public" is checked against the few non-public ids and
        the kind through the facet table, which saves one row lookup per match.
        """
        where: list[str] = []
        params: list[Any] = []
        if not filters.include_non_public:
            if entry_joined:
                where.append("e.is_public = %s")
                params.append(True)
            else:
                # The unary + keeps SQLite from pushing id lists into FTS5 as rowid lookups,
                # each of which would evaluate the MATCH again (seconds instead of ms).
                where.append("+e.id NOT IN (SELECT id FROM search_entry WHERE is_public = %s)")
                params.append(False)
        if filters.year_from is not None:
            where.append("e.year >= %s")
            params.append(filters.year_from)
        if filters.year_to is not None:
            where.append("e.year <= %s")
            params.append(filters.year_to)
        for facet, values in sorted(filters.facets.items()):
            marks = ", ".join(["%s"] * len(values))
            if facet == KIND_FACET and entry_joined:
                where.append(f"e.kind IN ({marks})")
            else:
                subquery = "SELECT entry_id FROM search_facet WHERE facet = %s AND value IN"
                column = "+e.id" if text_joined else "e.id"
                where.append(f"{column} IN ({subquery} ({marks}))")
                params.append(facet)
            params.extend(values)
        return where, params

    def matching_sql(
        self,
        text: CompiledText | None,
        filters: Filters,
        select: str = "e.id",
        select_params: Sequence[Any] = (),
        need_entry: bool = False,
        sample_step: int = 1,
    ) -> tuple[str, list[Any]]:
        """SELECT over the entries that match the text and the filters; params in SQL order.

        `sample_step` > 1 keeps about one entry in n (a sample for counting facets).
        """
        join_entry = (
            need_entry
            or text is None
            or not text.source_sql
            or filters.year_from is not None
            or filters.year_to is not None
        )
        text_joined = text is not None and self.vendor == "sqlite"
        where, params = self.restrict(filters, entry_joined=join_entry, text_joined=text_joined)
        if sample_step > 1:
            # A multiplicative hash of the id (golden-ratio constant): a spread-out sample that
            # does not alias with regular patterns in the order records were indexed.
            # (%% is a literal % once the driver has put the parameters in.)
            where.append(f"(e.id * 2654435761) %% 4294967296 < {4294967296 // int(sample_step)}")
        from_sql, from_params = "search_entry e", ()
        if text is not None:
            if join_entry:
                from_sql, from_params = text.entry_from_sql, text.entry_from_params
            else:
                from_sql, from_params = text.source_sql, text.source_params
                select = select.replace(text.score_sql, text.source_score_sql)
            if text.where_sql:
                where.insert(0, text.where_sql)
                params[0:0] = list(text.where_params)
        sql = f"SELECT {select} FROM {from_sql}"  # noqa: S608
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, [*select_params, *from_params, *params]
