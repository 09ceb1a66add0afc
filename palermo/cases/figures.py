"""Percentiles and age buckets as pure functions (no Django)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Linear interpolation between closest ranks (as spreadsheets do); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    lower = math.floor(position)
    upper = math.ceil(position)
    if lower == upper:
        return float(ordered[lower])
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


AGE_BUCKETS: tuple[tuple[int, int | None], ...] = (
    (0, 30),
    (31, 90),
    (91, 180),
    (181, 365),
    (366, None),
)


def age_bucket(days: int) -> int:
    """Index into AGE_BUCKETS for an age in days."""
    for index, (low, high) in enumerate(AGE_BUCKETS):
        if days >= low and (high is None or days <= high):
            return index
    return 0
