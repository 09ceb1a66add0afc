"""Server time and query count of Palermo's main pages, on a demo database.

Usage: uv run python benchmarks/pages.py [--runs 30] [--database-url URL]

Builds a throwaway database (SQLite in a temporary directory unless --database-url names a
PostgreSQL database to create and drop), loads reference and demo data, then requests each page
through Django's test client as the persona that would see it, and prints the median and 95th
percentile server time and the number of SQL queries. Target (BRIEF §6): under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PAGES: list[tuple[str, str | None]] = [
    ("/en/", None),
    ("/ar/", None),
    ("/en/reference/", None),
    ("/en/reference/countries/ITA/", None),
    ("/en/knowledge/", None),
    ("/en/knowledge/?q=trafficking", None),
    ("/en/directory/", None),
    ("/en/directory/route/?requested_state=ITA&request_type=mla", "practitioner@demo.palermo.test"),
    ("/en/writer/", "alice@demo.palermo.test"),
    ("/en/cases/", "alice@demo.palermo.test"),
    ("/en/review/", "fiona@demo.palermo.test"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="palermo-bench-")
    os.environ.update(
        {
            "PALERMO_DATA_DIR": scratch,
            "PALERMO_DEMO": "true",
            "PALERMO_DEBUG": "false",
            "SECRET_KEY": "benchmark-only-" + "x" * 60,
            "ALLOWED_HOSTS": "testserver",
            "PALERMO_TLS": "false",
            "PALERMO_TASKS_IMMEDIATE": "true",
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

    from palermo.accounts.models import User

    setup_test_environment()
    started = time.perf_counter()
    call_command("up", no_serve=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(
        f"prepared the demo database in {time.perf_counter() - started:.1f} s ({connection.vendor})"
    )
    print(f"{'page':64} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for url, email in PAGES:
        client = Client()
        if email:
            client.force_login(User.objects.get(email=email))
        timings = []
        status = 0
        queries = 0
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as captured:
                begin = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - begin) * 1000)
            status = response.status_code
            queries = len(captured.captured_queries)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(
            f"{url[:64]:64} {status:>6} {statistics.median(timings):>8.1f} {p95:>8.1f} {queries:>8}"
        )


if __name__ == "__main__":
    main()
