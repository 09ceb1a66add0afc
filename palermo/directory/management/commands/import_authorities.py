"""`palermo import-authorities FILE`: load directory entries from JSON Lines.

Atomic and idempotent; every bad line is reported with its number and reason, and then nothing
is written. The schema is in docs/data-formats.md ("Directory of competent authorities").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from palermo.directory.importing import import_lines


class Command(BaseCommand):
    help = "Import competent authorities from a JSON Lines file (all or nothing; idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="Path to a .jsonl file, one authority per line.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise CommandError(f"{path}: no such file") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 text ({error.reason})") from error
        lines = text.splitlines()
        self.stdout.write(f"{path}: {len(lines)} lines")
        report = import_lines(lines, progress=lambda message: self.stdout.write(f"  {message}"))
        if report.errors:
            for number, reason in report.errors:
                self.stderr.write(f"{path}:{number}: {reason}")
            raise CommandError(
                f"{len(report.errors)} bad line(s); nothing was imported. Fix them and run again."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}"
            )
        )
