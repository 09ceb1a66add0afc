"""`palermo load-reference`: load countries, regional groups, instruments, articles,
participation and taxonomies from palermo/reference/data (or --data-dir). Safe to run again."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from palermo.reference.datafiles import ReferenceDataError
from palermo.reference.loading import DATA_DIR, load_reference


class Command(BaseCommand):
    help = (
        "Load Palermo's reference data (countries, UN regional groups, instruments and articles, "
        "participation, crime types, cross-cutting issues). Idempotent and atomic: a bad row "
        "stops the load, names its file and line, and leaves the database as it was."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DATA_DIR,
            help="Directory holding the data files (default: the files shipped with Palermo).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load every file even when it has not changed since the last load.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        try:
            load_reference(
                None,
                options["data_dir"],
                force=options["force"],
                report=lambda line: self.stdout.write(f"  {line}"),
            )
        except ReferenceDataError as error:
            raise CommandError(
                f"Reference data not loaded; nothing was changed. {error}"
            ) from error
        took = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Reference data ready ({took:.1f} s)"))
