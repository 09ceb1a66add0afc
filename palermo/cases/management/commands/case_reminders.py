"""`palermo case-reminders`: find near and past deadlines, remind people in the application
and enqueue their e-mails. Run it once a day (cron or a systemd timer)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from palermo.cases.maintenance import refresh_planner_statistics
from palermo.cases.reminders import send_reminders
from palermo.cases.stats_cache import refresh_all


class Command(BaseCommand):
    help = "Create today's deadline reminders and enqueue their e-mails."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as error:
            raise CommandError("--date must look like 2026-11-28.") from error
        count = send_reminders(today)
        refresh_planner_statistics()
        # Ages of the backlog and the months shown move with the date, even if no case changed.
        refresh_all(today)
        self.stdout.write(f"{count} reminders created and e-mails enqueued for {today.isoformat()}")
