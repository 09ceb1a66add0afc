"""The in-memory facet index (palermo/core/search/columns.py): build time, memory, refresh time.

    uv run python benchmarks/facet_index.py --database sqlite:////tmp/palermo-search-100k.sqlite3
    uv run python benchmarks/facet_index.py \
        --database postgresql://postgres@127.0.0.1:5432/palermo_search_bench_100k

Over a database filled by generate_records.py: builds the index from the tables three times
(what the first search of a new process pays), prints its size in memory, then times the
refresh after one record is re-indexed, as the next search after an edit pays it. The edited
records are removed at the end, so the database is left with the same records.
"""

from __future__ import annotations

import argparse
import statistics
import time

from search_setup import use_database


def megabytes(index: object) -> float:
    from palermo.core.search.columns import FacetIndex

    assert isinstance(index, FacetIndex)
    arrays = [index.ids, index.alive, index.public, index.year, index.day]
    if index.slots is not None:
        arrays.append(index.slots)
    for column in index.columns.values():
        arrays.extend([column.rows, column.offsets])
    return sum(array.nbytes for array in arrays) / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    args = parser.parse_args()
    use_database(args.database)

    from django.db import connection

    from palermo.core.search import SearchDocument, columns, index_document, remove_document
    from palermo.core.search.engine import facet_index, get_backend

    backend = get_backend()
    builds = []
    with connection.cursor() as cursor:
        for _ in range(3):
            columns.forget()
            started = time.perf_counter()
            index = facet_index(cursor, backend)
            builds.append((time.perf_counter() - started) * 1000)
        pairs = sum(len(column.rows) for column in index.columns.values())
        print(f"{connection.vendor}: {index.size:,} entries, {pairs:,} facet values")
        print(
            f"  build: median {statistics.median(builds):.0f} ms (runs: "
            + ", ".join(f"{ms:.0f}" for ms in builds)
            + ")"
        )
        print(f"  memory: {megabytes(index):.1f} MB")
        refreshes = []
        for n in range(6):
            # A committed edit, as a focal point's save would be; removed again at the end.
            index_document(
                SearchDocument(
                    kind="caselaw",
                    key=f"benchmark-edit-{n % 2}",
                    title="Edited judgment",
                    facets={"country": ["ITA"], "crime_type": ["corruption"]},
                )
            )
            started = time.perf_counter()
            facet_index(cursor, backend)
            refreshes.append((time.perf_counter() - started) * 1000)
        for n in range(2):
            remove_document("caselaw", f"benchmark-edit-{n}")
        # The first refresh follows the build, whose generation the history may not reach.
        later = refreshes[1:]
        print(
            f"  refresh after one edit: median {statistics.median(later):.1f} ms"
            f" (max {max(later):.1f}; first after the build {refreshes[0]:.0f} ms)"
        )


if __name__ == "__main__":
    main()
