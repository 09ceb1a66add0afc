"""The directory's section on the reference engineer's country page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.directory import selectors, visibility
from palermo.reference.models import Country


def country_section(request: HttpRequest, country: Country) -> dict[str, Any] | None:
    """The State's competent authorities, fields filtered for the viewer."""
    entries = [
        visibility.authority_data(request.user, authority)
        for authority in selectors.authorities_of_country(country)
    ]
    return {
        "title": _("Competent authorities"),
        "template": "directory/country_section.html",
        "context": {"entries": entries, "country": country},
    }
