"""Server time and query count of the reference pages and API, with the real reference data.

Usage: uv run python benchmarks/reference_pages.py [--runs 30] [--database-url URL]

Builds a throwaway database (SQLite in a temporary directory unless --database-url names a
PostgreSQL database to create and drop), runs `load_reference` (and times a second, skipping
run), then requests every reference page in English, Arabic and Chinese and every reference API
list anonymously through Django's test client, printing the median and 95th percentile server
time and the number of SQL queries. Target (BRIEF §6): under 100 ms per page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PAGES = [
    "/{lang}/reference/",
    "/{lang}/reference/?q=fra&group=weog&un_member=yes",
    "/{lang}/reference/countries/AFG/",
    "/{lang}/reference/instruments/",
    "/{lang}/reference/instruments/untoc/",
    "/{lang}/reference/crime-types/",
]
API = [
    "/api/v1/reference/countries?limit=500",
    "/api/v1/reference/countries/AFG?lang=ar",
    "/api/v1/reference/instruments/untoc/articles?lang=zh-hans",
    "/api/v1/reference/participation?instrument=untoc",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="palermo-bench-reference-")
    os.environ.update(
        {
            "PALERMO_DATA_DIR": scratch,
            "PALERMO_DEBUG": "false",
            "SECRET_KEY": "benchmark-only-" + "x" * 60,
            "ALLOWED_HOSTS": "testserver",
            "PALERMO_TLS": "false",
            "DJANGO_SETTINGS_MODULE": "palermo.settings",
        }
    )
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation.create_test_db(verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    try:
        for label in ("first", "second"):
            started = time.perf_counter()
            call_command("load_reference", stdout=open(os.devnull, "w"))  # noqa: SIM115
            print(
                f"load_reference, {label} run: {time.perf_counter() - started:.2f} s "
                f"({connection.vendor}, {test_name})"
            )
        print(f"{'page':64} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        urls = [page.format(lang=lang) for page in PAGES for lang in ("en", "ar", "zh-hans")]
        for url in [*urls, *API]:
            client = Client()
            client.get(url)  # warm the template and translation caches
            timings, queries, status = [], 0, 0
            for _ in range(args.runs):
                with CaptureQueriesContext(connection) as captured:
                    begin = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - begin) * 1000)
                status, queries = response.status_code, len(captured.captured_queries)
            timings.sort()
            p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
            print(
                f"{url:64} {status:>6} {statistics.median(timings):>8.1f} {p95:>8.1f} {queries:>8}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
