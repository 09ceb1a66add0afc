"""Full-text search with facets, kept in the main database (BRIEF §5 "Search").

Apps index their records with `index_document` inside the record's own transaction, and ask
with `search(SearchPlan(...))`. See docs/developers.md "Search".
Nothing here imports models, so the package can be imported before the app registry is ready.
"""

from palermo.core.search.engine import (
    bulk_index,
    clear_kind,
    index_document,
    remove_document,
    search,
    suggest,
)
from palermo.core.search.registry import register_indexer
from palermo.core.search.types import SearchDocument, SearchHit, SearchPlan, SearchResults

__all__ = [
    "SearchDocument",
    "SearchHit",
    "SearchPlan",
    "SearchResults",
    "bulk_index",
    "clear_kind",
    "index_document",
    "register_indexer",
    "remove_document",
    "search",
    "suggest",
]
