"""Sections other apps contribute to the country page.

Contract (see docs/developers.md, "Country page sections"): an app in COUNTRY_SECTION_APPS may
provide a module `palermo/<app>/country.py` with

    def country_section(request: HttpRequest, country: Country) -> dict | None

returning None (nothing to show to this user) or {"title": str, "template": str, "context": dict}.
The app applies its own access rules to request.user; the country page renders the template
with the context and shows it under the title, in this order.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from palermo.reference.models import Country

COUNTRY_SECTION_APPS = ("directory", "knowledge", "cases", "review")


@dataclass(frozen=True)
class CountrySection:
    app: str
    title: str
    html: SafeString


def _section_module(app: str) -> ModuleType | None:
    name = f"palermo.{app}.country"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name in (name, f"palermo.{app}"):
            return None  # that app contributes nothing (yet)
        raise


def country_sections(request: HttpRequest, country: Country) -> list[CountrySection]:
    """The sections the other apps show for `country` to this request's user."""
    sections = []
    for app in COUNTRY_SECTION_APPS:
        module = _section_module(app)
        if module is None or not hasattr(module, "country_section"):
            continue
        section = module.country_section(request, country)
        if not section:
            continue
        html = render_to_string(section["template"], section.get("context", {}), request=request)
        sections.append(CountrySection(app, str(section["title"]), html))
    return sections
