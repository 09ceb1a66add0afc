"""Our ranking against a plain BM25 baseline, over real legal prose nobody on the team wrote.

    uv run python benchmarks/ranking_baseline.py --database sqlite:////tmp/rank/rank.sqlite3
    uv run python benchmarks/ranking_baseline.py --drop \
        --database postgresql://postgres@127.0.0.1:5432/palermo_rank_bench

Issue #3 says the ranking will be checked by importing real case law through
`palermo import caselaw`, searching it through the API and comparing with a plain BM25 baseline
over the same texts. This does that first, with the legal texts this machine already has: the
licences in /usr/share/common-licenses and the copyright files in /usr/share/doc/*/copyright,
read at run time (never committed), split into a few thousand documents (title: package name
and first line; summary: the paragraph that line opens; full text: the rest) with fictional
case-law metadata (State, year, court, crime types, articles).

1. The documents go through the real import (`import_records caselaw FILE.jsonl`) into a
   fresh database (migrated, reference data loaded; a database holding other records is
   refused, since they would change the index's statistics).
2. rank_bm25's BM25Okapi scores the same texts (title, summary, full text and court, as the
   index holds them) tokenised by palermo.core.search.normalise.tokens.
3. 60-odd queries (words of every frequency, two- and three-word queries from the texts, drawn
   with a fixed seed, and a dozen picked by hand) are asked of GET /api/v1/knowledge/search.
4. Per query: overlap@10 (tie-aware: one of our top 10 counts when its baseline score reaches
   the baseline's 10th) and NDCG@10 of our top 10 with the baseline's BM25 scores as graded
   relevance, against the baseline restricted to documents holding every query word (our
   search ANDs words: the fair comparison) and against the unrestricted OR ranking.

Two diagnostic rankings help say why the rankings differ: BM25 with FTS5's parameters (k1 1.2,
IDF floored near zero) and no field weights, and FTS5's bm25() with our weights 2/1.5/1.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from io import StringIO
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi
from ranking_corpus import COURTS, Document, build_corpus, write_jsonl
from ranking_measures import (
    FTS5_WEIGHTS,
    TOP,
    Query,
    Row,
    Stats,
    bm25_like,
    compare,
    document_stats,
    ndcg_at,
    overlap_at,
    ranked,
)
from search_setup import drop_postgres_database, use_database

SEED = 20261128
SWEEP = ((1.0, 1.0, 1.0), (2.0, 1.5, 1.0), (3.0, 2.0, 1.0), (5.0, 2.0, 1.0), FTS5_WEIGHTS)
HAND_PICKED = (
    "warranty",
    "liability",
    "distribution",
    "patent license",
    "merchantability",
    "fitness for a particular purpose",
    "source code",
    "public domain",
    "trademark",
    "indemnify",
    "sublicense",
    "copyright holders",
)
# (name, lowest, highest document frequency) of the single-word queries, six of each.
# (name, lowest, highest document frequency) of the single-word queries, six of each.
BANDS = (("rare", 2, 5), ("uncommon", 6, 30), ("common", 31, 300), ("frequent", 301, 10**9))


# ---- the database -----------------------------------------------------------------------


def prepare_database() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference", stdout=StringIO())


def import_corpus(path: Path, expected: int) -> tuple[str, float]:
    """Run `palermo import caselaw FILE`; refuse a database holding anything else."""
    from django.core.management import call_command

    from palermo.knowledge.models import RECORD_MODELS, CaseLaw

    out = StringIO()
    started = time.perf_counter()
    call_command("import_records", "caselaw", str(path), "--quiet", stdout=out, stderr=out)
    took = time.perf_counter() - started
    records = sum(model.objects.count() for model in RECORD_MODELS.values())
    if records != expected or CaseLaw.objects.count() != expected:
        raise SystemExit(
            f"The database holds {records} knowledge records, not this corpus's {expected}: "
            "use a fresh database (a new SQLite file or PostgreSQL database name)."
        )
    return out.getvalue().strip(), took


def palermo_ids() -> dict[str, str]:
    """Palermo's record id (what the API returns) → our document key."""
    from palermo.knowledge.models import CaseLaw

    return {str(pk): key for pk, key in CaseLaw.objects.values_list("pk", "external_id")}


def api_top(text: str, ids: dict[str, str], index: dict[str, int]) -> tuple[list[int], int]:
    """Our top documents for a query, through the public API, and the total."""
    from django.test import Client

    params: dict[str, str | int] = {"q": text, "per_page": TOP}
    response = Client().get("/api/v1/knowledge/search", params)
    if response.status_code != 200:
        raise SystemExit(f"GET /api/v1/knowledge/search?q={text} gave {response.status_code}")
    body = response.json()
    return [index[ids[row["id"]]] for row in body["results"]], int(body["total"])


# ---- queries ------------------------------------------------------------------------------


def eligible(word: str) -> bool:
    return word.isalpha() and len(word) >= 3


def single_words(stats: Stats, rng: random.Random) -> list[Query]:
    """Six words from each frequency band, none from the fictional court names."""
    from palermo.core.search.normalise import tokens

    fictional = set(tokens(" ".join(COURTS)))
    df = Counter(word for counts in stats.totals for word in counts if word not in fictional)
    queries = []
    for name, low, high in BANDS:
        band = sorted(w for w, n in df.items() if low <= n <= high and eligible(w))
        queries += [Query(w, f"1 word, {name}") for w in rng.sample(band, min(6, len(band)))]
    return queries


def from_texts(token_lists: list[list[str]], rng: random.Random, size: int, adjacent: bool) -> str:
    """`size` distinct eligible words of one document, next to each other or anywhere in it."""
    while True:
        words = token_lists[rng.randrange(len(token_lists))]
        if len(words) < size:
            continue
        if adjacent:
            start = rng.randrange(len(words) - size + 1)
            picked = words[start : start + size]
        else:
            picked = rng.sample(words, size)
        if all(eligible(w) for w in picked) and len(set(picked)) == size:
            return " ".join(picked)


def make_queries(docs: Sequence[Document], stats: Stats, seed: int) -> list[Query]:
    from palermo.core.search.normalise import tokens

    rng = random.Random(seed)
    token_lists = [tokens(" ".join(d.fields()[:2]) + " " + d.full_text) for d in docs]
    queries = single_words(stats, rng)
    for size, adjacent, count, kind in (
        (2, True, 10, "2 words, adjacent"),
        (2, False, 6, "2 words, same doc"),
        (3, True, 10, "3 words, adjacent"),
    ):
        queries += [Query(from_texts(token_lists, rng, size, adjacent), kind) for _ in range(count)]
    queries += [Query(text, "hand-picked") for text in HAND_PICKED]
    return list({q.text: q for q in queries}.values())


# ---- printing -----------------------------------------------------------------------------

COLUMNS = (
    ("overlap_and", "ov AND"),
    ("ndcg_and", "nDCG AND"),
    ("overlap_or", "ov OR"),
    ("ndcg_or", "nDCG OR"),
    ("overlap_fts5_unweighted", "ov 1/1/1"),
    ("overlap_fts5_weighted", "ov 2/1.5/1"),
)


LEGEND = """\
ours/AND: our total / documents holding every query word ("!" when they differ).
ov, nDCG: overlap@10 and NDCG@10 of our top 10 against rank_bm25's BM25Okapi, restricted to
  documents holding every word (AND) or not (OR); NDCG's graded relevance is the BM25 score.
ov 1/1/1, ov 2/1.5/1: overlap@10 (AND) against FTS5's bm25() formula (k1 1.2, b 0.75, IDF
  floored at 1e-6) with field weights title/summary/body 1/1/1 and 2/1.5/1.
"""


def number(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def print_table(rows: Sequence[Row]) -> None:
    print(
        f"{'query':<36} {'kind':<19} {'ours/AND':>11} " + " ".join(f"{t:>9}" for _k, t in COLUMNS)
    )
    for row in rows:
        counts = f"{row.total}/{row.and_count}" + ("" if row.total == row.and_count else "!")
        print(
            f"{row.query.text[:36]:<36} {row.query.kind:<19} {counts:>11} "
            + " ".join(f"{number(row.measures[k]):>9}" for k, _t in COLUMNS)
        )


def mean(rows: Sequence[Row], key: str) -> float | None:
    values = [v for row in rows if (v := row.measures[key]) is not None]
    return statistics.fmean(values) if values else None


def print_means(rows: Sequence[Row]) -> None:
    print(f"\n{'means':<36} {'':<19} {'':>11} " + " ".join(f"{t:>9}" for _k, t in COLUMNS))
    groups: dict[str, list[Row]] = {"all queries": list(rows)}
    for row in rows:
        groups.setdefault(row.query.kind, []).append(row)
    for name, members in groups.items():
        label = f"{name} ({len(members)})"
        print(
            f"{label:<36} {'':<19} {'':>11} "
            + " ".join(f"{number(mean(members, k)):>9}" for k, _t in COLUMNS)
        )


def print_differences(rows: Sequence[Row]) -> None:
    mismatched = [r for r in rows if r.total != r.and_count]
    print(f"\nQueries where our total differs from the AND count: {len(mismatched)}")
    for row in mismatched:
        print(
            f"  {row.query.text!r}: ours {row.total}, documents holding every word {row.and_count}"
        )
    for key, label in (("overlap_and", "the AND baseline"), ("overlap_or", "the OR baseline")):
        notable = [r for r in rows if (v := r.measures[key]) is not None and v < 0.5]
        print(f"\nOverlap@10 under 0.5 against {label}: {len(notable)} of {len(rows)} queries")
        for row in notable:
            reasons = row.reasons if key == "overlap_and" else row.or_reasons
            details = "; ".join(reasons) or "no single cause found"
            print(f"  {row.query.text!r} ({number(row.measures[key])}): {details}")


def print_weight_sweep(queries: Sequence[Query], bm25: BM25Okapi, stats: Stats) -> None:
    """What field weights cost: FTS5's formula (our SQLite ranking) against the AND baseline."""
    from palermo.core.search.normalise import tokens

    print("\nField weights, what they cost: FTS5's bm25() formula with these title/summary/body")
    print("weights, computed here (not through the API), against the AND baseline, mean of")
    print(f"{len(queries)} queries:")
    for weights in SWEEP:
        overlaps, ndcgs = [], []
        for query in queries:
            words = tokens(query.text)
            holding = stats.holding(words)
            gains = np.where(holding, np.asarray(bm25.get_scores(words), dtype=float), 0.0)
            reference = ranked(gains, holding)
            candidate = ranked(bm25_like(stats, words, weights), holding)
            overlaps.append(overlap_at(candidate, gains, reference))
            ndcgs.append(ndcg_at(candidate, gains, reference))
        label = "/".join(f"{w:g}" for w in weights)
        print(
            f"  {label:>8}: overlap@10 {statistics.fmean(v for v in overlaps if v is not None):.2f}"
            f", NDCG@10 {statistics.fmean(v for v in ndcgs if v is not None):.2f}"
        )


# ---- main ---------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> None:
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="palermo-rank-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["PALERMO_DATA_DIR"] = str(workdir / "data")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    use_database(args.database)
    from django.db import connection

    docs = build_corpus(args.documents, args.per_file, args.seed)
    path = workdir / "ranking-corpus.jsonl"
    write_jsonl(docs, path, args.seed)
    prepare_database()
    message, took = import_corpus(path, len(docs))
    stats = document_stats(docs)
    bm25 = BM25Okapi([list(counts.elements()) for counts in stats.totals])
    queries = make_queries(docs, stats, args.seed)
    print(f"Database: {connection.vendor}, {args.database}")
    print(
        f"Corpus: {len(docs)} documents from {len({d.source for d in docs})} files, "
        f"{int(stats.lengths.sum()):,} tokens (median {statistics.median(stats.lengths):.0f} "
        f"a document), written to {path}"
    )
    print(f"Import: {message} ({took:.1f} s wall)")
    print(f"Queries: {len(queries)} (seed {args.seed})\n")
    print(LEGEND)
    ids, index = palermo_ids(), {d.key: i for i, d in enumerate(docs)}
    rows = []
    for query in queries:
        ours, total = api_top(query.text, ids, index)
        rows.append(compare(query, ours, total, bm25, stats, connection.vendor))
    print_table(rows)
    print_means(rows)
    print_differences(rows)
    print_weight_sweep(queries, bm25, stats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="sqlite:////path or postgresql://...")
    parser.add_argument("--documents", type=int, default=3000, help="corpus size (at most)")
    parser.add_argument("--per-file", type=int, default=60, help="documents from one file, at most")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--workdir", default="", help="where the JSON Lines file is written")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL database after")
    args = parser.parse_args()
    try:
        run(args)
    finally:
        if args.drop and args.database.startswith("postgres"):
            drop_postgres_database(args.database)


if __name__ == "__main__":
    main()
