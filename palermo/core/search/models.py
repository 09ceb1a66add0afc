"""The search index tables, kept in the main database so a record and its entry share a transaction.

The full-text part differs by database and is created by migration 0002: an FTS5 virtual table
(`search_fts`, rowid = entry id) and its vocabulary view on SQLite; a weighted `document` tsvector
column with a GIN index, and a vocabulary table for spelling suggestions, on PostgreSQL.
The search code reads and writes these tables with SQL (backends/), never through the ORM,
because the full-text parts are invisible to it; the models exist for migrations and the admin.
"""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    """One indexed record, with the original text kept for snippets."""

    kind = models.CharField(max_length=64)
    key = models.CharField(max_length=255)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    language = models.CharField(max_length=16, blank=True)
    date = models.DateField(null=True, blank=True)
    year = models.IntegerField(null=True, blank=True)
    is_public = models.BooleanField(default=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "search_entry"
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="search_entry_kind_key_unique")
        ]
        indexes = [
            models.Index(fields=["is_public", "date"], name="search_entry_public_date"),
            models.Index(fields=["year"], name="search_entry_year"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class SearchFacet(models.Model):
    """One (facet, value) of an entry; the pseudo-facets `kind` and `year` are added by indexing."""

    # No index of its own: (entry, facet, value) below starts with it.
    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    facet = models.CharField(max_length=64)
    value = models.CharField(max_length=255)

    class Meta:
        db_table = "search_facet"
        indexes = [
            # Filters: "entries with country=ITA" read only this index.
            models.Index(fields=["facet", "value", "entry"], name="search_facet_value_entry"),
            # Counting over matched entries: per entry, its facet values, from the index alone.
            models.Index(fields=["entry", "facet", "value"], name="search_facet_entry_value"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchState(models.Model):
    """One row: the index's generation, bumped with a fresh random stamp by every index write in
    the writer's transaction. Searches compare it with their in-memory facet index (columns.py);
    a rolled-back write leaves a stamp that no later write repeats."""

    generation = models.BigIntegerField(default=0)
    stamp = models.CharField(max_length=32, blank=True)

    class Meta:
        db_table = "search_state"

    def __str__(self) -> str:
        return f"generation {self.generation}"


class SearchChange(models.Model):
    """Which entries a generation removed or added, so a search can reload just those; pruned to
    the last PRUNE_KEEP generations (older caches are rebuilt whole)."""

    generation = models.BigIntegerField(db_index=True)
    stamp = models.CharField(max_length=32)
    entry_id = models.BigIntegerField()

    class Meta:
        db_table = "search_change"

    def __str__(self) -> str:
        return f"{self.generation}: {self.entry_id}"
