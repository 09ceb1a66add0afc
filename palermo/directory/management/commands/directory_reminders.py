"""`palermo directory-reminders`: queue a reminder to each focal point with stale entries."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from palermo.directory.selectors import stale_authorities_by_focal_point
from palermo.directory.tasks import send_stale_reminder


class Command(BaseCommand):
    help = (
        "Queue an e-mail to every focal point whose State has directory entries not verified "
        "for 12 months. Run it daily or weekly from cron; `palermo worker` sends the mail."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--site-url", default="", help="Base address for the link, e.g. https://palermo.example"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        reminders = stale_authorities_by_focal_point()
        for user, authorities in reminders.items():
            send_stale_reminder.enqueue(user.pk, [a.pk for a in authorities], options["site_url"])
            self.stdout.write(f"{user.email}: {len(authorities)} stale entries")
        self.stdout.write(f"reminders queued: {len(reminders)}")
