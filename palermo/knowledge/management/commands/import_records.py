"""`palermo import caselaw|legislation|treaties|strategies|bibliography FILE`."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from palermo.knowledge.importing.loader import KIND_ALIASES, import_file


class Command(BaseCommand):
    help = (
        "Import knowledge records from JSON Lines (.jsonl) or CSV (.csv); see "
        "docs/data-formats.md. All or nothing: any bad line stops the import and every bad "
        "line is listed. Importing the same file again updates the records it created."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("kind", choices=sorted(KIND_ALIASES), help="what the file holds")
        parser.add_argument("file", type=Path, help="path to the .jsonl or .csv file")
        parser.add_argument(
            "--format",
            choices=["jsonl", "csv"],
            default=None,
            help="file format (default: from the file name)",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="treat unknown crime types, issues, articles and languages as errors",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress lines")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")

        def progress(line: str) -> None:
            if not options["quiet"]:
                sys.stderr.write(f"  {line}\n")

        started = time.perf_counter()
        try:
            report = import_file(
                options["kind"],
                path,
                file_format=options["format"],
                strict=options["strict"],
                progress=progress,
            )
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{path} is not UTF-8 text ({error.reason} at byte {error.start})."
            ) from None
        took = time.perf_counter() - started
        for number, warning in report.warnings[:200]:
            self.stderr.write(f"line {number}: warning: {warning}")
        if len(report.warnings) > 200:
            self.stderr.write(f"... and {len(report.warnings) - 200} more warnings")
        if not report.ok:
            for number, reason in report.errors:
                self.stderr.write(f"line {number}: {reason}")
            bad = len({n for n, _r in report.errors})
            raise CommandError(
                f"Nothing imported: {bad} bad line{'s' if bad != 1 else ''} in {path.name}."
            )
        total = report.created + report.updated + report.unchanged
        rate = total / took if took > 0 else 0.0
        self.stdout.write(
            f"Imported {path.name}: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged "
            f"in {took:.2f} s ({rate:.0f} records/s)."
        )
