"""SQLite FTS5: bm25 ranking with field weights, prefix indexes, fts5vocab for suggestions.

Tokenizer choice: unicode61 over text the normaliser has already folded, without the porter
stemmer. Porter knows only English; on a corpus in six languages it would cut French, Spanish
and transliterated words by English rules, make a prefix query longer than the stem miss
("launderi*" vs the stem "launder"), and turn the vocabulary behind "did you mean" into stems
nobody typed. Matching stays exact-after-folding, the same on both databases.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.backends.utils import CursorWrapper

from palermo.core.search.backends.base import CompiledText, IndexRow, SearchBackend
from palermo.core.search.query import ParsedQuery, Phrase

# bm25() column weights: title, summary, body (BRIEF §5: title above summary above full text).
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0


def fts_phrase(phrase: Phrase) -> str:
    quoted = '"' + " ".join(token.replace('"', '""') for token in phrase.tokens) + '"'
    return quoted + " *" if phrase.prefix else quoted


def fts_expression(parsed: ParsedQuery) -> tuple[str, str]:
    """(positive, negative) FTS5 query strings; either may be empty."""
    clauses = []
    for clause in parsed.required:
        parts = [fts_phrase(phrase) for phrase in clause]
        clauses.append(parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")")
    positive = " AND ".join(clauses)
    negative = " OR ".join(fts_phrase(phrase) for phrase in parsed.excluded)
    return positive, negative


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def new_ids(self, cursor: CursorWrapper, count: int) -> list[int]:
        # Safe: writes run in an IMMEDIATE transaction, so no other writer can take these ids.
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM search_entry")
        first = int(cursor.fetchone()[0]) + 1
        return list(range(first, first + count))

    def date_param(self, value: datetime.date | None) -> Any:
        return value.isoformat() if value else None

    def write_full_text(self, cursor: CursorWrapper, rows: list[tuple[int, IndexRow]]) -> None:
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
            [(entry_id, row.title_text, row.summary_text, row.body_text) for entry_id, row in rows],
        )

    def delete_full_text(self, cursor: CursorWrapper, entry_ids: list[int]) -> None:
        marks = ", ".join(["%s"] * len(entry_ids))
        cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", entry_ids)  # noqa: S608

    def compile_text(self, parsed: ParsedQuery, scored: bool = True) -> CompiledText | None:
        if parsed.is_empty:
            return None
        positive, negative = fts_expression(parsed)
        if not positive:
            return CompiledText(
                expression=f"NOT ({negative})",
                where_sql="e.id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)",
                where_params=(negative,),
            )
        expression = f"({positive}) NOT ({negative})" if negative else positive
        rank = (
            f", bm25(search_fts, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}) AS rank"
            if scored
            else ""
        )
        matches = f"SELECT rowid AS id{rank} FROM search_fts WHERE search_fts MATCH %s"  # noqa: S608
        return CompiledText(
            expression=expression,
            # CROSS JOIN keeps the matches as the outer loop: SQLite must never look rows up
            # in FTS5 by rowid, which re-evaluates the MATCH for every row.
            entry_from_sql=f"({matches}) h CROSS JOIN search_entry e ON e.id = h.id",
            entry_from_params=(expression,),
            score_sql="-h.rank" if scored else "0.0",  # bm25() is lower-is-better
            source_sql=f"({matches}) e",
            source_params=(expression,),
            source_score_sql="-e.rank" if scored else "0.0",
        )

    def compile_suggest(self, phrase: Phrase) -> CompiledText:
        words = [Phrase((token,)) for token in phrase.tokens[:-1]]
        words.append(Phrase(phrase.tokens[-1:], prefix=True))
        expression = "{title} : (" + " AND ".join(fts_phrase(word) for word in words) + ")"
        return CompiledText(
            expression=expression,
            entry_from_sql=(
                "(SELECT rowid AS id, bm25(search_fts, 1.0, 0.0, 0.0) AS rank FROM search_fts"
                " WHERE search_fts MATCH %s) h CROSS JOIN search_entry e ON e.id = h.id"
            ),
            entry_from_params=(expression,),
            score_sql="-h.rank",
        )

    def vocabulary_candidates(
        self, cursor: CursorWrapper, token: str
    ) -> Iterable[tuple[str, int]]:
        cursor.execute(
            "SELECT term, doc FROM search_vocab WHERE term >= %s AND term < %s LIMIT 20000",
            [token[0], chr(ord(token[0]) + 1)],
        )
        return [(term, int(doc)) for term, doc in cursor.fetchall()]
