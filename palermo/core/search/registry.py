"""Where reindex finds documents: each app registers one function per kind.

An app registers either in its AppConfig.ready() or, simpler, in a module
`palermo/<app>/search_index.py` that calls register_indexer() at import; such modules are
imported by `indexers()` (Django's autodiscover_modules), so nothing else has to know about them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.module_loading import autodiscover_modules

from palermo.core.search.types import SearchDocument

Indexer = Callable[[], Iterable[SearchDocument]]
_INDEXERS: dict[str, Indexer] = {}


def register_indexer(kind: str, iter_documents: Indexer) -> None:
    """Register (or replace) the function that yields every document of `kind`."""
    _INDEXERS[kind] = iter_documents


def indexers() -> dict[str, Indexer]:
    autodiscover_modules("search_index")
    return dict(_INDEXERS)


def unregister_indexer(kind: str) -> None:
    _INDEXERS.pop(kind, None)
