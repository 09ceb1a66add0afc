"""`palermo serve`: the production web server (waitress) plus the background task worker.

Waitress is pure Python and runs the same on any machine, which suits small offices and closed
networks; larger installations put several of these behind a load balancer (docs/administrators.md).
"""

from __future__ import annotations

import atexit
import subprocess
import sys
import threading
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Palermo over HTTP with waitress, and run the task worker beside it."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument("--threads", type=int, default=8, help="Worker threads.")
        parser.add_argument(
            "--no-worker", action="store_true", help="Do not start the background task worker."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress import serve

        from palermo.wsgi import application

        if not options["no_worker"]:
            worker = subprocess.Popen(
                [sys.executable, "-m", "palermo", "worker"],
            )
            atexit.register(worker.terminate)
        # Build the search's facet index while the server starts, not in the first search.
        threading.Thread(target=warm_search_index, name="search-warm-up", daemon=True).start()
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(f"Palermo is ready at {url} (press Ctrl+C to stop)")
        serve(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            ident="Palermo",
            _quiet=True,
        )


def warm_search_index() -> None:
    from django.db import connection

    from palermo.core.search.engine import facet_index, get_backend

    try:
        with connection.cursor() as cursor:
            facet_index(cursor, get_backend())
    finally:
        connection.close()  # this thread's own connection
