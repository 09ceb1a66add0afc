"""Fixtures for the search tests: the contract corpus indexed on whichever database is in use."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.core.search import bulk_index
from palermo.core.search.tests.corpus import CORPUS


@pytest.fixture
def corpus(db: Any) -> int:
    return bulk_index(CORPUS)
