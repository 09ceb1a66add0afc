"""Statistics of an authority are cached until one of its cases changes."""

from __future__ import annotations

from django.core.cache import cache

CACHE_SECONDS = 600


def generation(organisation_id: int) -> int:
    value = cache.get(f"cases:stats-generation:{organisation_id}")
    return int(value) if value is not None else 0


def invalidate(organisation_id: int) -> None:
    key = f"cases:stats-generation:{organisation_id}"
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, None)


def cache_key(organisation_id: int, name: str) -> str:
    return f"cases:stats:{organisation_id}:{generation(organisation_id)}:{name}"
