"""Search latency with every facet counted, over a database filled by generate_records.py.

    uv run python benchmarks/search_latency.py --database sqlite:////tmp/palermo-search-100k.sqlite3
    uv run python benchmarks/search_latency.py \
        --database postgresql://postgres@127.0.0.1:5432/palermo_search_bench_100k [--drop]

Runs a fixed mix of realistic searches (words common and rare, phrases, prefixes, six
languages, OR/NOT, filters with and without text, the empty landing search, misspellings that
find nothing) several times each, and prints p50/p95/max in milliseconds (wall clock, and the
CPU time of this process, which on a shared machine is the steadier figure for SQLite), the
slowest searches, the load average, and the database size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

from search_setup import database_size, drop_postgres_database, use_database

FACETS = [
    "kind",
    "type",
    "country",
    "regional_group",
    "crime_type",
    "cross_cutting_issue",
    "article",
    "court",
    "language",
    "year",
]


def query_mix(top_country: str, second_country: str) -> list[dict[str, Any]]:
    return [
        {"text": ""},
        {"text": "", "sort": "date_desc", "page": 3},
        {"text": "court"},
        {"text": "money laundering"},
        {"text": '"mutual legal assistance"'},
        {"text": "extradition request"},
        {"text": "launder*"},
        {"text": "cocaine vessel Okafor"},
        {"text": "cocaine OR heroin"},
        {"text": "vessel -migrants"},
        {"text": "blanchiment argent"},
        {"text": "lavado de dinero", "sort": "date_desc"},
        {"text": "غسل الأموال"},
        {"text": "洗钱"},
        {"text": "отмывание денег"},
        {"text": "", "filters": {"country": [top_country]}},
        {"text": "", "filters": {"crime_type": ["trafficking-in-persons"]}, "kinds": ["caselaw"]},
        {"text": "", "filters": {"regional_group": ["weog"], "article": ["UNTOC-18"]}},
        {"text": "money", "filters": {"country": [top_country, second_country]}},
        {"text": "court", "filters": {"regional_group": ["african"]}, "year_from": 2010},
        {
            "text": "witness",
            "filters": {"crime_type": ["money-laundering", "corruption"]},
            "year_from": 2000,
            "year_to": 2015,
        },
        {"text": "", "year_from": 2020, "sort": "date_asc"},
        {"text": "laundring"},
        {"text": "extradtion request"},
    ]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--rounds", type=int, default=5, help="times each search runs")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL database after")
    args = parser.parse_args()
    use_database(args.database)

    from django.db import connection

    from palermo.core.search import SearchPlan, search

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT value FROM search_facet WHERE facet = 'country' GROUP BY value"
            " ORDER BY COUNT(*) DESC LIMIT 2"
        )
        top, second = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT COUNT(*) FROM search_entry")
        size = cursor.fetchone()[0]
    mix = query_mix(top, second)
    for query in mix:  # warm the caches once, as a running server would be
        search(SearchPlan(facets=FACETS, **query))
    wall: list[float] = []
    cpu: list[float] = []
    per_query: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    for _round in range(args.rounds):
        for query in mix:
            started, cpu_started = time.perf_counter(), time.process_time()
            results = search(SearchPlan(facets=FACETS, **query))
            elapsed = (time.perf_counter() - started) * 1000
            wall.append(elapsed)
            cpu.append((time.process_time() - cpu_started) * 1000)
            label = repr({k: v for k, v in query.items() if v})
            per_query.setdefault(label, []).append(elapsed)
            totals[label] = results.total
    print(f"{connection.vendor}, {size:,} records, {len(wall)} searches with {len(FACETS)} facets")
    print(
        f"  wall ms: p50 {percentile(wall, 0.5):.1f}  p95 {percentile(wall, 0.95):.1f}"
        f"  max {max(wall):.1f}  mean {statistics.mean(wall):.1f}"
    )
    print(
        f"  cpu ms (this process): p50 {percentile(cpu, 0.5):.1f}"
        f"  p95 {percentile(cpu, 0.95):.1f}  max {max(cpu):.1f}"
    )
    print("  slowest searches (median wall ms, matches):")
    slowest = sorted(per_query.items(), key=lambda item: -statistics.median(item[1]))[:6]
    for label, times in slowest:
        print(f"    {statistics.median(times):7.1f}  {totals[label]:>8,}  {label}")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f} (2 cores)")
    print("  size: " + ", ".join(f"{name} {value:,.0f}" for name, value in database_size().items()))
    if args.drop and connection.vendor == "postgresql":
        drop_postgres_database(args.database)
        print("  database dropped")


if __name__ == "__main__":
    main()
