"""Registers the knowledge kinds with the search index, for `palermo reindex`."""

from palermo.knowledge.indexing import register_indexers

register_indexers()
