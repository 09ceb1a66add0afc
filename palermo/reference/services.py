"""Writes to reference data outside the loader: what the admin does when staff edit a country."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from palermo.core.audit import record_event
from palermo.reference.folding import lookup_key
from palermo.reference.models import Country


def country_lookup_names(country: Country) -> str:
    """The folded look-up key of every name of the country, in every language."""
    from django.conf import settings

    names = [
        getattr(country, f"name_{code.replace('-', '_')}", "") or ""
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]
    return lookup_key([*names, country.official_name, *(country.aliases or [])])


@transaction.atomic
def save_country(actor: Any, country: Country, changed_fields: list[str]) -> Country:
    """Save a country edited by staff, keeping find_country() in step with its names."""
    country.lookup_names = country_lookup_names(country)
    country.save()
    record_event(
        actor,
        "reference.country_edited",
        country,
        changes={
            field: [None, str(getattr(country, field, ""))]
            for field in changed_fields
            if field != "lookup_names"
        },
    )
    return country
