"""`palermo worker`: runs queued background tasks (e-mails, reminders, rendering)."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run queued background tasks until stopped (started for you by `palermo serve`)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then stop.")

    def handle(self, *args: Any, **options: Any) -> None:
        arguments = ["--batch"] if options["batch"] else []
        call_command("db_worker", *arguments, "--no-reload")
