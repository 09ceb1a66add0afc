"""`palermo check`: reports configuration problems before going live; fails on any warning."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Check the configuration for production: debug, secret key, e-mail, fonts, database."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("check", deploy=True, fail_level="WARNING")
        self.stdout.write(self.style.SUCCESS("Palermo is ready for production."))
