"""PostgreSQL full text: a weighted tsvector (title A, summary B, body C), GIN, ts_rank_cd.

The normaliser has already folded the text, so the 'simple' configuration (lower-casing only)
indexes exactly the tokens SQLite indexes, and the contract suite holds on both databases.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.backends.utils import CursorWrapper

from palermo.core.search.backends.base import CompiledText, IndexRow, SearchBackend
from palermo.core.search.normalise import is_cjk
from palermo.core.search.query import ParsedQuery, Phrase

# ts_rank_cd weights in the order {D, C, B, A}: body is C, summary B, title A.
RANK_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
# Normalisation 1 divides by 1 + log(length): long judgments do not win by sheer size.
RANK_NORMALISATION = 1
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
        terms: set[str] = set()
        for _entry_id, row in rows:
            for text in (row.title_text, row.summary_text, row.body_text):
                terms.update(
                    token
                    for token in text.split()
                    if 3 <= len(token) <= 32 and not token.isdigit() and not is_cjk(token)
                )
        if terms:
            cursor.execute(
                "INSERT INTO search_term (term) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
                [sorted(terms)],
            )

    def delete_full_text(self, cursor: CursorWrapper, entry_ids: list[int]) -> None:
        """The tsvector goes with its row; vocabulary terms stay (suggestions are verified)."""

    def compile_text(self, parsed: ParsedQuery, scored: bool = True) -> CompiledText | None:
        if parsed.is_empty:
            return None
        positive, negative = ts_expression(parsed)
        if not positive:
            return CompiledText(
                expression=f"!({negative})",
                where_sql="NOT (e.document @@ to_tsquery('simple', %s))",
                where_params=(negative,),
            )
        expression = f"({positive}) & !({negative})" if negative else positive
        return CompiledText(
            expression=expression,
            where_sql="e.document @@ to_tsquery('simple', %s)",
            where_params=(expression,),
            score_sql=(
                f"ts_rank_cd('{RANK_WEIGHTS}', e.document, to_tsquery('simple', %s),"
                f" {RANK_NORMALISATION})"
                if scored
                else "0.0"
            ),
            score_params=(expression,) if scored else (),
        )

    def compile_suggest(self, phrase: Phrase) -> CompiledText:
        last = len(phrase.tokens) - 1
        expression = " & ".join(
            ts_lexeme(token, prefix=i == last, weight="A") for i, token in enumerate(phrase.tokens)
        )
        return CompiledText(
            expression=expression,
            where_sql="e.document @@ to_tsquery('simple', %s)",
            where_params=(expression,),
            score_sql=f"ts_rank_cd('{RANK_WEIGHTS}', e.document, to_tsquery('simple', %s))",
            score_params=(expression,),
        )

    def vocabulary_candidates(
        self, cursor: CursorWrapper, token: str
    ) -> Iterable[tuple[str, int]]:
        cursor.execute(
            "SELECT term FROM search_term WHERE term >= %s AND term < %s"
            " AND length(term) BETWEEN %s AND %s LIMIT 20000",
            [token[0], chr(ord(token[0]) + 1), len(token) - 2, len(token) + 2],
        )
        return [(term, 1) for (term,) in cursor.fetchall()]
