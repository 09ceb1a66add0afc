"""Server time of the case list and dashboard pages with 100,000 cases.

    uv run python benchmarks/cases_pages.py            # SQLite in a throwaway directory
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/palermo_cases_bench \
        uv run python benchmarks/cases_pages.py        # a PostgreSQL database it may overwrite

Prints the median and worst of several runs for each page, with the number of queries: the
dashboard with its kept statistics (what every view reads once they exist, also right after a
change) and with none kept yet (computed once, in the request), then the time the background
refresh takes. Figures go in docs/performance.md, "Case tracking".
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

CASES = int(os.environ.get("CASES", "100000"))
RUNS = 7

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_tmp = tempfile.mkdtemp(prefix="palermo-bench-")
os.environ.setdefault("PALERMO_DATA_DIR", _tmp)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "palermo.test_settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

settings.ALLOWED_HOSTS = ["testserver"]
# Pages link their CSS through the plain storage: no collectstatic manifest is needed here.
_plain_static = override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
)


def build() -> tuple[object, object]:
    from palermo.accounts.models import Membership, Organisation, User
    from palermo.accounts.tests.factories import give_totp
    from palermo.cases.models import Case, CaseMeasure
    from palermo.cases.workflow import FINISHED_STATES
    from palermo.reference.models import Country

    call_command("migrate", verbosity=0)
    existing = User.objects.filter(email__in=["sup@bench.test", "cw@bench.test"]).order_by("email")
    if len(existing) == 2 and Case.objects.count() >= CASES:  # a kept database (PALERMO_DATA_DIR)
        return existing[1], existing[0]
    countries = []
    for index in range(60):
        code = f"{chr(65 + index // 26)}{chr(65 + index % 26)}"
        countries.append(
            Country.objects.create(
                iso2=code, iso3=f"Q{code}", numeric=f"{100 + index}", name=f"State {code}"
            )
        )
    home = countries[0]
    authority = Organisation.objects.create(name="Benchmark authority", country=home)
    supervisor = User.objects.create_user("sup@bench.test", "x" * 16)
    caseworker = User.objects.create_user("cw@bench.test", "x" * 16)
    Membership.objects.create(user=supervisor, organisation=authority, role="supervisor")
    Membership.objects.create(user=caseworker, organisation=authority, role="caseworker")
    give_totp(supervisor)
    give_totp(caseworker)
    rng = random.Random(1)
    today = date.today()
    states_in = [
        "received",
        "registered",
        "completeness_check",
        "in_execution",
        "executed",
        "closed",
        "refused",
    ]
    batch: list[Case] = []
    for number in range(CASES):
        start = today - timedelta(days=rng.randint(1, 1100))
        state = rng.choice(states_in)
        finished = state in FINISHED_STATES
        executed = (
            start + timedelta(days=rng.randint(20, 400))
            if state in ("executed", "closed")
            else None
        )
        batch.append(
            Case(
                organisation=authority,
                direction="incoming",
                our_reference=f"B-{number:06d}",
                title=f"Benchmark request {number}",
                counterpart_state=rng.choice(countries[1:]),
                received_on=start,
                state=state,
                is_open=not finished,
                assigned_to=caseworker if rng.random() < 0.3 else None,
                executed_on=executed,
                days_to_execution=(executed - start).days if executed else None,
                finished_on=executed if finished else None,
                refusal_ground="dual_criminality" if state == "refused" else "",
                next_due_on=None if finished else start + timedelta(days=rng.randint(5, 200)),
                next_due_kind="" if finished else "execution",
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)
    codes = ["bank_records", "taking_evidence", "freezing", "search_seizure"]
    ids = list(Case.objects.values_list("pk", flat=True))
    CaseMeasure.objects.bulk_create(
        [CaseMeasure(case_id=pk, code=codes[pk % 4]) for pk in ids], batch_size=5000
    )
    return supervisor, caseworker


def timed(client: Client, url: str, cold: bool) -> tuple[float, int, int]:
    from palermo.cases.models import CaseStatistics

    if cold:
        cache.clear()
        CaseStatistics.objects.all().delete()  # as before the very first computation
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        took = (time.perf_counter() - started) * 1000
    return took, len(queries), response.status_code


def main() -> None:
    started = time.perf_counter()
    supervisor, caseworker = build()
    from palermo.cases.maintenance import refresh_planner_statistics
    from palermo.cases.statistics import refresh_statistics

    refresh_planner_statistics()  # as `palermo case-reminders` does every day
    print(f"{CASES} cases on {connection.vendor} built in {time.perf_counter() - started:.0f} s")
    for who, user in (("supervisor", supervisor), ("caseworker", caseworker)):
        client = Client()
        client.force_login(user)
        for name, url, cold in (
            ("list", "/en/cases/", False),
            ("list, overdue", "/en/cases/?due=overdue", False),
            ("dashboard, none kept", "/en/cases/dashboard/", True),
            ("dashboard, kept", "/en/cases/dashboard/", False),
        ):
            timed(client, url, cold)  # warm the code paths
            runs = [timed(client, url, cold) for _ in range(RUNS)]
            times = [r[0] for r in runs]
            assert all(r[2] == 200 for r in runs), runs
            print(flush=True, end="")
            print(
                f"{who:10} {name:20} median {statistics.median(times):6.1f} ms  "
                f"worst {max(times):6.1f} ms  queries {runs[0][1]}"
            )
    from palermo.accounts.models import Organisation

    authority_id = Organisation.objects.get(name="Benchmark authority").pk
    refresh_times = []
    for _run in range(RUNS):
        began = time.perf_counter()
        refresh_statistics(authority_id, date.today())
        refresh_times.append((time.perf_counter() - began) * 1000)
    print(
        f"background refresh of the statistics  median {statistics.median(refresh_times):6.1f} ms"
        f"  worst {max(refresh_times):6.1f} ms"
    )
    reset_queries()


if __name__ == "__main__":
    with _plain_static:
        main()
