"""Fewer garbage collections during bulk work (imports, reindexing).

A bulk import holds every checked line in memory, tens of thousands of objects that live until
the end; CPython's collector traverses all of them again at each older-generation pass, which
took 13 % of the CPU of a 20,000-line import (benchmarks/knowledge_import.py, measured with
gc.callbacks). Raising the thresholds while the work runs keeps cycles collected, only later.
The setting is process-wide, so overlapping callers share one pause: the first in raises the
thresholds and the last out restores them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Young objects between collections (default 700), and passes before an older one (10, 10).
BULK_THRESHOLDS = (10_000, 50, 1_000)

_lock = threading.Lock()
_holders = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    global _holders, _saved
    with _lock:
        if _holders == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(*BULK_THRESHOLDS)
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                gc.set_threshold(*_saved)
