"""`palermo reindex [--kind K ...]`: rebuild the search index from the registered indexers.

Each kind is rebuilt in its own transaction (clear, then index everything), so searches keep
seeing the old entries of a kind until its new ones are complete. Afterwards the facet totals
used by the empty search are recounted from the facet table, which also repairs any drift.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from palermo.core.search.engine import bulk_index, clear_kind
from palermo.core.search.registry import indexers

PROGRESS_EVERY = 5000


class Command(BaseCommand):
    help = "Rebuild the search index from the records (all kinds, or those given with --kind)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind", action="append", default=[], help="Only this kind (repeatable)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        registered = indexers()
        kinds = options["kind"] or sorted(registered)
        unknown = [kind for kind in kinds if kind not in registered]
        if unknown:
            known = ", ".join(sorted(registered)) or "none"
            raise CommandError(f"No indexer for {', '.join(unknown)}; registered kinds: {known}.")
        for kind in kinds:
            started = time.perf_counter()
            documents = iter(registered[kind]())
            written = 0
            with transaction.atomic():
                clear_kind(kind)
                while batch := list(itertools.islice(documents, PROGRESS_EVERY)):
                    written += bulk_index(batch)
                    self.stdout.write(f"  {kind}: {written} indexed")
            seconds = time.perf_counter() - started
            self.stdout.write(f"{kind}: {written} documents indexed in {seconds:.1f} s")
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
