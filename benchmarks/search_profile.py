"""Where a search's time goes: CPU ms per stage of the engine for each search of the latency mix.

    uv run python benchmarks/search_profile.py --database sqlite:////tmp/palermo-search-100k.sqlite3

Wraps the engine's stage functions (facet index, matching, facet counting, ranked page, hits
and snippets, relaxations, "did you mean")
with timers and runs each search of benchmarks/search_latency.py once warm. On SQLite the CPU
time of this process is the database's time too; on PostgreSQL it is only the client's share.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from search_setup import use_database

STAGES = [
    "facet_index",
    "text_mask",
    "count_facets",
    "fetch_page",
    "load_hits",
    "relax",
    "suggest_spelling",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    args = parser.parse_args()
    use_database(args.database)

    from django.db import connection
    from search_latency import FACETS, query_mix

    from palermo.core.search import SearchPlan, engine

    spent: dict[str, float] = {}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*positional: Any, **named: Any) -> Any:
            started = time.process_time()
            try:
                return function(*positional, **named)
            finally:
                spent[name] = spent.get(name, 0.0) + (time.process_time() - started) * 1000

        return wrapper

    # Nested stages (load_hits inside fetch_page) count in both; the total is measured apart.
    for name in STAGES:
        setattr(engine, name, timed(name, getattr(engine, name)))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT value FROM search_facet WHERE facet = 'country' GROUP BY value"
            " ORDER BY COUNT(*) DESC LIMIT 2"
        )
        top, second = [row[0] for row in cursor.fetchall()]
    print(f"{'cpu ms':>7} {'matches':>8} windowed  stages (cpu ms)  search")
    for query in query_mix(top, second):
        engine.search(SearchPlan(facets=FACETS, **query))  # warm
        spent.clear()
        started = time.process_time()
        results = engine.search(SearchPlan(facets=FACETS, **query))
        total = (time.process_time() - started) * 1000
        stages = " ".join(f"{name}={ms:.0f}" for name, ms in spent.items() if ms >= 0.5)
        label = {key: value for key, value in query.items() if value}
        flag = results.ranking_approximate
        print(f"{total:7.1f} {results.total:8,} {flag!s:8}  {stages}  {label}")


if __name__ == "__main__":
    main()
