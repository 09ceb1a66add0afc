"""The knowledge base's part of a country page (rendered by the reference app)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.knowledge.selectors import country_records


def country_section(request: HttpRequest, country: Any) -> dict[str, Any] | None:
    """{"title", "template", "context"} with the State's published legislation, cases and
    treaties; None when the knowledge base holds nothing about the State."""
    records = country_records(country)
    if not (
        records["legislation_count"]
        or records["case_count"]
        or records["treaty_count"]
        or records["strategies"]
    ):
        return None
    return {
        "title": _("Legislation, case law and treaties"),
        "template": "knowledge/_country_section.html",
        "context": {"country": country, **records},
    }
