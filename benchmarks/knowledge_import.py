"""Import speed of `palermo import caselaw`: synthetic case-law lines into a fresh database.

    uv run python benchmarks/knowledge_import.py                  # SQLite, 10,000 lines
    uv run python benchmarks/knowledge_import.py --records 50000
    uv run python benchmarks/knowledge_import.py --postgres postgresql://postgres@127.0.0.1:5432/palermo_kb_bench

Builds a throw-away database (a temporary SQLite file, or the named PostgreSQL database, dropped
and created again), migrates it, loads the reference data, writes a JSON Lines file of synthetic
cases with the fields of docs/data-formats.md, imports it three times (create; the same file
again, which writes nothing; a file where every line changed, which replaces every record) and
prints records per second for each run, with the share of it spent in the search index's
`bulk_index` (which the import calls once per thousand records).
Wall-clock time is the figure that counts; the process's own CPU time is printed beside it
because this machine is shared and other work slows the wall clock, and so is the load average
before and after. Django runs with production settings (no DEBUG query log), as `palermo import`
does. Target: 2,000 records/s or more.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WORDS = [
    "network",
    "recruited",
    "workers",
    "border",
    "customs",
    "container",
    "cocaine",
    "proceeds",
    "laundered",
    "shell",
    "company",
    "bribes",
    "vessel",
    "harbour",
    "prosecutor",
    "appeal",
    "sentence",
    "confiscation",
    "evidence",
    "witness",
    "extradited",
    "assistance",
    "request",
    "freezing",
    "account",
    "transfer",
    "smuggled",
    "migrants",
    "forged",
    "permits",
    "timber",
    "firearms",
    "ammunition",
    "ransomware",
    "hospital",
    "virtual",
    "assets",
    "exchange",
]
CRIMES = [
    "trafficking-in-persons",
    "Money laundering",
    "drug-offences",
    "cybercrime",
    "Corruption",
    "smuggling-of-migrants",
    "trafficking-in-firearms",
]
ISSUES = [
    "mutual-legal-assistance",
    "Extradition",
    "confiscation-asset-recovery",
    "joint-investigations",
]
STATES = [
    "FRA",
    "Italy",
    "BRA",
    "Nigeria",
    "KEN",
    "ESP",
    "Mexico",
    "CHN",
    "RUS",
    "EGY",
    "IND",
    "USA",
]


def synthetic_lines(
    path: Path, count: int, seed: int = 7, edition: str = "", words: tuple[int, int] = (150, 400)
) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            body = (
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(*words))) if words[1] else ""
            )
            line = {
                "id": f"bench-{i:07d}",
                "source_url": f"https://courts.example.org/bench/{i}",
                "title": f"Prosecutor v. Bench {i} (synthetic){edition}",
                "country": rng.choice(STATES),
                "year" if i % 2 else "decision_date": str(rng.randint(1995, 2025))
                if i % 2
                else f"{rng.randint(1995, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "court": rng.choice(["High Court", "Court of Appeal", "Supreme Court"]),
                "crime_types": rng.sample(CRIMES, 2),
                "untoc_articles": rng.sample(["5", "6", "16", "18", "UNTOC-13"], 2),
                "cross_cutting_issues": rng.sample(ISSUES, 1),
                "language": rng.choice(["en", "fr", "es"]),
                "summary": " ".join(rng.choice(WORDS) for _ in range(60)),
                "full_text": body,
                "defendants": [{"name": f"D{i}", "outcome": "convicted", "sentence": "five years"}],
            }
            handle.write(json.dumps(line) + "\n")


def load_average() -> str:
    """1, 5 and 15-minute load: this machine is shared, so say how busy it was."""
    return " / ".join(f"{load:.2f}" for load in os.getloadavg())


class Stopwatch:
    """Wall-clock and CPU seconds spent in one function, to tell its share of a run."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.wall = self.cpu = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.wall += time.perf_counter() - started
            self.cpu += time.process_time() - cpu


# The import's steps, timed with --steps (the import looks each one up by name when it calls
# it, so replacing the module attribute measures it). _write_history runs inside _insert_records.
STEPS = {
    "palermo.knowledge.importing.loader": ["parse_rows"],
    "palermo.knowledge.importing.writing": [
        "_existing",
        "_digest",
        "_record_values",
        "_remove_records",
        "_insert_records",
        "_write_history",
        "_write_links",
        "_write_children",
        "_document",
    ],
}


def watch(steps: bool) -> dict[str, Stopwatch]:
    """Stopwatches on the search index's bulk_index and, with `steps`, on each import step."""
    targets = [("palermo.core.search", "bulk_index")]
    if steps:
        targets += [(module, name) for module, names in STEPS.items() for name in names]
    watches = {}
    for module_name, name in targets:
        module = importlib.import_module(module_name)
        function = getattr(module, name)
        watches[name] = Stopwatch(getattr(function, "function", function))
        setattr(module, name, watches[name])
    return watches


def run_import(label: str, source: Path, steps: bool) -> None:
    from palermo.knowledge.importing.loader import import_file

    watches = watch(steps)
    started, cpu = time.perf_counter(), time.process_time()
    report = import_file("caselaw", source, progress=None)
    took, cpu_took = time.perf_counter() - started, time.process_time() - cpu
    assert report.ok, report.errors[:5]
    done = report.created + report.updated + report.unchanged
    index = watches["bulk_index"]
    print(
        f"{label}: {done} lines in {took:.2f} s = {done / took:,.0f} records/s "
        f"(this process's CPU: {cpu_took:.2f} s = {done / cpu_took:,.0f} records/s; "
        f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged); "
        f"of which the search index's bulk_index {index.wall:.2f} s "
        f"({index.wall / took:.0%}), CPU {index.cpu:.2f} s ({index.cpu / cpu_took:.0%})"
    )
    for name, stopwatch in watches.items() if steps else ():
        print(
            f"    {name:16} {stopwatch.wall:6.2f} s wall, {stopwatch.cpu:6.2f} s CPU = "
            f"{stopwatch.wall / done * 1e6:4.0f} / {stopwatch.cpu / done * 1e6:4.0f} µs a record"
        )


def fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--postgres", default="", help="PostgreSQL URL of a throw-away database")
    parser.add_argument(
        "--steps", action="store_true", help="also time each step of the import (per record)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the files and the SQLite database afterwards"
    )
    parser.add_argument(
        "--full-text-words",
        default="150-400",
        help="length range of each line's full_text in words (0-0: none)",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="palermo-kb-bench-"))
    os.environ["PALERMO_DATA_DIR"] = str(workdir)
    # Production settings, as `palermo import` runs: with PALERMO_DEBUG Django would also log
    # every statement (quoting each of a bulk insert's parameters), which costs 10-15 %.
    os.environ["PALERMO_DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 60)
    os.environ.setdefault("PALERMO_TLS", "false")
    os.environ["DJANGO_SETTINGS_MODULE"] = "palermo.settings"
    if args.postgres:
        fresh_postgres(args.postgres)
        os.environ["DATABASE_URL"] = args.postgres
    else:
        os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from palermo.knowledge.models import CaseLaw

    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    path = workdir / "cases.jsonl"
    low, high = (int(n) for n in args.full_text_words.split("-"))
    synthetic_lines(path, args.records, words=(low, high))
    size_mb = path.stat().st_size / 1024 / 1024
    print(
        f"database: {connection.vendor}; file: {args.records} lines, {size_mb:.1f} MB, "
        f"full_text of {args.full_text_words} words, summary of 60 words; "
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}, load average {load_average()}"
    )
    changed = workdir / "cases-corrected.jsonl"
    synthetic_lines(changed, args.records, edition=" [corrected]", words=(low, high))
    runs = [
        ("create", path),
        ("same file again (unchanged)", path),
        ("every line changed (update)", changed),
    ]
    for label, source in runs:
        run_import(label, source, args.steps)
    assert CaseLaw.objects.count() == args.records
    print(f"case-law rows: {CaseLaw.objects.count()}; load average {load_average()}")
    if not args.keep:
        shutil.rmtree(workdir)  # about 0.5 GB for 20,000 lines on SQLite


if __name__ == "__main__":
    main()
