"""Fill a throwaway database with synthetic knowledge-base records through bulk_index.

    uv run python benchmarks/generate_records.py --size 100000 \
        --database sqlite:////tmp/palermo-search-100k.sqlite3
    uv run python benchmarks/generate_records.py --size 100000 \
        --database postgresql://postgres@127.0.0.1:5432/palermo_search_bench_100k

The database is migrated first; an existing index of the same size is replaced (upsert by key).
Prints the indexing rate and the database size. Records: benchmarks/search_corpus.py (fixed seed).
"""

from __future__ import annotations

import argparse
import itertools
import time

from search_setup import database_size, use_database

CHUNK = 10_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="number of records, e.g. 100000")
    parser.add_argument("--database", required=True, help="sqlite:////path or postgresql://...")
    args = parser.parse_args()
    use_database(args.database)

    from django.core.management import call_command
    from django.db import connection
    from search_corpus import generate

    from palermo.core.search import bulk_index

    call_command("migrate", verbosity=0)
    documents = generate(args.size)
    written = 0
    started = time.perf_counter()
    while chunk := list(itertools.islice(documents, CHUNK)):
        written += bulk_index(chunk)
        elapsed = time.perf_counter() - started
        print(f"  {written:>9,} records  {written / elapsed:,.0f}/s", flush=True)
    seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_entry")
            cursor.execute("VACUUM ANALYZE search_facet")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    sizes = database_size()
    print(
        f"{connection.vendor}: {written:,} records in {seconds:.0f} s ({written / seconds:,.0f}/s);"
        + "".join(f" {name} {value:,.0f}" for name, value in sizes.items())
    )


if __name__ == "__main__":
    main()
