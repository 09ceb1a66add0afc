"""PostgreSQL full text: a weighted tsvector (title A, summary B, body C), GIN, and BM25.

The tsvector and the entry's length live in a narrow table, `search_document` (migration 0009),
apart from the entry's text: matching a common word reads that table and its GIN index, not
the 3.6 KB rows of `search_entry`.

The normaliser has already folded the text, so the 'simple' configuration (lower-casing only)
indexes exactly the tokens SQLite indexes, and the contract suite holds on both databases.

Ranking is FTS5's bm25() computed in SQL, so that both databases order results alike: for each
positive phrase of the query, idf × f·(k1 + 1) / (f + k1·(1 − b + b·length / average length)),
summed, with FTS5's k1 1.2, b 0.75 and IDF (floored at 1e-6). `ts_rank_cd` has no IDF and does
not saturate, so it is used only for f, the phrase's weighted frequency in the entry (title 2,
summary 1.5, body 1): for a query of one phrase and no normalisation it is the sum of the weights
of the phrase's occurrences. What bm25 needs beyond the entry is kept by the writes in their
transaction (migration 0008): `search_term.ndoc`, the entries holding each lexeme;
`search_document.token_count`, the entry's length as FTS5 counts it; `search_totals`, the number
of entries and of their tokens. A phrase of several words takes its rarest word's frequency and
a prefix its most frequent expansion's (FTS5 counts the entries matching either: cheap here
only for rare words), which moves scores only where a query mixes them with other phrases.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
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
from palermo.core.search.backends.sqlite import BODY_WEIGHT, SUMMARY_WEIGHT, TITLE_WEIGHT
from palermo.core.search.normalise import NON_TOKEN_RE, stem
from palermo.core.search.query import ParsedQuery, Phrase

# FTS5's bm25() parameters (sqlite3 ext/fts5/fts5_aux.c) and floor for a word in over half the
# entries, whose IDF would be negative.
K1, B = 1.2, 0.75
IDF_FLOOR = 1e-6
# ts_rank_cd's weights {D, C, B, A} must not exceed 1: the field weights divided by the largest,
# and each frequency multiplied back by it (D, unused, as the body).
WEIGHT_SCALE = max(TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT)
FREQUENCY_WEIGHTS = "{{{:g}, {:g}, {:g}, {:g}}}".format(
    *(weight / WEIGHT_SCALE for weight in (BODY_WEIGHT, BODY_WEIGHT, SUMMARY_WEIGHT, TITLE_WEIGHT))
)
# Each phrase costs one ts_rank_cd per scored entry (a few microseconds: it reads the tsvector);
# a longer query is scored by its rarest phrases, the others weighing least in bm25 anyway.
MAX_SCORED_PHRASES = 8
# Scoring costs that per entry passing text and filters: past this many, only a window of them
# is scored.
RANK_LIMIT = 5_000
# Title suggestions (search as you type) keep ts_rank_cd over the title alone.
TITLE_RANK_SQL = "ts_rank_cd('{0.1, 0.2, 0.3, 0.5}', d.document, to_tsquery('simple', %s), 1)"
# Past every expansion of a prefix in code point order (the collation of search_term.term, as
# base.vocabulary_candidates also assumes); starts_with keeps it right under any other.
LAST_CHARACTER = "\U0010ffff"
STATISTICS_SQL = (
    "SELECT s.entries, s.tokens, ARRAY(SELECT CASE WHEN t.prefix"
    " THEN (SELECT max(ndoc) FROM search_term WHERE term >= t.token"
    " AND term < t.token || %s AND starts_with(term, t.token))"
    " ELSE (SELECT ndoc FROM search_term WHERE term = t.token) END"
    " FROM unnest(%s::text[], %s::boolean[]) WITH ORDINALITY AS t(token, prefix, n)"
    " ORDER BY t.n) FROM (SELECT 1) AS one LEFT JOIN search_totals s ON s.id = 1"
)
# Writes. A batch's documents go in with one statement, which also counts the entries holding
# each of their lexemes (as stored, so exactly the lexemes a query matches) and adds the counts
# to search_term; `spelling` marks the words offered by "did you mean" (vocabulary_terms).
# Counting the RETURNING rows spares reading the new tsvectors back, as ts_stat did.
ADD_DOCUMENTS_SQL = (
    "WITH added AS (INSERT INTO search_document (entry_id, token_count, document)"
    " SELECT v.id, v.tokens, setweight(to_tsvector('simple', v.title), 'A')"
    " || setweight(to_tsvector('simple', v.summary), 'B')"
    " || setweight(to_tsvector('simple', v.body), 'C')"
    " FROM unnest(%b::bigint[], %b::integer[], %b::text[], %b::text[], %b::text[])"
    " AS v(id, tokens, title, summary, body) RETURNING document),"
    " counted AS (SELECT u.word, count(*) AS ndoc"
    " FROM added, unnest(tsvector_to_array(added.document)) AS u(word) GROUP BY u.word)"
    " INSERT INTO search_term AS t (term, ndoc, spelling)"
    " SELECT coalesce(c.word, v.term), coalesce(c.ndoc, 0), v.term IS NOT NULL"
    " FROM counted c FULL JOIN unnest(%b::text[]) AS v(term) ON v.term = c.word"
    " ORDER BY 1"
    " ON CONFLICT (term) DO UPDATE SET ndoc = t.ndoc + excluded.ndoc,"
    " spelling = t.spelling OR excluded.spelling"
    " WHERE excluded.ndoc <> 0 OR (excluded.spelling AND NOT t.spelling)"
)
REMOVE_DOCUMENTS_SQL = (
    "WITH removed AS (DELETE FROM search_document WHERE entry_id = ANY(%s::bigint[])"
    " RETURNING document),"
    " counted AS (SELECT u.word, count(*) AS ndoc"
    " FROM removed, unnest(tsvector_to_array(removed.document)) AS u(word) GROUP BY u.word)"
    " UPDATE search_term AS t SET ndoc = t.ndoc - c.ndoc FROM counted c WHERE t.term = c.word"
)
ADD_TOTALS_SQL = (
    "UPDATE search_totals SET entries = entries + %s, tokens = tokens + %s WHERE id = 1"
)
REMOVE_TOTALS_SQL = (
    "UPDATE search_totals AS t SET entries = t.entries - d.entries, tokens = t.tokens - d.tokens"
    " FROM (SELECT count(*) AS entries, coalesce(sum(token_count), 0) AS tokens"
    " FROM search_document WHERE entry_id = ANY(%s::bigint[])) AS d WHERE t.id = 1"
)
RECOUNT_TOTALS_SQL = (
    "INSERT INTO search_totals (id, entries, tokens)"
    " SELECT 1, count(*), coalesce(sum(token_count), 0) FROM search_document"
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


@dataclass(frozen=True)
class PostgresText(CompiledText):
    """The compiled query, with its positive phrases apart: bm25 scores each on its own."""

    phrases: tuple[Phrase, ...] = ()


# ---- bm25 -------------------------------------------------------------------------------


def token_count(row: IndexRow) -> int:
    """The entry's length as FTS5 counts it for bm25: the tokens of title, summary and body,
    and those of its `tags` column (sqlite.py: one per facet value, one more if not public)."""
    tags = len(row.facet_pairs) + (0 if row.doc.is_public else 1)
    return text_tokens(row.title_text, row.summary_text, row.body_text) + tags


def text_tokens(*texts: str) -> int:
    """Tokens of normalised texts (index_text leaves ASCII text as letters, digits, spaces)."""
    return sum(
        len(text.split() if text.isascii() else NON_TOKEN_RE.sub(" ", text).split())
        for text in texts
    )


def idf(entries: int, holding: int) -> float:
    """FTS5's IDF: log((N − n + 0.5) / (n + 0.5)), floored at 1e-6 (a word in over half)."""
    holding = min(max(holding, 0), entries)
    return max(math.log((entries - holding + 0.5) / (holding + 0.5)), IDF_FLOOR)


def phrase_tokens(phrases: Sequence[Phrase]) -> list[tuple[str, bool]]:
    """The (token, is prefix) whose frequencies the phrases need, each once."""
    wanted: dict[tuple[str, bool], None] = {}
    for phrase in phrases:
        last = len(phrase.tokens) - 1
        for i, token in enumerate(phrase.tokens):
            wanted[(token, phrase.prefix and i == last)] = None
    return list(wanted)


def phrase_frequency(phrase: Phrase, known: dict[tuple[str, bool], int]) -> int:
    """Entries holding the phrase, estimated: its rarest word's count (an upper bound), a prefix
    counting as its most frequent expansion (a lower bound)."""
    last = len(phrase.tokens) - 1
    return min(
        known.get((token, phrase.prefix and i == last), 0) for i, token in enumerate(phrase.tokens)
    )


@dataclass(frozen=True)
class Bm25Terms:
    """What one query's bm25 needs: per scored phrase its tsquery text and weight (idf × (k1+1)
    × the times the query repeats it), and the length normalisation's two constants."""

    queries: tuple[str, ...]
    coefficients: tuple[float, ...]
    norm_constant: float
    norm_per_token: float


def bm25_terms(
    phrases: Sequence[Phrase], entries: int, tokens: int, frequencies: dict[tuple[str, bool], int]
) -> Bm25Terms:
    """idf per phrase (the rarest MAX_SCORED_PHRASES kept) and k1·(1 − b + b·length/average),
    divided by WEIGHT_SCALE since ts_rank_cd gives frequencies divided by it."""
    repeats = Counter(phrases)
    holding = {phrase: phrase_frequency(phrase, frequencies) for phrase in repeats}
    kept = sorted(repeats, key=lambda phrase: holding[phrase])[:MAX_SCORED_PHRASES]
    average = tokens / entries if entries and tokens > 0 else 1.0
    return Bm25Terms(
        queries=tuple(ts_phrase(phrase) for phrase in kept),
        coefficients=tuple(
            idf(entries, holding[phrase]) * (K1 + 1) * repeats[phrase] for phrase in kept
        ),
        norm_constant=K1 * (1 - B) / WEIGHT_SCALE,
        norm_per_token=K1 * B / (average * WEIGHT_SCALE),
    )


FREQUENCY_SQL = f"ts_rank_cd('{FREQUENCY_WEIGHTS}', document, to_tsquery('simple', %s), 0)::float8"


def bm25_sql(terms: Bm25Terms, window: list[int], wanted: int) -> tuple[str, list[Any]]:
    """The best `wanted` of `window` by bm25: c·f / (f + norm) summed over the phrases."""
    if len(terms.queries) == 1:
        # One phrase: as c·(1 − norm / (f + norm)), f is named once and computed once.
        sql = (
            "SELECT entry_id AS id, %s * (1 - (%s + %s * token_count)"  # noqa: S608
            f" / ({FREQUENCY_SQL} + %s + %s * token_count)) AS score"
            " FROM search_document WHERE entry_id = ANY(%s) ORDER BY score DESC, id DESC LIMIT %s"
        )
        norm = [terms.norm_constant, terms.norm_per_token]
        return sql, [terms.coefficients[0], *norm, terms.queries[0], *norm, window, wanted]
    # Several: each frequency computed once in a subquery kept apart (OFFSET 0), or the planner
    # would repeat it in the sum (measured: 5,000 entries, 2 phrases, 37 ms against 45).
    frequencies = ", ".join(f"{FREQUENCY_SQL} AS f{i}" for i in range(len(terms.queries)))
    score = " + ".join(f"%s * f{i} / (f{i} + norm)" for i in range(len(terms.queries)))
    sql = (
        f"SELECT id, {score} AS score FROM (SELECT entry_id AS id,"  # noqa: S608
        f" %s + %s * token_count AS norm, {frequencies}"
        " FROM search_document WHERE entry_id = ANY(%s) OFFSET 0) AS scored"
        " ORDER BY score DESC, id DESC LIMIT %s"
    )
    params = [
        *terms.coefficients,
        terms.norm_constant,
        terms.norm_per_token,
        *terms.queries,
        window,
        wanted,
    ]
    return sql, params


class PostgresBackend(SearchBackend):
    vendor = "postgresql"
    # search_term also holds lexemes kept only for their bm25 counts: offer the words alone.
    vocabulary_condition = " AND spelling"

    def insert_rows(
        self, cursor: CursorWrapper, table: str, columns: Sequence[str], rows: list[Any]
    ) -> None:
        """COPY: one stream for the batch, no statement per row (Django's executemany sends one
        per row: 256-303 µs a document for search_facet, against 60-94 with COPY)."""
        if not rows:
            return
        with (
            cursor.db.wrap_database_errors,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def term_frequencies(self, cursor: CursorWrapper, terms: Sequence[str]) -> dict[str, int]:
        """Entries holding each word, from the counts bm25 keeps (by the word's search term)."""
        searched = {term: stem(term) for term in terms}
        cursor.execute(
            "SELECT term, ndoc FROM search_term WHERE term = ANY(%s)",
            [sorted(set(searched.values()))],
        )
        counts = {term: int(ndoc) for term, ndoc in cursor.fetchall()}
        return {term: counts.get(searched_term, 0) for term, searched_term in searched.items()}

    def new_ids(self, cursor: CursorWrapper, count: int) -> list[int]:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('search_entry', 'id'))"
            " FROM generate_series(1, %s)",
            [count],
        )
        return [int(entry_id) for (entry_id,) in cursor.fetchall()]

    def write_full_text(self, cursor: CursorWrapper, rows: list[tuple[int, IndexRow]]) -> None:
        """The documents, and the statistics bm25 reads and the vocabulary for "did you mean"
        (the totals first: see add_totals)."""
        lengths = [token_count(row) for _entry_id, row in rows]
        add_totals(cursor, len(rows), sum(lengths))
        params = [
            [entry_id for entry_id, _row in rows],
            lengths,
            [row.title_text for _entry_id, row in rows],
            [row.summary_text for _entry_id, row in rows],
            [row.body_text for _entry_id, row in rows],
            vocabulary_terms(row for _entry_id, row in rows),
        ]
        # Bound on the server: Django's client-side binding would quote the whole batch's text
        # into the statement, for the server to parse back (about 5 MB for 2,000 entries). Not
        # prepared: planning is nothing beside a batch, and Django's own statements never are.
        with psycopg.Cursor(cursor.cursor.connection) as bound:
            bound.execute(ADD_DOCUMENTS_SQL, params, prepare=False)

    def delete_full_text(self, cursor: CursorWrapper, entry_ids: list[int]) -> None:
        """The documents and their statistics, before their entries are deleted. Words stay in
        the vocabulary, with what is left of their counts."""
        remove_totals(cursor, entry_ids)
        cursor.execute(REMOVE_DOCUMENTS_SQL, [list(entry_ids)])

    def compile_text(self, parsed: ParsedQuery) -> CompiledText | None:
        if parsed.is_empty:
            return None
        positive, negative = ts_expression(parsed)
        if not positive:
            return PostgresText(expression=negative, inverted=True)
        expression = f"({positive}) & !({negative})" if negative else positive
        return PostgresText(
            expression=expression,
            positive=positive,
            negative=negative,
            phrases=tuple(parsed.positive_phrases()),
        )

    def matching_ids_sql(self, text: CompiledText) -> tuple[str, list[Any]]:
        return (
            "SELECT string_agg(entry_id::text, ',') FROM search_document"
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
        """bm25 over the RANK_LIMIT most recently indexed of the selected entries (each costs a
        read of its tsvector per phrase); past those, the others follow newest first."""
        window = [int(entry_id) for entry_id in selected[-RANK_LIMIT:]]
        terms = self.bm25_terms(cursor, text, len(selected))
        sql, params = bm25_sql(terms, window, min(offset + limit, len(window)))
        cursor.execute(sql, params)
        ranked = [(int(i), float(s)) for i, s in cursor.fetchall()]
        if offset + limit > len(window):
            older = selected[: len(selected) - len(window)][::-1]
            ranked.extend(
                (int(entry_id), 0.0) for entry_id in older[: offset + limit - len(ranked)]
            )
        return RankedPage(ranked[offset : offset + limit], len(selected) > RANK_LIMIT)

    def bm25_terms(self, cursor: CursorWrapper, text: CompiledText, matches: int) -> Bm25Terms:
        phrases = text.phrases if isinstance(text, PostgresText) else ()
        if not phrases:  # compiled elsewhere: the whole query as one phrase of unknown rarity
            query = text.positive or text.expression
            return Bm25Terms((query,), (K1 + 1,), K1 / WEIGHT_SCALE, 0.0)
        wanted = phrase_tokens(phrases)
        cursor.execute(
            STATISTICS_SQL,
            [LAST_CHARACTER, [token for token, _ in wanted], [prefix for _, prefix in wanted]],
        )
        entries, tokens, counts = cursor.fetchone()
        frequencies = {key: int(count or 0) for key, count in zip(wanted, counts, strict=True)}
        # Statistics behind the index (an entry written around them) must not make N too small.
        return bm25_terms(phrases, max(int(entries or 0), matches), int(tokens or 0), frequencies)

    def suggest_titles(
        self, cursor: CursorWrapper, phrase: Phrase, kinds: Sequence[str], limit: int
    ) -> list[str]:
        last = len(phrase.tokens) - 1
        expression = " & ".join(
            ts_lexeme(token, prefix=i == last, weight="A") for i, token in enumerate(phrase.tokens)
        )
        kind_sql = " AND e.kind = ANY(%s)" if kinds else ""
        cursor.execute(
            f"SELECT e.title, {TITLE_RANK_SQL} AS score FROM search_document d"  # noqa: S608
            " JOIN search_entry e ON e.id = d.entry_id"
            f" WHERE d.document @@ to_tsquery('simple', %s) AND e.is_public{kind_sql}"
            " ORDER BY score DESC, e.title LIMIT %s",
            [expression, expression, *([list(kinds)] if kinds else []), limit],
        )
        return [title for title, _score in cursor.fetchall()]


def add_totals(cursor: CursorWrapper, entries: int, tokens: int) -> None:
    """Count new entries into the totals, before their documents are stored. Every index write
    takes this row's lock first, before any search_term row, so concurrent writers queue here
    instead of deadlocking."""
    cursor.execute(ADD_TOTALS_SQL, [entries, tokens])
    if cursor.rowcount == 0:  # the row made by migration 0008 was deleted: count again
        cursor.execute(RECOUNT_TOTALS_SQL)
        cursor.execute(ADD_TOTALS_SQL, [entries, tokens])


def remove_totals(cursor: CursorWrapper, entry_ids: Sequence[int]) -> None:
    """Take these entries from the totals, as stored, before their documents are deleted (the
    lock first, as in add_totals)."""
    params = [list(entry_ids)]
    cursor.execute(REMOVE_TOTALS_SQL, params)
    if cursor.rowcount == 0:  # as above; the entries being removed are still counted
        cursor.execute(RECOUNT_TOTALS_SQL)
        cursor.execute(REMOVE_TOTALS_SQL, params)
