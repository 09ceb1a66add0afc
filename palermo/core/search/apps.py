from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search with facets, kept in the main database (BRIEF §5 "Search")."""

    name = "palermo.core.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        post_migrate.connect(drop_orphan_full_text_rows, sender=self)


def drop_orphan_full_text_rows(using: str = "default", **kwargs: Any) -> None:
    """`flush` empties Django's tables but not SQLite's FTS5 table, which Django does not know.
    Left behind, its rows would clash with the ids of new entries; flush sends post_migrate, so
    the orphans go here (a no-op after an ordinary migrate, where nothing is orphaned)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if "search_fts" in tables and "search_entry" in tables:
            cursor.execute(
                "DELETE FROM search_fts WHERE rowid NOT IN (SELECT id FROM search_entry)"
            )
