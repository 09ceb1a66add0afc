"""PostgreSQL's bm25 (backends/postgres.py): the scores are FTS5's, and the statistics behind
them follow every write. The helpers are checked on any database; the rest needs PostgreSQL."""

from __future__ import annotations

import datetime
import importlib
import math
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection

from palermo.core.search import (
    SearchDocument,
    SearchPlan,
    bulk_index,
    clear_kind,
    index_document,
    remove_document,
    search,
)
from palermo.core.search.backends import postgres
from palermo.core.search.backends.base import IndexRow
from palermo.core.search.normalise import tokens
from palermo.core.search.query import Phrase

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's own bm25 and statistics; SQLite's FTS5 ranks and counts by itself",
)

# ---- helpers, on any database -----------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "holding", "expected"),
    [
        (10, 1, math.log(9.5 / 1.5)),
        (10, 0, math.log(10.5 / 0.5)),
        (10, 5, postgres.IDF_FLOOR),  # log(1) = 0: floored, as FTS5 does
        (10, 8, postgres.IDF_FLOOR),  # in over half the entries: negative, floored
        (10, 40, postgres.IDF_FLOOR),  # counts ahead of the entries are held to N
    ],
)
def test_idf_is_fts5s(entries: int, holding: int, expected: float) -> None:
    assert postgres.idf(entries, holding) == pytest.approx(expected)


KNOWN = {("mutual", False): 40, ("legal", False): 90, ("assist", True): 25, ("court", False): 7}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (Phrase(("court",)), 7),
        (Phrase(("mutual", "legal")), 40),  # the rarest word bounds the phrase
        (Phrase(("legal", "assist"), prefix=True), 25),  # the prefix's most frequent expansion
        (Phrase(("unknown",)), 0),
    ],
)
def test_phrase_frequency(phrase: Phrase, expected: int) -> None:
    assert postgres.phrase_frequency(phrase, KNOWN) == expected


def test_weights_are_sqlites_scaled_for_ts_rank_cd() -> None:
    d, c, b, a = (float(w) for w in postgres.FREQUENCY_WEIGHTS.strip("{}").split(","))
    assert max(d, c, b, a) <= 1.0  # ts_rank_cd refuses more
    scale = postgres.WEIGHT_SCALE
    assert (a * scale, b * scale, c * scale) == (2.0, 1.5, 1.0)


def test_bm25_terms_repeat_cap_and_length_constants() -> None:
    court, legal = Phrase(("court",)), Phrase(("legal",))
    terms = postgres.bm25_terms([court, legal, court], 100, 5000, KNOWN)
    assert terms.queries == ("'court'", "'legal'")  # rarest first
    factor = postgres.K1 + 1
    assert terms.coefficients == pytest.approx(
        (2 * factor * postgres.idf(100, 7), factor * postgres.idf(100, 90))
    )
    # ts_rank_cd's frequencies are divided by WEIGHT_SCALE, so the normalisation is too.
    assert terms.norm_constant * postgres.WEIGHT_SCALE == pytest.approx(1.2 * 0.25)
    assert terms.norm_per_token * postgres.WEIGHT_SCALE == pytest.approx(1.2 * 0.75 / 50)
    many = [Phrase((f"w{i}",)) for i in range(20)]
    counts = {(f"w{i}", False): 20 - i for i in range(20)}
    kept = postgres.bm25_terms(many, 100, 5000, counts).queries
    assert kept == tuple(f"'w{i}'" for i in range(19, 19 - postgres.MAX_SCORED_PHRASES, -1))


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (SearchDocument(kind="k", key="1", title="Freezing order"), 2 + 1),  # + kind tag
        (SearchDocument(kind="k", key="1", title="a-b c", body="d.e", is_public=False), 5 + 2),
        (
            SearchDocument(
                kind="k",
                key="1",
                title="L’État—côte d’Ivoire",
                date=datetime.date(2020, 1, 1),
                facets={"country": ["CIV", "FRA"]},
            ),
            5 + 4,  # kind, year and two countries
        ),
        (SearchDocument(kind="k", key="1", title="洗钱罪"), 3 + 1),  # bigrams and the last one
    ],
)
def test_token_count_is_fts5s_row_length(doc: SearchDocument, expected: int) -> None:
    assert postgres.token_count(IndexRow.from_document(doc)) == expected


# ---- scores, on PostgreSQL ----------------------------------------------------------------

# Fictional records. df: lighthouse 3, keeper 2 (each time after "lighthouse"), harbour 4,
# saltmarsh 2 and salt 1 (inside a saltmarsh document), the in every one; R5 is not public.
DOCS = [
    SearchDocument(
        kind="note",
        key="R1",
        title="The lighthouse keeper of the northern harbour",
        summary="A keeper accused of signalling to smugglers.",
        body="The lighthouse keeper was acquitted; the harbour master was not called.",
        date=datetime.date(2019, 3, 1),
        facets={"country": ["XAA"]},
    ),
    SearchDocument(
        kind="note",
        key="R2",
        title="Fuel theft in the harbour",
        body="Fuel was taken from boats in the harbour at night, near the lighthouse.",
    ),
    SearchDocument(
        kind="note",
        key="R3",
        title="The saltmarsh drainage case",
        summary="Salt works drained the saltmarsh without a permit.",
        body="The harbour authority and the lighthouse keeper gave evidence. L’état—côte.",
        facets={"country": ["XAA", "XAB"]},
    ),
    SearchDocument(
        kind="note",
        key="R4",
        title="Protected birds",
        body="Nests in the saltmarsh were raided and the eggs sold abroad through the harbour "
        "market, which the court described at length over several paragraphs of the "
        "judgment, with the accounts of the buyers and the sellers and of the rangers.",
    ),
    SearchDocument(
        kind="note",
        key="R5",
        title="The sealed file",
        body="Nothing here but the harbour.",
        is_public=False,
    ),
]


def fts5_bm25(phrases: list[Phrase]) -> dict[str, float]:
    """FTS5's bm25() (k1 1.2, b 0.75, weights 2/1.5/1) over DOCS, each phrase's document
    frequency counted exactly; the row length includes FTS5's tags column."""
    fields = [
        [tokens(text, index_side=True) for text in (d.title, d.summary, d.body)] for d in DOCS
    ]
    lengths = [
        sum(len(f) for f in doc_fields)
        + len(IndexRow.from_document(doc).facet_pairs)
        + (0 if doc.is_public else 1)
        for doc, doc_fields in zip(DOCS, fields, strict=True)
    ]
    average = sum(lengths) / len(DOCS)

    def hits(phrase: Phrase, words: list[str]) -> int:
        size = len(phrase.tokens)
        count = 0
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            *full, last = phrase.tokens
            if window[:-1] == list(full) and (
                window[-1].startswith(last) if phrase.prefix else window[-1] == last
            ):
                count += 1
        return count

    scores: dict[str, float] = {}
    for doc, doc_fields, length in zip(DOCS, fields, lengths, strict=True):
        score = 0.0
        matched = True
        for phrase in phrases:
            holding = sum(1 for f in fields if any(hits(phrase, words) for words in f))
            frequency = sum(
                weight * hits(phrase, words)
                for weight, words in zip((2.0, 1.5, 1.0), doc_fields, strict=True)
            )
            matched = matched and frequency > 0
            idf = max(math.log((len(DOCS) - holding + 0.5) / (holding + 0.5)), 1e-6)
            score += idf * frequency * 2.2 / (frequency + 1.2 * (0.25 + 0.75 * length / average))
        if matched:
            scores[doc.key] = score
    return scores


@pytest.fixture
def indexed(db: Any) -> None:
    bulk_index(DOCS)


@postgres_only
@pytest.mark.parametrize(
    ("query", "phrases"),
    [
        ("lighthouse", [Phrase(("lighthouse",))]),
        ("keeper", [Phrase(("keeper",))]),  # title against summary and body
        ("harbour lighthouse", [Phrase(("harbour",)), Phrase(("lighthouse",))]),
        ("the harbour", [Phrase(("the",)), Phrase(("harbour",))]),  # "the": IDF floored
        ("harbour harbour", [Phrase(("harbour",)), Phrase(("harbour",))]),
        ('"lighthouse keeper"', [Phrase(("lighthouse", "keeper"))]),
        ("salt*", [Phrase(("salt",), prefix=True)]),
        ("saltmarsh etat", [Phrase(("saltmarsh",)), Phrase(("etat",))]),
    ],
)
def test_scores_are_fts5s_bm25(indexed: None, query: str, phrases: list[Phrase]) -> None:
    expected = fts5_bm25(phrases)
    hits = search(SearchPlan(text=query, include_non_public=True, per_page=50)).hits
    assert {hit.key: hit.score for hit in hits} == pytest.approx(expected, rel=1e-9)
    newest_first = {doc.key: -i for i, doc in enumerate(DOCS)}
    assert [hit.key for hit in hits] == sorted(
        expected, key=lambda key: (-round(expected[key], 9), newest_first[key])
    )


@postgres_only
def test_or_sums_the_phrases_each_entry_holds(indexed: None) -> None:
    each = {word: fts5_bm25([Phrase((word,))]) for word in ("keeper", "saltmarsh")}  # R3 holds both
    hits = search(SearchPlan(text="keeper OR saltmarsh", per_page=50)).hits
    expected = {
        key: each["keeper"].get(key, 0.0) + each["saltmarsh"].get(key, 0.0)
        for key in {*each["keeper"], *each["saltmarsh"]}
    }
    assert {hit.key: hit.score for hit in hits} == pytest.approx(expected, rel=1e-9)


@postgres_only
def test_past_the_window_the_others_follow_newest_first(
    indexed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "RANK_LIMIT", 2)
    results = search(SearchPlan(text="harbour", per_page=50))  # R1 to R4 (R5 is not public)
    scored = sorted(["R3", "R4"], key=lambda key: -fts5_bm25([Phrase(("harbour",))])[key])
    assert [hit.key for hit in results.hits] == [*scored, "R2", "R1"]
    assert [hit.score for hit in results.hits][2:] == [0.0, 0.0]
    assert results.ranking_approximate


# ---- statistics, on PostgreSQL -------------------------------------------------------------


def statistics() -> tuple[dict[str, int], tuple[int, int], dict[str, int]]:
    """(lexeme -> entries holding it, (entries, tokens), key -> token_count) as stored."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT term, ndoc FROM search_term WHERE ndoc <> 0")
        terms = dict(cursor.fetchall())
        cursor.execute("SELECT entries, tokens FROM search_totals")
        rows = cursor.fetchall()
        cursor.execute(
            "SELECT e.key, d.token_count FROM search_entry e"
            " JOIN search_document d ON d.entry_id = e.id"
        )
        lengths = dict(cursor.fetchall())
    return terms, (rows[0] if rows else (0, 0)), lengths


def recounted() -> tuple[dict[str, int], tuple[int, int], dict[str, int]]:
    """The same, counted from the entries as they are."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, ndoc FROM ts_stat('SELECT document FROM search_document')")
        terms = dict(cursor.fetchall())
        cursor.execute("SELECT title, summary, body, is_public, key, kind, id FROM search_entry")
        entries = cursor.fetchall()
        cursor.execute("SELECT entry_id, count(*) FROM search_facet GROUP BY entry_id")
        facets = Counter(dict(cursor.fetchall()))
    lengths = {
        key: sum(len(tokens(text, index_side=True)) for text in (title, summary, body))
        + facets[entry_id]
        + (0 if public else 1)
        for title, summary, body, public, key, _kind, entry_id in entries
    }
    return terms, (len(entries), sum(lengths.values())), lengths


def lose_totals_row_then(write: Callable[[], Any]) -> Callable[[], Any]:
    """A write after search_totals lost its row (it is then counted again)."""

    def step() -> Any:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_totals")
        return write()

    return step


STEPS: list[tuple[str, Callable[[], Any]]] = [
    ("one document", lambda: index_document(DOCS[0])),
    ("a batch", lambda: bulk_index(DOCS)),
    (
        "a document replaced by other words",
        lambda: index_document(
            SearchDocument(kind="note", key="R2", title="Diesel stolen", body="Boats, diesel.")
        ),
    ),
    ("a document removed", lambda: remove_document("note", "R3")),
    ("the same batch again", lambda: bulk_index(DOCS)),
    ("a kind cleared", lambda: clear_kind("note")),
    ("a batch, the totals row lost", lose_totals_row_then(lambda: bulk_index(DOCS))),
    ("a removal, the totals row lost", lose_totals_row_then(lambda: clear_kind("note"))),
]


@postgres_only
@pytest.mark.django_db
def test_statistics_follow_every_write() -> None:
    for label, step in STEPS:
        step()
        assert statistics() == recounted(), label


@postgres_only
def test_truncating_the_entries_zeroes_the_statistics(indexed: None) -> None:
    """Django's flush truncates search_entry between transactional tests."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks left pending
        cursor.execute("TRUNCATE search_entry CASCADE")
    assert statistics() == ({}, (0, 0), {})


@pytest.fixture
def migration() -> Iterator[Any]:
    yield importlib.import_module("palermo.core.search.migrations.0008_postgres_bm25_statistics")


@pytest.fixture
def document_table() -> Iterator[Any]:
    yield importlib.import_module("palermo.core.search.migrations.0009_postgres_document_table")


@postgres_only
def test_the_migration_counts_existing_entries_as_the_writes_do(
    indexed: None, migration: Any, document_table: Any
) -> None:
    kept = statistics()
    with connection.cursor() as cursor:
        for statement in document_table.BACKWARD:  # the tables as migration 0008 found them
            cursor.execute(statement)
        cursor.execute("UPDATE search_entry SET token_count = 0")
        cursor.execute("UPDATE search_term SET ndoc = 0")
        cursor.execute("DELETE FROM search_totals")
        migration.count_tokens(cursor)
        for statement in migration.FILL:
            cursor.execute(statement)
        for statement in document_table.FORWARD:
            cursor.execute(statement)
    assert statistics() == kept


@postgres_only
def test_short_words_and_numbers_are_counted_but_not_offered_as_spellings(db: Any) -> None:
    index_document(SearchDocument(kind="note", key="1", title="An extradition request, 2019"))
    backend = postgres.PostgresBackend()
    with connection.cursor() as cursor:
        # (Words of entries flushed by transactional tests may remain, with no entries.)
        cursor.execute("SELECT term, ndoc, spelling FROM search_term WHERE ndoc > 0 ORDER BY 1")
        assert cursor.fetchall() == [
            ("2019", 1, False),
            ("an", 1, False),
            ("extradition", 1, True),
            ("request", 1, True),
        ]
        assert "an" not in backend.vocabulary_candidates(cursor, "ans")
        assert "extradition" in backend.vocabulary_candidates(cursor, "extradtion")
