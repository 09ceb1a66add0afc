"""`palermo import-cases FILE --authority ID`: import an existing register from CSV.

All or nothing; every bad row is reported with its line number and reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from palermo.accounts.models import Organisation
from palermo.cases.importer import COLUMNS, import_cases, validate_text
from palermo.cases.maintenance import refresh_planner_statistics


class Command(BaseCommand):
    help = "Import cases from a CSV file into an authority's register (columns: {}).".format(
        ", ".join(COLUMNS)
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="CSV file, UTF-8, with a header row")
        parser.add_argument("--authority", type=int, required=True, help="Organisation id")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(pk=options["authority"]).first()
        if organisation is None:
            raise CommandError(f"No authority with id {options['authority']}.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        try:
            text = validate_text(path.read_bytes())
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        report = import_cases(None, organisation, text)
        if report.errors:
            for line, reason in report.errors:
                self.stderr.write(f"line {line}: {reason}")
            raise CommandError(f"Nothing imported: {len(report.errors)} bad rows.")
        refresh_planner_statistics()
        self.stdout.write(f"{report.created} cases imported into {organisation}.")
