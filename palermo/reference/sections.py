"""Sections other apps contribute to the country page.

Contract (see docs/developers.md, "Country page sections"): an app in COUNTRY_SECTION_APPS may
provide a module `palermo/<app>/country.py` with

    def country_section(request: HttpRequest, country: Country) -> dict | None

returning None (nothing to show to this user) or {"title": str, "template": str, "context": dict}.
The app applies its own access rules to request.user; the country page renders the template
with the context and shows it under the title, in this order. A section without "template" is
rendered with `<app>/country_section.html`, and without "context" gets the section's other keys;
a section whose template does not exist is left out and logged, so one app's slip does not take
the country page down.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from types import ModuleType

from django.http import HttpRequest
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from palermo.reference.models import Country

COUNTRY_SECTION_APPS = ("directory", "knowledge", "cases", "review")
logger = logging.getLogger(__name__)


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
        template = section.get("template") or f"{app}/country_section.html"
        context = section.get("context")
        if context is None:
            context = {k: v for k, v in section.items() if k not in ("title", "template")}
        try:
            html = render_to_string(template, context, request=request)
        except TemplateDoesNotExist:
            logger.warning("Country section of %s left out: no template %s", app, template)
            continue
        sections.append(CountrySection(app, str(section["title"]), html))
    return sections
