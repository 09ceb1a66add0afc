"""The search interface and the SQL both backends share.

A backend supplies three things: how to write an entry's full-text row (`write_full_text`), how
to turn a parsed query into a FROM/WHERE fragment with a score (`compile_text`), and where its
vocabulary lives (`vocabulary_candidates`). Filtering, facet counting, paging and the help for
empty results are the same SQL on both databases and live here.
"""

from __future__ import annotations

import datetime
import functools
import json
import secrets
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db.backends.utils import CursorWrapper

from palermo.core.search.normalise import index_forms, is_cjk
from palermo.core.search.query import ParsedQuery, Phrase
from palermo.core.search.types import SearchDocument

KIND_FACET = "kind"
YEAR_FACET = "year"
IdArray = npt.NDArray[np.int64]

# Change tracking (see columns.py): every write bumps the generation with a fresh stamp and
# lists the entries it removed or added; old generations are pruned now and then.
PRUNE_EVERY = 64
PRUNE_KEEP = 256
# search_entry's columns, in the order entry_insert_params gives them.
ENTRY_COLUMNS = (
    "id",
    "kind",
    "key",
    "title",
    "summary",
    "body",
    "language",
    "date",
    "year",
    "is_public",
    "extra",
)


@dataclass(frozen=True)
class CompiledText:
    """A parsed query in the backend's own syntax (an FTS5 MATCH string or a tsquery text).

    `inverted`: the query only excludes words, so it matches every entry *without* a match.
    """

    expression: str
    inverted: bool = False
    # The words alone (no exclusions), and the exclusions alone: a backend may need them apart.
    positive: str = ""
    negative: str = ""


@dataclass
class RankedPage:
    """(entry id, score) for one page of a relevance sort, best first; `approximate` when only a
    window of the matches was scored (see each backend's RANK_EXACT_LIMIT)."""

    ranked: list[tuple[int, float]]
    approximate: bool


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
    # The same fields' words as written (folded, unstemmed) where stemming changed any: the
    # spelling vocabulary keeps words people type, not stems.
    written_texts: tuple[str, ...] = ()

    @classmethod
    def from_document(cls, doc: SearchDocument) -> IndexRow:
        kind, key = short_text(doc.kind, 64), short_text(doc.key, 255)
        if kind != doc.kind or key != doc.key:
            doc = replace(doc, kind=kind, key=key)
        pairs: list[tuple[str, str]] = [(KIND_FACET, kind)]
        if doc.date is not None:
            pairs.append((YEAR_FACET, str(doc.date.year)))
        for facet, values in (doc.facets or {}).items():
            if facet in (KIND_FACET, YEAR_FACET):
                continue  # derived from the document itself; a second source would double-count
            if isinstance(values, str):
                values = [values]
            cleaned = (facet_pair(facet, v if isinstance(v, str) else str(v)) for v in values)
            pairs.extend(dict.fromkeys(pair for pair in cleaned if pair))
        forms = [index_forms(doc.title), index_forms(doc.summary), index_forms(doc.body)]
        stemmed = any(indexed is not written for indexed, written in forms)
        return cls(
            doc=doc,
            facet_pairs=tuple(pairs),
            title_text=forms[0][0],
            summary_text=forms[1][0],
            body_text=forms[2][0],
            written_texts=tuple(written for _indexed, written in forms) if stemmed else (),
        )


@functools.lru_cache(maxsize=65_536)
def facet_pair(facet: str, value: str) -> tuple[str, str] | None:
    """(facet, value) as stored, or None for an empty value. Memoised: an import repeats the
    same few hundred values on every record."""
    cleaned = storable(value)[:255]
    return (short_text(facet, 64), cleaned) if cleaned else None


def short_text(value: Any, length: int) -> str:
    return storable(value if isinstance(value, str) else str(value))[:length]


def vocabulary_terms(rows: Iterable[IndexRow]) -> list[str]:
    """The words worth offering as spelling corrections: 3 to 32 characters, not numbers, not
    Chinese bigrams (which are not words anyone misspells letter by letter)."""
    terms: set[str] = set()
    for row in rows:
        for text in row.written_texts or (row.title_text, row.summary_text, row.body_text):
            terms.update(text.split())
    return sorted(
        term for term in terms if 3 <= len(term) <= 32 and not term.isdigit() and not is_cjk(term)
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
    # Extra SQL on search_term rows offered as spelling candidates (a backend's own columns).
    vocabulary_condition = ""

    # ---- writing -----------------------------------------------------------------------
    def write(self, cursor: CursorWrapper, docs: Sequence[SearchDocument]) -> int:
        """Upsert documents: remove any previous entry of each (kind, key), then insert."""
        rows = [IndexRow.from_document(doc) for doc in docs]
        if not rows:
            return 0
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
        self.insert_rows(
            cursor,
            "search_entry",
            ENTRY_COLUMNS,
            [self.entry_insert_params(entry_id, row) for entry_id, row in numbered],
        )
        self.write_full_text(cursor, numbered)
        self.insert_rows(
            cursor,
            "search_facet",
            ("entry_id", "facet", "value"),
            [(entry_id, f, v) for entry_id, row in numbered for f, v in row.facet_pairs],
        )
        self.record_changes(cursor, [*stale, *(entry_id for entry_id, _row in numbered)])
        return len(rows)

    def delete_entries(self, cursor: CursorWrapper, entry_ids: Sequence[int]) -> None:
        for start in range(0, len(entry_ids), 500):
            chunk = list(entry_ids[start : start + 500])
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM search_facet WHERE entry_id IN ({marks})", chunk)  # noqa: S608
            self.delete_full_text(cursor, chunk)
            cursor.execute(f"DELETE FROM search_entry WHERE id IN ({marks})", chunk)  # noqa: S608

    def remove(self, cursor: CursorWrapper, kind: str, key: str) -> None:
        cursor.execute("SELECT id FROM search_entry WHERE kind = %s AND key = %s", [kind, key])
        self._remove_ids(cursor, [entry_id for (entry_id,) in cursor.fetchall()])

    def clear_kind(self, cursor: CursorWrapper, kind: str) -> None:
        cursor.execute("SELECT id FROM search_entry WHERE kind = %s", [kind])
        self._remove_ids(cursor, [entry_id for (entry_id,) in cursor.fetchall()])

    def _remove_ids(self, cursor: CursorWrapper, entry_ids: list[int]) -> None:
        if entry_ids:
            self.delete_entries(cursor, entry_ids)
            self.record_changes(cursor, entry_ids)

    def insert_rows(
        self, cursor: CursorWrapper, table: str, columns: Sequence[str], rows: list[Any]
    ) -> None:
        """Insert many rows (table and column names are this module's constants)."""
        if rows:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                rows,
            )

    def record_changes(self, cursor: CursorWrapper, entry_ids: Sequence[int]) -> None:
        """Bump the generation with a fresh stamp and list the entries removed or added (see
        columns.py); old generations are pruned now and then."""
        stamp = secrets.token_hex(8)
        cursor.execute(
            "UPDATE search_state SET generation = generation + 1, stamp = %s WHERE id = 1"
            " RETURNING generation",
            [stamp],
        )
        row = cursor.fetchone()
        if row is None:  # the state row is made by migration 0006; a test may have emptied it
            cursor.execute(
                "INSERT INTO search_state (id, generation, stamp) VALUES (1, 1, %s)", [stamp]
            )
            generation = 1
        else:
            generation = int(row[0])
        self.insert_rows(
            cursor,
            "search_change",
            ("generation", "stamp", "entry_id"),
            [(generation, stamp, entry_id) for entry_id in dict.fromkeys(entry_ids)],
        )
        if generation % PRUNE_EVERY == 0:
            cursor.execute(
                "DELETE FROM search_change WHERE generation <= %s", [generation - PRUNE_KEEP]
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
    def compile_text(self, parsed: ParsedQuery) -> CompiledText | None:
        """None when the query has no text to match (every entry qualifies)."""

    @abstractmethod
    def matching_ids_sql(self, text: CompiledText) -> tuple[str, list[Any]]:
        """SQL giving one row, one column: the ids matching the text, joined by commas."""

    @abstractmethod
    def rank(
        self,
        cursor: CursorWrapper,
        text: CompiledText,
        filters: Filters,
        years: Sequence[int],
        selected: IdArray,
        hidden: IdArray,
        offset: int,
        limit: int,
    ) -> RankedPage:
        """One page of `selected` (the ids passing text and filters, ascending) by relevance.

        `years`: the years present in the index inside the filters' range, and `hidden`: the
        non-public entries that pass text and filters but must not be shown, for backends
        that filter inside their full-text engine."""

    @abstractmethod
    def suggest_titles(
        self, cursor: CursorWrapper, phrase: Phrase, kinds: Sequence[str], limit: int
    ) -> list[str]:
        """Public titles holding every word of `phrase`, the last as a prefix, best first."""

    def vocabulary_candidates(self, cursor: CursorWrapper, token: str) -> list[str]:
        """Indexed words sharing the token's first letter, within two characters of its length."""
        cursor.execute(
            "SELECT term FROM search_term WHERE term >= %s AND term < %s"  # noqa: S608
            f" AND length(term) BETWEEN %s AND %s{self.vocabulary_condition} LIMIT 20000",
            [token[0], chr(ord(token[0]) + 1), len(token) - 2, len(token) + 2],
        )
        return [term for (term,) in cursor.fetchall()]

    def term_frequencies(self, cursor: CursorWrapper, terms: Sequence[str]) -> dict[str, int]:
        """How many entries hold each term, where the backend knows it cheaply (else 1)."""
        return dict.fromkeys(terms, 1)
