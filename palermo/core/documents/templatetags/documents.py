"""Template filters for document templates."""

from __future__ import annotations

import unicodedata

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def css_string(value: object) -> SafeString:
    """`value` as the inside of a double-quoted CSS string (for @page margin boxes)."""
    text = str(value or "")
    escaped = []
    for char in text:
        if char in '"\\<>' or ord(char) < 0x20:
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return mark_safe("".join(escaped))


@register.filter
def text_dir(value: object) -> str:
    """ "rtl" or "ltr" from the first strongly directional character (Unicode's P2 rule), so an
    English paragraph in an Arabic document, or an Arabic one in a French document, reads right."""
    for char in str(value or ""):
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return ""
