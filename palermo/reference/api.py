"""REST endpoints of the reference app, mounted at /api/v1/reference/ by palermo/api.py.

Every endpoint is public: anonymous callers may read all reference data. Names come in the
language asked for by `?lang=` (ar, en, es, fr, ru, zh-hans) or the Accept-Language header,
English by default. Lists take `limit` and `offset` and answer {"items": [...], "count": N}, like
every list in the API. An unknown code answers 404 (path) or 422 (filter) naming the parameter.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from palermo.reference import selectors
from palermo.reference.models import Country, Participation
from palermo.reference.selectors import participation_status

router = Router(tags=["reference"])


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail]


class ErrorOut(Schema):
    error: ErrorBody


class RegionalGroupOut(Schema):
    code: str
    name: str


class CountryOut(Schema):
    iso2: str
    iso3: str
    numeric: str
    name: str
    official_name: str
    is_un_member: bool
    regional_group: RegionalGroupOut | None
    regional_group_observer: bool


class ParticipationOut(Schema):
    country: str
    instrument: str
    status: str
    signature: datetime.date | None
    consent_action: str
    consent_date: datetime.date | None
    entry_into_force: datetime.date | None
    extradition_basis_accepted: bool | None
    central_authority_notified: str
    accepted_languages: list[str]
    sources: list[str]
    as_at: datetime.date | None


class InstrumentParticipationOut(Schema):
    instrument: str
    status: str
    participation: ParticipationOut | None


class CountryDetailOut(CountryOut):
    participation: list[InstrumentParticipationOut]


class InstrumentOut(Schema):
    code: str
    short_name: str
    title: str
    parent: str | None
    adopted_on: datetime.date | None
    entered_into_force_on: datetime.date | None


class ArticleOut(Schema):
    reference: str
    instrument: str
    number: str
    title: str


class TaxonomyTermOut(Schema):
    code: str
    name: str
    description: str


def use_language(request: HttpRequest, lang: str | None) -> None:
    """Activate the language of the answer: ?lang=, else Accept-Language, else English."""
    codes = [code for code, _name in settings.LANGUAGES]
    if lang:
        chosen = lang.lower().replace("_", "-")
        chosen = {"zh": "zh-hans", "zh-cn": "zh-hans"}.get(chosen, chosen)
        if chosen not in codes:
            raise ValidationError(
                {"lang": [f"Unknown language '{lang}'; use one of {', '.join(codes)}."]}
            )
        translation.activate(chosen)
        return
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        candidate = accepted.lower()
        candidate = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans"}.get(
            candidate, candidate
        )
        for option in (candidate, candidate.split("-")[0]):
            if option in codes:
                translation.activate(option)
                return
    translation.activate("en")


def not_found(request: HttpRequest, field: str, message: str) -> HttpResponse:
    from palermo.api import error_response  # palermo.api mounts this router

    return error_response(
        request, 404, "not_found", message, [{"field": field, "message": message}]
    )


def participation_out(participation: Participation) -> dict[str, Any]:
    return {
        "country": participation.country.iso3,
        "instrument": participation.instrument.code,
        "status": participation_status(participation),
        **{
            field: getattr(participation, field)
            for field in (
                "signature",
                "consent_action",
                "consent_date",
                "entry_into_force",
                "extradition_basis_accepted",
                "central_authority_notified",
                "accepted_languages",
                "sources",
                "as_at",
            )
        },
    }


def country_out(country: Country) -> dict[str, Any]:
    group = country.regional_group
    return {
        "iso2": country.iso2,
        "iso3": country.iso3,
        "numeric": country.numeric,
        "name": country.name,
        "official_name": country.official_name,
        "is_un_member": country.is_un_member,
        "regional_group": {"code": group.code, "name": group.name} if group else None,
        "regional_group_observer": country.regional_group_observer,
    }


@router.get("/countries", response=list[CountryOut])
@paginate(LimitOffsetPagination)
def list_countries(
    request: HttpRequest,
    q: str = "",
    regional_group: str = "",
    un_member: bool | None = None,
    lang: str | None = None,
) -> Any:
    """Public (anonymous callers included). Countries and territories of ISO 3166-1, sorted by
    name in the answer's language; `q` matches a code or part of a name in any language,
    `regional_group` a group code (see /regional-groups), `un_member` true or false."""
    use_language(request, lang)
    if regional_group and not selectors.list_regional_groups().filter(code=regional_group).exists():
        raise ValidationError({"regional_group": [f"Unknown regional group '{regional_group}'."]})
    countries = selectors.list_countries(q[:100], regional_group, un_member)
    return [country_out(c) for c in selectors.sort_by_name(countries)]


@router.get("/countries/{iso3}", response={200: CountryDetailOut, 404: ErrorOut})
def get_country(request: HttpRequest, iso3: str, lang: str | None = None) -> Any:
    """Public (anonymous callers included). One country or territory by ISO alpha-3 code, with
    its participation in each instrument ("not_recorded" where Palermo has no record)."""
    use_language(request, lang)
    country = selectors.country_by_iso3(iso3) if len(iso3) == 3 else None
    if country is None:
        return not_found(
            request, "iso3", f"No country or territory has the ISO alpha-3 code '{iso3[:10]}'."
        )
    participation = [
        {
            "instrument": instrument.code,
            "status": participation_status(recorded),
            "participation": participation_out(recorded) if recorded else None,
        }
        for instrument, recorded in selectors.participations_of_country(country)
    ]
    return {**country_out(country), "participation": participation}


@router.get("/regional-groups", response=list[RegionalGroupOut])
@paginate(LimitOffsetPagination)
def list_regional_groups(request: HttpRequest, lang: str | None = None) -> Any:
    """Public (anonymous callers included). The five UN regional groups."""
    use_language(request, lang)
    return [{"code": g.code, "name": g.name} for g in selectors.list_regional_groups()]


@router.get("/instruments", response=list[InstrumentOut])
@paginate(LimitOffsetPagination)
def list_instruments(request: HttpRequest, lang: str | None = None) -> Any:
    """Public (anonymous callers included). UNTOC, its three Protocols, UNCAC and the 1988
    Convention; `parent` is the code of the Convention a Protocol supplements."""
    use_language(request, lang)
    return [
        {
            "code": i.code,
            "short_name": i.short_name,
            "title": i.title,
            "parent": i.parent.code if i.parent else None,
            "adopted_on": i.adopted_on,
            "entered_into_force_on": i.entered_into_force_on,
        }
        for i in selectors.list_instruments()
    ]


@router.get("/instruments/{code}/articles", response=list[ArticleOut])
@paginate(LimitOffsetPagination)
def list_articles(request: HttpRequest, code: str, lang: str | None = None) -> Any:
    """Public (anonymous callers included). The articles of an instrument with their short
    titles (Palermo's own words) and references such as UNTOC-18. An unknown instrument code
    answers 422 naming `code` (the list is paginated like every other)."""
    use_language(request, lang)
    instrument = selectors.instrument_by_code(code[:20])
    if instrument is None:
        raise ValidationError({"code": [f"Unknown instrument '{code[:20]}'."]})
    return [
        {
            "reference": a.reference,
            "instrument": instrument.code,
            "number": a.number,
            "title": a.title,
        }
        for a in selectors.list_articles(instrument)
    ]


@router.get("/participation", response=list[ParticipationOut])
@paginate(LimitOffsetPagination)
def list_participation(
    request: HttpRequest,
    instrument: str = "",
    country: str = "",
    lang: str | None = None,
) -> Any:
    """Public (anonymous callers included). Recorded participation of States in instruments,
    with sources and "as at" date; a State absent here is not recorded, not "not a party".
    Filters: `instrument` (code) and `country` (ISO alpha-3)."""
    use_language(request, lang)
    if instrument and selectors.instrument_by_code(instrument[:20]) is None:
        raise ValidationError({"instrument": [f"Unknown instrument '{instrument[:20]}'."]})
    found = None
    if country:
        found = selectors.country_by_iso3(country) if len(country) == 3 else None
        if found is None:
            raise ValidationError(
                {"country": [f"No country has the ISO alpha-3 code '{country[:10]}'."]}
            )
    return [participation_out(p) for p in selectors.list_participation(instrument, found)]


@router.get("/crime-types", response=list[TaxonomyTermOut])
@paginate(LimitOffsetPagination)
def list_crime_types(request: HttpRequest, lang: str | None = None) -> Any:
    """Public (anonymous callers included). The fifteen crime types Palermo classifies by."""
    use_language(request, lang)
    return [
        {"code": t.code, "name": t.name, "description": t.description}
        for t in selectors.list_crime_types()
    ]


@router.get("/cross-cutting-issues", response=list[TaxonomyTermOut])
@paginate(LimitOffsetPagination)
def list_cross_cutting_issues(request: HttpRequest, lang: str | None = None) -> Any:
    """Public (anonymous callers included). Palermo's cross-cutting issues."""
    use_language(request, lang)
    return [
        {"code": t.code, "name": t.name, "description": t.description}
        for t in selectors.list_cross_cutting_issues()
    ]
