"""The bulk-work pause of the garbage collector: raised while held, restored after, shared."""

from __future__ import annotations

import gc

import pytest

from palermo.core.collections_pause import BULK_THRESHOLDS, fewer_collections


def test_thresholds_are_raised_inside_and_restored_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == BULK_THRESHOLDS
    assert gc.get_threshold() == before


def test_nested_holders_restore_only_when_the_last_leaves() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        with fewer_collections():
            pass
        assert gc.get_threshold() == BULK_THRESHOLDS  # the outer holder still works
    assert gc.get_threshold() == before


def test_restored_when_the_work_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("import failed")
    assert gc.get_threshold() == before
