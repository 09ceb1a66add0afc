"""`palermo restore FILE`: check a backup archive, then bring it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from palermo.core.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Restore the database and uploaded files from a backup made by `palermo backup`."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="The backup archive.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation (for scripts)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["file"]).resolve()
        try:
            manifest = read_manifest(archive)
            if not options["yes"]:
                answer = input(
                    f"Replace ALL current data with the backup of {manifest.created_at}? [y/N] "
                )
                if answer.strip().lower() not in {"y", "yes"}:
                    raise CommandError("Restore cancelled; nothing was changed.")
            restore_backup(archive, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest.created_at}."))
