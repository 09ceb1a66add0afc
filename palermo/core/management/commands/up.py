"""`palermo up`: prepare the database and start. The README's first command runs this.

Each step is idempotent and quick when there is nothing to do, so running it again is safe.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, load reference data (and demo data in demo mode), then serve Palermo."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare everything, then stop."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self._step("database", lambda: call_command("migrate", interactive=False, verbosity=0))
        if "load_reference" in get_commands():
            self._step("reference data", lambda: call_command("load_reference"))
        if settings.DEMO_MODE:
            self._step("demo data", lambda: call_command("demo"))
        if not settings.DEBUG:
            self._step(
                "static files",
                lambda: call_command("collectstatic", interactive=False, verbosity=0),
            )
        if not options["no_serve"]:
            call_command("serve", host=options["host"], port=options["port"])

    def _step(self, label: str, action: Any) -> None:
        started = time.perf_counter()
        self.stdout.write(f"Preparing {label}…")
        action()
        self.stdout.write(f"  {label} ready ({time.perf_counter() - started:.1f} s)")
