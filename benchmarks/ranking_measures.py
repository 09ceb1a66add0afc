"""Scoring and comparing rankings for benchmarks/ranking_baseline.py.

The baseline is rank_bm25's BM25Okapi; `bm25_like` recomputes FTS5's bm25() (the formula behind
our SQLite ranking) with any field weights, to tell which part of a difference the weights make.
Measures compare our top 10 with a reference ranking: overlap@10, tie-aware, and NDCG@10 with
the reference's scores as graded relevance.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rank_bm25 import BM25Okapi
from ranking_corpus import Document

TOP = 10
FTS5_WEIGHTS = (2.0, 1.5, 1.0)  # palermo/core/search/backends/sqlite.py


@dataclass(frozen=True)
class Query:
    text: str
    kind: str


@dataclass
class Stats:
    """Per document: token counts per field (title, summary, body) and in all."""

    fields: list[tuple[Counter[str], Counter[str], Counter[str]]]
    totals: list[Counter[str]] = field(default_factory=list)
    lengths: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def __post_init__(self) -> None:
        self.totals = [title + summary + body for title, summary, body in self.fields]
        self.lengths = np.array([sum(c.values()) for c in self.totals], dtype=float)

    def holding(self, words: Sequence[str]) -> np.ndarray:
        return np.array([all(w in counts for w in words) for counts in self.totals])

    def frequencies(self, word: str, weights: Sequence[float]) -> np.ndarray:
        return np.array(
            [sum(w * c[word] for w, c in zip(weights, doc, strict=True)) for doc in self.fields]
        )


def document_stats(docs: Sequence[Document]) -> Stats:
    from palermo.core.search.normalise import tokens

    def counts(text: str) -> Counter[str]:
        return Counter(tokens(text, index_side=True))

    return Stats([(counts(d.title), counts(d.summary), counts(d.fields()[2])) for d in docs])


def bm25_like(
    stats: Stats, words: Sequence[str], weights: Sequence[float], k1: float = 1.2, b: float = 0.75
) -> np.ndarray:
    """FTS5's bm25(): weighted term frequency, IDF floored at 1e-6, whole-row length."""
    count = len(stats.fields)
    norm = k1 * (1 - b + b * stats.lengths / stats.lengths.mean())
    scores = np.zeros(count)
    for word in words:
        df = sum(1 for counts in stats.totals if word in counts)
        idf = math.log((count - df + 0.5) / (df + 0.5)) if df else 0.0
        tf = stats.frequencies(word, weights)
        scores += max(idf, 1e-6) * tf * (k1 + 1) / (tf + norm)
    return scores


def ranked(scores: np.ndarray, allowed: np.ndarray | None = None) -> list[int]:
    """Documents with a positive score, best first (ties by corpus order)."""
    keep = scores > 0 if allowed is None else (scores > 0) & allowed
    order = np.lexsort((np.arange(len(scores)), -scores))
    return [int(i) for i in order if keep[i]]


# ---- measures -----------------------------------------------------------------------------


def overlap_at(ours: Sequence[int], gains: np.ndarray, reference: Sequence[int]) -> float | None:
    """Share of the reference's top 10 that ours also has; tie-aware: one of ours counts when
    its gain reaches the reference's 10th, so equal scores cut at rank 10 do not matter."""
    if not reference:
        return None
    depth = min(TOP, len(reference))
    cutoff = gains[reference[depth - 1]] * (1 - 1e-9)
    hits = sum(1 for doc in ours[:TOP] if gains[doc] > 0 and gains[doc] >= cutoff)
    return min(1.0, hits / depth)


def ndcg_at(ours: Sequence[int], gains: np.ndarray, reference: Sequence[int]) -> float | None:
    """NDCG@10 of our order with the reference's scores as graded relevance."""
    ideal = sum(gains[d] / math.log2(i + 2) for i, d in enumerate(reference[:TOP]))
    if ideal <= 0:
        return None
    return float(sum(gains[d] / math.log2(i + 2) for i, d in enumerate(ours[:TOP])) / ideal)


# ---- comparing ----------------------------------------------------------------------------


@dataclass
class Row:
    query: Query
    total: int
    and_count: int
    measures: dict[str, float | None]
    reasons: list[str] = field(default_factory=list)
    or_reasons: list[str] = field(default_factory=list)


def compare(
    query: Query, ours: list[int], total: int, bm25: BM25Okapi, stats: Stats, vendor: str
) -> Row:
    from palermo.core.search.normalise import tokens

    words = tokens(query.text)
    plain = np.asarray(bm25.get_scores(words), dtype=float)
    holding = stats.holding(words)
    and_gains = np.where(holding, plain, 0.0)
    plain_and, plain_or = ranked(plain, holding), ranked(plain)
    unweighted = bm25_like(stats, words, (1.0, 1.0, 1.0))
    weighted = bm25_like(stats, words, FTS5_WEIGHTS)
    measures = {
        "overlap_and": overlap_at(ours, and_gains, plain_and),
        "ndcg_and": ndcg_at(ours, and_gains, plain_and),
        "overlap_or": overlap_at(ours, plain, plain_or),
        "ndcg_or": ndcg_at(ours, plain, plain_or),
        "overlap_fts5_unweighted": overlap_at(
            ours, np.where(holding, unweighted, 0.0), ranked(unweighted, holding)
        ),
        "overlap_fts5_weighted": overlap_at(
            ours, np.where(holding, weighted, 0.0), ranked(weighted, holding)
        ),
    }
    row = Row(query, total, int(holding.sum()), measures)
    row.reasons = [
        *(formula_reasons(measures) if row.and_count > TOP else []),
        *field_reasons(words, ours, plain_and, stats),
        *length_reasons(ours, plain_and, stats),
        *common_word_reasons(words, stats),
        *(no_idf_reasons(words, stats) if vendor == "postgresql" and row.and_count > TOP else []),
    ]
    row.or_reasons = [*or_reasons(plain_or, holding), *row.reasons]
    return row


def formula_reasons(measures: dict[str, float | None]) -> list[str]:
    """Which diagnostic ranking gives our top 10 (only SQLite's ranking is reproduced)."""
    weighted = measures["overlap_fts5_weighted"] or 0.0
    unweighted = measures["overlap_fts5_unweighted"] or 0.0
    if unweighted >= 0.9:
        return [f"FTS5's formula without field weights gives our top 10 ({unweighted:.2f})"]
    if weighted >= 0.9:
        return [
            f"FTS5's formula gives our top 10 with the weights 2/1.5/1 ({weighted:.2f}), "
            f"not without them ({unweighted:.2f}): the field weights"
        ]
    return []


def field_reasons(
    words: Sequence[str], ours: Sequence[int], reference: Sequence[int], stats: Stats
) -> list[str]:
    """How many of each top 10 have a query word in the title, and in the summary."""
    reasons = []
    for position, name in ((0, "title"), (1, "summary")):
        mine = sum(1 for d in ours[:TOP] if any(stats.fields[d][position][w] for w in words))
        theirs = sum(1 for d in reference[:TOP] if any(stats.fields[d][position][w] for w in words))
        if mine != theirs:
            reasons.append(
                f"a query word in the {name}: {mine} of ours, {theirs} of the baseline's"
            )
    return reasons


def length_reasons(ours: Sequence[int], reference: Sequence[int], stats: Stats) -> list[str]:
    if not ours or not reference:
        return []
    mine = statistics.median(stats.lengths[d] for d in ours[:TOP])
    theirs = statistics.median(stats.lengths[d] for d in reference[:TOP])
    if 0.67 <= mine / theirs <= 1.5:
        return []
    return [f"median length {mine:.0f} tokens against the baseline's {theirs:.0f}"]


def common_word_reasons(words: Sequence[str], stats: Stats) -> list[str]:
    half = len(stats.totals) / 2
    common = [w for w in words if sum(1 for c in stats.totals if w in c) > half]
    if not common:
        return []
    return [f"in over half the documents (IDF floored differently): {', '.join(common)}"]


def no_idf_reasons(words: Sequence[str], stats: Stats) -> list[str]:
    """PostgreSQL's ts_rank_cd has no IDF: a common word weighs as much as a rare one."""
    frequencies = [sum(1 for c in stats.totals if w in c) for w in set(words)]
    if len(frequencies) < 2 or max(frequencies) < 10 * min(frequencies):
        return []
    return [
        f"ts_rank_cd has no IDF: words in {min(frequencies)} and {max(frequencies)} "
        "documents weigh the same"
    ]


def or_reasons(plain_or: Sequence[int], holding: np.ndarray) -> list[str]:
    lacking = sum(1 for d in plain_or[:TOP] if not holding[d])
    if not lacking:
        return []
    return [
        f"{lacking} of the OR baseline's top 10 lack a query word "
        f"(documents holding every word: {int(holding.sum())})"
    ]
