"""SQLite FTS5: bm25 ranking with field weights, prefix indexes, fts5vocab for suggestions.

Tokenizer choice: unicode61 over text the normaliser has already folded, without the porter
stemmer. Porter knows only English; on a corpus in six languages it would cut French, Spanish
and transliterated words by English rules, make a prefix query longer than the stem miss
("launderi*" vs the stem "launder"), and turn the vocabulary behind "did you mean" into stems
nobody typed. Matching stays exact-after-folding, the same on both databases.

Filters in FTS5: a fourth column, `tags`, holds one opaque token per (facet, value) of the entry
and one for "not public". The filters are added to the MATCH as tag clauses, so bm25 scores only
the entries that pass them. The user's words are not confined to the text columns (a column
filter doubles the cost of a match). Typing a tag's token, which no one would, finds the entries
with that facet value, publicly listed anyway, and non-public ones stay hidden by the facet index.
Asking FTS5 for a list of rowids instead evaluates the MATCH again for each (about 1 ms each).
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from django.db.backends.utils import CursorWrapper

from palermo.core.search.backends.base import (
    KIND_FACET,
    CompiledText,
    Filters,
    IdArray,
    IndexRow,
    RankedPage,
    SearchBackend,
    vocabulary_terms,
)
from palermo.core.search.normalise import stem
from palermo.core.search.query import ParsedQuery, Phrase

# bm25() column weights: title, summary, body (BRIEF §5: title above summary above full text);
# the tags column only filters and never adds to a score. Weights act before bm25 saturates
# repeated mentions, so 10 : 4 : 1 let one title mention outweigh a body about the word: at
# 2 : 1.5 : 1 the top ten agree with plain BM25 far more (benchmarks/ranking_baseline.py).
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 2.0, 1.5, 1.0
BM25 = f"bm25(search_fts, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}, 0.0)"
FTS_COLUMNS_SQL = (
    "title, summary, body, tags,"
    " tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\","
    " prefix = '2 3'"
)
TAG_PREFIX = "0x"  # never produced by the normaliser for a word of the user's: see tag_token
PRIVATE_TAG = TAG_PREFIX + "private"
# bm25 costs about a microsecond per entry scored: past this many entries passing the text and
# the filters, only windows of them are scored (see title_first).
RANK_LIMIT = 10_000


@functools.lru_cache(maxsize=65_536)
def tag_token(facet: str, value: str) -> str:
    digest = hashlib.blake2b(f"{facet}\x1f{value}".encode(), digest_size=8).hexdigest()
    return TAG_PREFIX + digest


def tags_text(pairs: Iterable[tuple[str, str]], is_public: bool) -> str:
    tokens = [tag_token(facet, value) for facet, value in pairs]
    if not is_public:
        tokens.append(PRIVATE_TAG)
    return " ".join(tokens)


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


def filter_clauses(filters: Filters, years: Sequence[int]) -> list[str]:
    """The facet and year filters as tag clauses, to AND with the words."""
    clauses = []
    for facet, values in sorted(filters.facets.items()):
        tokens = " OR ".join(f'"{tag_token(facet, value)}"' for value in values)
        clauses.append(f"{{tags}} : ({tokens})")
    if filters.year_from is not None or filters.year_to is not None:
        tokens = " OR ".join(f'"{tag_token("year", str(year))}"' for year in years)
        clauses.append(f"{{tags}} : ({tokens})")
    return clauses


def only_selected(ranked: list[tuple[int, float]], selected: IdArray) -> list[tuple[int, float]]:
    """The ranked entries that are in `selected` (ascending ids), in ranked order."""
    if not ranked or not len(selected):
        return []
    ids = np.array([entry_id for entry_id, _score in ranked], dtype=np.int64)
    found = np.minimum(np.searchsorted(selected, ids), len(selected) - 1)
    keep = selected[found] == ids
    return [pair for pair, kept in zip(ranked, keep.tolist(), strict=True) if kept]


def with_filters(expression: str, clauses: list[str]) -> str:
    return " AND ".join([f"({expression})", *clauses])


def scored(
    cursor: CursorWrapper, match: str, wanted: int, window: int | None = None
) -> list[tuple[int, float]]:
    """The best `wanted` matches by bm25; with `window`, among the most recently indexed only
    (FTS5 reads matches by descending rowid and stops there, so the cost is bounded)."""
    if window is None:
        sql = (
            f"SELECT rowid, -{BM25} FROM search_fts WHERE search_fts MATCH %s"  # noqa: S608
            f" ORDER BY {BM25}, rowid DESC LIMIT %s"
        )
        params: list[Any] = [match, wanted]
    else:
        sql = (
            f"SELECT id, score FROM (SELECT rowid AS id, -{BM25} AS score FROM search_fts"  # noqa: S608
            " WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s)"
            " ORDER BY score DESC, id DESC LIMIT %s"
        )
        params = [match, window, wanted]
    cursor.execute(sql, params)
    return [(int(entry_id), float(score)) for entry_id, score in cursor.fetchall()]


def title_first(
    cursor: CursorWrapper, text: CompiledText, clauses: list[str], wanted: int, selected: IdArray
) -> list[tuple[int, float]]:
    """Too many matches to score them all (bm25 costs about a microsecond each). One order over
    every match, built only as far as the page needs: the RANK_LIMIT most recently indexed
    entries with every word in the title, by bm25; then the RANK_LIMIT most recent matches, by
    bm25; then all the others, newest first (score 0)."""
    in_title = f"{{title}} : ({text.positive})"
    if text.negative:
        in_title = f"({in_title}) NOT ({text.negative})"
    windows = [with_filters(in_title, clauses), with_filters(text.expression, clauses)]
    ranked: list[tuple[int, float]] = []
    listed: set[int] = set()
    for match in windows:
        if len(ranked) >= wanted:
            return ranked
        best = scored(cursor, match, wanted + len(ranked), RANK_LIMIT)
        ranked.extend(pair for pair in best if pair[0] not in listed)
        listed.update(entry_id for entry_id, _score in best)
    if len(ranked) < wanted:
        for match in windows:
            listed.update(window_ids(cursor, match))
        newest_first = selected[::-1]
        others = newest_first[~np.isin(newest_first, np.fromiter(listed, dtype=np.int64))]
        ranked.extend((int(entry_id), 0.0) for entry_id in others[: wanted - len(ranked)])
    return ranked


def window_ids(cursor: CursorWrapper, match: str) -> list[int]:
    cursor.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s",
        [match, RANK_LIMIT],
    )
    return [int(entry_id) for (entry_id,) in cursor.fetchall()]


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
            "INSERT INTO search_fts (rowid, title, summary, body, tags)"
            " VALUES (%s, %s, %s, %s, %s)",
            [
                (
                    entry_id,
                    row.title_text,
                    row.summary_text,
                    row.body_text,
                    tags_text(row.facet_pairs, bool(row.doc.is_public)),
                )
                for entry_id, row in rows
            ],
        )
        cursor.executemany(
            "INSERT INTO search_term (term) VALUES (%s) ON CONFLICT DO NOTHING",
            [(term,) for term in vocabulary_terms(row for _entry_id, row in rows)],
        )

    def delete_full_text(self, cursor: CursorWrapper, entry_ids: list[int]) -> None:
        marks = ", ".join(["%s"] * len(entry_ids))
        cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", entry_ids)  # noqa: S608

    # ---- reading -----------------------------------------------------------------------
    def compile_text(self, parsed: ParsedQuery) -> CompiledText | None:
        if parsed.is_empty:
            return None
        positive, negative = fts_expression(parsed)
        if not positive:
            return CompiledText(expression=negative, inverted=True)
        expression = f"({positive}) NOT ({negative})" if negative else positive
        return CompiledText(expression=expression, positive=positive, negative=negative)

    def matching_ids_sql(self, text: CompiledText) -> tuple[str, list[Any]]:
        return (
            "SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH %s",
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
        clauses = filter_clauses(filters, years)
        # Non-public entries are rare: rather than one more clause for FTS5 to merge, ask for
        # more rows by their share among the matches and keep the selected ones (which also
        # guards against a document whose text imitates a tag token).
        needed = offset + limit
        hidden_share = len(hidden) / (len(selected) + len(hidden))
        wanted = int(needed / max(0.1, 1 - hidden_share)) + 10
        while True:
            if len(selected) <= RANK_LIMIT:
                ranked = scored(cursor, with_filters(text.expression, clauses), wanted)
            else:
                ranked = title_first(cursor, text, clauses, wanted, selected)
            visible = only_selected(ranked, selected)
            if len(visible) >= needed or len(ranked) < wanted:
                break
            wanted *= 4  # more hidden entries near the top than their share predicted
        return RankedPage(visible[offset:needed], len(selected) > RANK_LIMIT)

    def suggest_titles(
        self, cursor: CursorWrapper, phrase: Phrase, kinds: Sequence[str], limit: int
    ) -> list[str]:
        words = [Phrase((token,)) for token in phrase.tokens[:-1]]
        words.append(Phrase(phrase.tokens[-1:], prefix=True))
        expression = "{title} : (" + " AND ".join(fts_phrase(word) for word in words) + ")"
        if kinds:
            tokens = " OR ".join(f'"{tag_token(KIND_FACET, kind)}"' for kind in kinds)
            expression += f" AND {{tags}} : ({tokens})"
        expression = f'({expression}) NOT {{tags}} : "{PRIVATE_TAG}"'
        cursor.execute(
            "SELECT e.title FROM (SELECT rowid AS id, bm25(search_fts, 1.0, 0.0, 0.0, 0.0)"
            " AS rank FROM search_fts WHERE search_fts MATCH %s ORDER BY rank LIMIT %s) h"
            " CROSS JOIN search_entry e ON e.id = h.id ORDER BY h.rank, e.title",
            [expression, limit],
        )
        return [title for (title,) in cursor.fetchall()]

    def term_frequencies(self, cursor: CursorWrapper, terms: Sequence[str]) -> dict[str, int]:
        # Counting a MATCH reads the term's list without its positions, which fts5vocab decodes.
        frequencies = dict.fromkeys(terms, 0)
        for term in terms:  # words as written: the index holds their search terms
            cursor.execute(
                "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s",
                [fts_phrase(Phrase((stem(term),)))],
            )
            frequencies[term] = int(cursor.fetchone()[0])
        return frequencies
