"""What the accounts pages print, for tests that look for it."""

from __future__ import annotations

from django.utils.html import escape

CHANGE = (
    '<del>{}</del> <span class="change-arrow" aria-hidden="true">→</span>'
    '<span class="visually-hidden">changed to</span> <ins>{}</ins>'
)


def changed(before: str, after: str, html: str) -> bool:
    """Whether the page shows a field changing from `before` to `after`."""
    return CHANGE.format(escape(before), escape(after)) in html
