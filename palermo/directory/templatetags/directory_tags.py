"""Template filters that turn directory codes into words in the interface language."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from palermo.directory.exports import display_value
from palermo.directory.labels import COMPETENCE_LABELS, language_name

register = template.Library()


@register.filter
def display(value: Any, field_name: str) -> str:
    return display_value(field_name, value)


@register.filter
def language_names(codes: list[str]) -> str:
    locale = get_language() or "en"
    return ", ".join(f"{language_name(code, locale)} ({code})" for code in codes or [])


@register.filter
def competence_label(code: str) -> str:
    return str(COMPETENCE_LABELS.get(code, code))


@register.filter
def language_label(code: str) -> str:
    return f"{language_name(code, get_language() or 'en')} ({code})"


@register.filter
def local_name_here(local_names: list[dict[str, str]] | None) -> dict[str, str] | None:
    """The entry's name in the interface language, when the State uses that language."""
    language = (get_language() or "en").split("-")[0]
    return next((n for n in local_names or [] if n.get("language") == language), None)
