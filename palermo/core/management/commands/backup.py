"""`palermo backup [FILE]`: an online backup of the database and uploaded files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from palermo.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write a consistent backup (database and uploaded files) while Palermo runs."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "file",
            nargs="?",
            help="Archive to write (default: DATA_DIR/backups/palermo-<time>.tar).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["file"]:
            destination = Path(options["file"]).resolve()
        else:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            destination = Path(settings.DATA_DIR) / "backups" / f"palermo-{stamp}.tar"
        try:
            manifest = create_backup(destination, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest.table_counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup complete: {destination} ({rows} rows, {len(manifest.members) - 1} files)"
            )
        )
