"""Fixtures for the accounts tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """allauth's rate limits and used-code records live in the cache: start each test clean."""
    cache.clear()
    yield
    cache.clear()
