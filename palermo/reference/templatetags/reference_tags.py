"""Template helpers of the reference app."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def web_sources(sources: Any) -> list[tuple[str, str]]:
    """(address, host) of each http(s) source; anything else (e.g. a javascript: address typed
    in the admin) is dropped rather than turned into a link."""
    links = []
    for source in sources if isinstance(sources, list) else []:
        if isinstance(source, str) and source.startswith(("https://", "http://")):
            links.append((source, urlsplit(source).hostname or source))
    return links


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """mapping[key] in a template (labels looked up once per page, not once per row)."""
    return mapping.get(key, "")
