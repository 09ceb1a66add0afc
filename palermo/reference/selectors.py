"""Reads of reference data, for every app: countries, participation, articles, taxonomies.

Other apps call these instead of querying reference models by hand. Participation answers are
three-valued on purpose: `None` means Palermo has no record (the participation data is partial),
which is not the same as "not a party".
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import translation

from palermo.reference.folding import fold
from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    Instrument,
    Participation,
    RegionalGroup,
)

_REFERENCE = re.compile(
    r"^\s*([A-Za-z0-9]+)\s*[- ]\s*(?:art\.?\s*)?([0-9]+[a-z]*)\s*$", re.IGNORECASE
)


def find_country(text: str) -> Country | None:
    """The country or territory `text` names, or None.

    Accepts an ISO 3166-1 alpha-2 ("FR"), alpha-3 ("FRA") or numeric ("250", "4" for "004")
    code, or a name in any of the six UN languages ("France", "Франция", "法国", "فرنسا"),
    the ISO official name ("French Republic") or a common alias; case, accents and punctuation
    are ignored. One or two queries.
    """
    key = fold(text)
    if not key:
        return None
    countries = Country.objects.select_related("regional_group")
    compact = key.replace(" ", "")
    if compact.isascii() and compact.isalpha() and len(compact) in (2, 3):
        field = "iso2" if len(compact) == 2 else "iso3"
        found = countries.filter(**{field: compact.upper()}).first()
        if found is not None:
            return found
    if compact.isdigit() and len(compact) <= 3:
        return countries.filter(numeric=compact.zfill(3)).first()
    return countries.filter(lookup_names__contains=f"|{key}|").order_by("iso3").first()


def country_by_iso3(iso3: str) -> Country | None:
    """The country with this ISO alpha-3 code (any case), with its regional group, or None."""
    return Country.objects.select_related("regional_group").filter(iso3=iso3.upper()).first()


def participation_of(country: Country, instrument_code: str) -> Participation | None:
    """What Palermo records of `country`'s participation in the instrument, or None if nothing."""
    return (
        Participation.objects.select_related("instrument")
        .filter(country=country, instrument__code=instrument_code.lower())
        .first()
    )


def is_party(country: Country, instrument_code: str) -> bool | None:
    """True if a recorded ratification or accession makes `country` a party to the instrument;
    False if a record exists without one (e.g. signature only); None if nothing is recorded."""
    participation = participation_of(country, instrument_code)
    if participation is None:
        return None
    return participation.is_party


def both_parties(a: Country, b: Country, instrument_code: str) -> bool | None:
    """Whether both States are parties: False if either is recorded as not a party, None if
    either has no record (and neither is known not to be), True if both are parties."""
    answers = [is_party(a, instrument_code), is_party(b, instrument_code)]
    if False in answers:
        return False
    if None in answers:
        return None
    return True


def article_by_reference(ref: str) -> Article | None:
    """The article named by a reference such as "UNTOC-18", "tip-6" or "SOM 8", or None."""
    match = _REFERENCE.match(ref)
    if match is None:
        return None
    code, number = match.group(1).lower(), match.group(2).lower()
    return (
        Article.objects.select_related("instrument")
        .filter(instrument__code=code, number=number)
        .first()
    )


def list_crime_types() -> QuerySet[CrimeType]:
    """The crime types, in their set order (names in the active language via modeltranslation)."""
    return CrimeType.objects.order_by("sort_order", "code")


def list_cross_cutting_issues() -> QuerySet[CrossCuttingIssue]:
    """The cross-cutting issues, in their set order."""
    return CrossCuttingIssue.objects.order_by("sort_order", "code")


def list_regional_groups() -> QuerySet[RegionalGroup]:
    """The five UN regional groups, in their set order."""
    return RegionalGroup.objects.order_by("sort_order", "code")


def list_instruments() -> QuerySet[Instrument]:
    """The instruments users may cite: UNTOC, its Protocols, UNCAC, the 1988 Convention."""
    return Instrument.objects.select_related("parent").order_by("sort_order", "code")


def instrument_by_code(code: str) -> Instrument | None:
    """The instrument with this code ("untoc", "tip", "som", "firearms", "uncac", "drugs1988")."""
    return Instrument.objects.filter(code=code.lower()).first()


def list_articles(instrument: Instrument) -> QuerySet[Article]:
    """The articles of an instrument, in order."""
    return (
        Article.objects.filter(instrument=instrument)
        .select_related("instrument")
        .order_by("sort_order", "number")
    )


def list_countries(
    text: str = "",
    regional_group: str = "",
    un_member: bool | None = None,
) -> QuerySet[Country]:
    """Countries and territories matching a free-text search (a code or part of a name in any
    language), a regional group code and UN membership; unordered (callers sort by the name in
    the page's language)."""
    countries = Country.objects.select_related("regional_group")
    key = fold(text)
    if key:
        compact = key.replace(" ", "")
        by_code = Q(iso2=compact.upper()) | Q(iso3=compact.upper())
        if compact.isdigit():
            by_code |= Q(numeric=compact.zfill(3))
        countries = countries.filter(by_code | Q(lookup_names__contains=key))
    if regional_group:
        countries = countries.filter(regional_group__code=regional_group)
    if un_member is not None:
        countries = countries.filter(is_un_member=un_member)
    return countries


def participations_of_country(country: Country) -> list[tuple[Instrument, Participation | None]]:
    """Every instrument with `country`'s recorded participation in it, or None: two queries."""
    recorded = {p.instrument_id: p for p in Participation.objects.filter(country=country)}
    return [(instrument, recorded.get(instrument.pk)) for instrument in list_instruments()]


def list_participation(
    instrument_code: str = "", country: Country | None = None
) -> QuerySet[Participation]:
    """Recorded participation, optionally for one instrument and one country."""
    records = Participation.objects.select_related("country", "instrument")
    if instrument_code:
        records = records.filter(instrument__code=instrument_code.lower())
    if country is not None:
        records = records.filter(country=country)
    return records.order_by("instrument__sort_order", "country__iso3")


def sort_by_name(countries: QuerySet[Country]) -> list[Country]:
    """The countries sorted by their name in the active language, ignoring case and accents
    (the database's byte order would put "Émirats" after "Zimbabwe")."""
    return sorted(countries, key=lambda country: fold(country.name))


def untoc_status_by_country() -> dict[int, Participation]:
    """Recorded UNTOC participation by country id, for listings: one query."""
    return {
        p.country_id: p
        for p in Participation.objects.filter(instrument__code="untoc").select_related("instrument")
    }


def participation_status(participation: Participation | None) -> str:
    """party, signatory, not_a_party (a record without consent or signature) or not_recorded."""
    if participation is None:
        return "not_recorded"
    if participation.is_party:
        return "party"
    return "signatory" if participation.signature else "not_a_party"


def country_listing(
    text: str = "", regional_group: str = "", un_member: bool | None = None
) -> list[dict[str, Any]]:
    """Plain rows for the countries page, sorted by the name in the active language: the same
    filters as list_countries(), read as values (no model instances) because the page lists
    all ~250 countries and must stay fast. Each row carries its UNTOC participation, or None."""
    language = (translation.get_language() or "en").replace("-", "_")
    name_field = f"name_{language}"
    fields = [
        "pk",
        "iso2",
        "iso3",
        "numeric",
        "name_en",
        name_field,
        "is_un_member",
        "regional_group_id",
        "regional_group_observer",
    ]
    groups = {g.pk: g.name for g in RegionalGroup.objects.all()}
    untoc = untoc_status_by_country()
    rows = []
    for values in list_countries(text, regional_group, un_member).values(*fields):
        rows.append(
            {
                **values,
                "name": values[name_field] or values["name_en"],
                "group": groups.get(values["regional_group_id"], ""),
                "untoc": untoc.get(values["pk"]),
            }
        )
    rows.sort(key=lambda row: fold(row["name"]))
    return rows
