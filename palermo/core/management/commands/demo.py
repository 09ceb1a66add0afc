"""`palermo demo`: fictional demo data for every part of Palermo. Idempotent."""

from __future__ import annotations

import importlib
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# Order matters: later parts hang their demo data off earlier ones.
DEMO_MODULES = [
    "palermo.accounts.demo",
    "palermo.directory.demo",
    "palermo.knowledge.demo",
    "palermo.writer.demo",
    "palermo.cases.demo",
    "palermo.review.demo",
]


class Command(BaseCommand):
    help = "Create fictional demo authorities, users for each role, and demo records."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Run even without PALERMO_DEMO=true."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (settings.DEMO_MODE or options["force"]):
            raise CommandError(
                "Demo data is for demo instances only: set PALERMO_DEMO=true (or pass --force)."
            )
        for module_name in DEMO_MODULES:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name == module_name:
                    continue  # that part has no demo data yet
                raise
            started = time.perf_counter()
            module.load_demo(lambda line: self.stdout.write(f"  {line}"))
            took = time.perf_counter() - started
            self.stdout.write(f"{module_name.split('.')[1]}: demo data ready ({took:.1f} s)")
