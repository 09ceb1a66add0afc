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


class SearchFacetTotal(models.Model):
    """Facet counts of the whole public index, for the empty search (the landing page).

    Counting every facet over a million rows takes seconds, so every write adds or subtracts its
    own rows here in the same transaction (see backends/base.py); `palermo reindex` rebuilds them.
    """

    facet = models.CharField(max_length=64)
    value = models.CharField(max_length=255)
    public_count = models.IntegerField()
    all_count = models.IntegerField()

    class Meta:
        db_table = "search_facet_total"
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="search_facet_total_unique")
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}: {self.public_count}"
