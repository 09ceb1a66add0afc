"""PostgreSQL full text: a weighted tsvector (title A, summary B, body C), GIN, ts_rank_cd.

The normaliser has already folded the text, so the 'simple' configuration (lower-casing only)
indexes exactly the tokens SQLite indexes, and the contract suite holds on both databases.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.backends.utils import CursorWrapper

from palermo.core.search.backends.base import (
    CompiledText,
    Filters,
    IdArray,
    IndexRow,
    RankedPage,
    SearchBackend,
    vocabulary_terms,
)
from palermo.core.search.query import ParsedQuery, Phrase

# ts_rank_cd weights in the order {D, C, B, A}: body is C, summary B, title A, close to SQLite's
# 2 : 1.5 : 1 (heavier title weights pushed documents that mention a word once in the title above
# those about it: benchmarks/ranking_baseline.py). ts_rank_cd adds mentions up without bm25's
# saturation, so the title gets 2.5 to stay above two mentions in the body.
RANK_WEIGHTS = "{0.1, 0.2, 0.3, 0.5}"
# Normalisation 1 divides by 1 + log(length): long judgments do not win by sheer size.
RANK_NORMALISATION = 1
RANK_SQL = f"ts_rank_cd('{RANK_WEIGHTS}', document, to_tsquery('simple', %s), {RANK_NORMALISATION})"
# ts_rank_cd costs several microseconds per entry (it reads the tsvector): past this many
# entries passing text and filters, only a window of them is scored.
RANK_LIMIT = 5_000
DOCUMENT_SQL = (
    "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"
    " || setweight(to_tsvector('simple', %s), 'C')"
)


def ts_lexeme(token: str, prefix: bool = False, weight: str = "") -> str:
    quoted = "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
    suffix = ("*" if prefix else "") + weight
    return f"{quoted}:{suffix}" if suffix else quoted


def ts_phrase(phrase: Phrase, weight: str = "") -> str:
    last = len(phrase.tokens) - 1
    lexemes = [
        ts_lexeme(token, prefix=phrase.prefix and i == last, weight=weight)
        for i, token in enumerate(phrase.tokens)
    ]
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def ts_expression(parsed: ParsedQuery) -> tuple[str, str]:
    """(positive, negative) tsquery texts; either may be empty."""
    clauses = []
    for clause in parsed.required:
        parts = [ts_phrase(phrase) for phrase in clause]
        clauses.append(parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")")
    positive = " & ".join(clauses)
    negative = " | ".join(ts_phrase(phrase) for phrase in parsed.excluded)
    return positive, negative


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def new_ids(self, cursor: CursorWrapper, count: int) -> list[int]:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('search_entry', 'id'))"
            " FROM generate_series(1, %s)",
            [count],
        )
        return [int(entry_id) for (entry_id,) in cursor.fetchall()]

    def entry_insert_sql(self) -> str:
        return (
            "INSERT INTO search_entry (id, kind, key, title, summary, body, language, date, year,"  # noqa: S608
            f" is_public, extra, document) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
            f" {DOCUMENT_SQL})"
        )

    def entry_insert_params(self, entry_id: int, row: IndexRow) -> tuple[Any, ...]:
        return (
            *super().entry_insert_params(entry_id, row),
            row.title_text,
            row.summary_text,
            row.body_text,
        )

    def write_full_text(self, cursor: CursorWrapper, rows: list[tuple[int, IndexRow]]) -> None:
        # The tsvector went in with the entry; here only the vocabulary for "did you mean".
        terms = vocabulary_terms(row for _entry_id, row in rows)
        if terms:
            cursor.execute(
                "INSERT INTO search_term (term) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
                [terms],
            )

    def delete_full_text(self, cursor: CursorWrapper, entry_ids: list[int]) -> None:
        """The tsvector goes with its row; vocabulary terms stay (suggestions are verified)."""

    def compile_text(self, parsed: ParsedQuery) -> CompiledText | None:
        if parsed.is_empty:
            return None
        positive, negative = ts_expression(parsed)
        if not positive:
            return CompiledText(expression=negative, inverted=True)
        expression = f"({positive}) & !({negative})" if negative else positive
        return CompiledText(expression=expression, positive=positive, negative=negative)

    def matching_ids_sql(self, text: CompiledText) -> tuple[str, list[Any]]:
        return (
            "SELECT string_agg(id::text, ',') FROM search_entry"
            " WHERE document @@ to_tsquery('simple', %s)",
            [text.expression],
        )

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
        """ts_rank_cd reads each entry's tsvector, so only the RANK_LIMIT most recently indexed
        of the selected entries are scored; past those, the others follow newest first."""
        window = [int(entry_id) for entry_id in selected[-RANK_LIMIT:]]
        scored_rows = min(offset + limit, len(window))
        cursor.execute(
            f"SELECT id, {RANK_SQL} AS score FROM search_entry WHERE id = ANY(%s)"  # noqa: S608
            " ORDER BY score DESC, id DESC LIMIT %s",
            [text.expression, window, scored_rows],
        )
        ranked = [(int(i), float(s)) for i, s in cursor.fetchall()]
        if offset + limit > len(window):
            older = selected[: len(selected) - len(window)][::-1]
            ranked.extend(
                (int(entry_id), 0.0) for entry_id in older[: offset + limit - len(ranked)]
            )
        return RankedPage(ranked[offset : offset + limit], len(selected) > RANK_LIMIT)

    def suggest_titles(
        self, cursor: CursorWrapper, phrase: Phrase, kinds: Sequence[str], limit: int
    ) -> list[str]:
        last = len(phrase.tokens) - 1
        expression = " & ".join(
            ts_lexeme(token, prefix=i == last, weight="A") for i, token in enumerate(phrase.tokens)
        )
        kind_sql = " AND kind = ANY(%s)" if kinds else ""
        cursor.execute(
            f"SELECT title, {RANK_SQL} AS score FROM search_entry"  # noqa: S608
            f" WHERE document @@ to_tsquery('simple', %s) AND is_public{kind_sql}"
            " ORDER BY score DESC, title LIMIT %s",
            [expression, expression, *([list(kinds)] if kinds else []), limit],
        )
        return [title for title, _score in cursor.fetchall()]
