"""REST endpoints of the directory app, mounted under /api/v1/directory/ by palermo/api.py.

Every answer about an authority goes through visibility.authority_data: anonymous callers get
public fields only, verified practitioners every field.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema

from palermo.core.api_auth import optional_user
from palermo.directory import selectors, visibility
from palermo.directory.access import access_authority_by_id
from palermo.directory.labels import COMPETENCE_LABELS, OFFENCE_LABELS, STAGE_LABELS
from palermo.directory.labels import known_language_codes as language_codes
from palermo.directory.routing import RoutingAnswer, route_request
from palermo.reference.measures import MEASURES_BY_CODE, REQUEST_TYPE_CODES
from palermo.reference.models import Country

router = Router(tags=["directory"])


def _invalid(parameter: str, value: str, accepted: list[str]) -> ValidationError:
    shown = value if len(value) <= 60 else value[:60] + "…"
    return ValidationError(
        {
            parameter: [
                f"Unknown value {shown!r} for {parameter}. Accepted values: {', '.join(accepted)}."
            ]
        }
    )


def _country(parameter: str, value: str) -> Country:
    country = Country.objects.filter(iso3=value.strip().upper()).first()
    if country is None:
        accepted = list(Country.objects.order_by("iso3").values_list("iso3", flat=True))
        raise _invalid(parameter, value, accepted)
    return country


def _code(parameter: str, value: str, accepted: list[str]) -> str:
    if value not in accepted:
        raise _invalid(parameter, value, accepted)
    return value


class AuthorityOut(Schema):
    """An authority: the public fields for everyone; restricted fields (phones, emails, fax,
    urgent_procedure, notes, contacts, last_verified_by) only for verified practitioners."""

    id: int
    country: str
    country_name: str
    is_stale: bool
    version: int
    name: str | None = None
    local_names: list[dict[str, str]] | None = None
    transliteration: str | None = None
    competences: list[str] | None = None
    designations: list[str] | None = None
    scope_request_types: list[str] | None = None
    scope_measures: list[str] | None = None
    scope_offences: list[str] | None = None
    scope_stages: list[str] | None = None
    scope_region: str | None = None
    postal_address: str | None = None
    website: str | None = None
    office_hours: str | None = None
    time_zone: str | None = None
    accepted_languages: list[str] | None = None
    channels: list[str] | None = None
    advance_copy_by_email: bool | None = None
    requires_original: bool | None = None
    requires_signature: bool | None = None
    requires_seal: bool | None = None
    certification: str | None = None
    translation_requirement: str | None = None
    untoc_basis_mla: bool | None = None
    untoc_basis_extradition: bool | None = None
    dual_criminality_policy: str | None = None
    dual_criminality_measures: list[str] | None = None
    processing_time: str | None = None
    last_verified_at: Any = None
    guides: list[dict[str, Any]] | None = None
    phones: list[str] | None = None
    emails: list[str] | None = None
    fax: str | None = None
    urgent_procedure: str | None = None
    notes: str | None = None
    contacts: list[dict[str, Any]] | None = None
    last_verified_by: str | None = None


class RoutedAuthorityOut(Schema):
    role: str
    authority: AuthorityOut


class CodeLabel(Schema):
    code: str
    label: str


class LegalBasisOut(Schema):
    code: str
    label: str
    applies: bool | None
    explanation: str


class ReasonOut(Schema):
    rule: str
    text: str


class RouteOut(Schema):
    requesting_state: str
    requested_state: str
    request_type: str
    measure: str | None
    urgent: bool
    offence: str | None
    stage: str | None
    authorities: list[RoutedAuthorityOut]
    channels: list[CodeLabel]
    advance_copy_by_email: bool
    languages: list[str]
    language_accepted: bool | None
    requirements: list[CodeLabel]
    dual_criminality: bool | None
    legal_bases: list[LegalBasisOut]
    reasons: list[ReasonOut]


class AuthorityPage(Schema):
    items: list[AuthorityOut]
    count: int


@router.get("/authorities", response=AuthorityPage, exclude_unset=True)
def list_authorities(
    request: HttpRequest,
    country: str = "",
    competence: str = "",
    language: str = "",
    q: str = "",
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Public: the directory, filtered by State (ISO alpha-3), competence, accepted language
    (ISO 639-1) and a search text, `limit` and `offset` for pages. Anonymous callers get
    public fields, and the search looks in public fields only; verified practitioners get and
    search every field."""
    user = optional_user(request)
    if not 1 <= limit <= 500:
        raise ValidationError({"limit": ["limit must be between 1 and 500."]})
    if offset < 0:
        raise ValidationError({"offset": ["offset must be 0 or more."]})
    authorities = selectors.list_authorities(
        user,
        country=_country("country", country) if country else None,
        competence=_code("competence", competence, list(COMPETENCE_LABELS)) if competence else "",
        language=_code("language", language.lower(), sorted(language_codes())) if language else "",
        query=q.strip()[:200],
    )
    return {
        "items": [visibility.authority_data(user, a) for a in authorities[offset : offset + limit]],
        "count": authorities.count(),
    }


@router.get("/authorities/{authority_id}", response=AuthorityOut, exclude_unset=True)
def get_authority(request: HttpRequest, authority_id: int) -> dict[str, Any]:
    """Public: one authority; restricted fields for verified practitioners only."""
    user = optional_user(request)
    return visibility.authority_data(user, access_authority_by_id(user, authority_id))


@router.get("/route", response=RouteOut, exclude_unset=True)
def route(
    request: HttpRequest,
    requesting_state: str,
    requested_state: str,
    request_type: str,
    measure: str = "",
    urgent: bool = False,
    offence: str = "",
    stage: str = "",
    language: str = "",
) -> dict[str, Any]:
    """Public: where to send a request. States are ISO alpha-3 codes; request_type and measure
    come from the shared vocabulary; `language` (ISO 639-1, optional) asks whether the
    requested State accepts requests in it. Authority details follow field visibility."""
    user = optional_user(request)
    requesting = _country("requesting_state", requesting_state)
    requested = _country("requested_state", requested_state)
    _code("request_type", request_type, list(REQUEST_TYPE_CODES))
    if measure:
        fitting = [c for c, m in MEASURES_BY_CODE.items() if m.request_type == request_type]
        _code("measure", measure, fitting)
    if offence:
        _code("offence", offence, list(OFFENCE_LABELS))
    if stage:
        _code("stage", stage, list(STAGE_LABELS))
    if language:
        _code("language", language.lower(), sorted(language_codes()))
    answer = route_request(
        requesting,
        requested,
        request_type,
        measure=measure or None,
        urgent=urgent,
        offence=offence or None,
        stage=stage or None,
    )
    return route_data(user, answer, language.lower())


def route_data(user: Any, answer: RoutingAnswer, language: str = "") -> dict[str, Any]:
    return {
        "requesting_state": answer.requesting_state.iso3,
        "requested_state": answer.requested_state.iso3,
        "request_type": answer.request_type,
        "measure": answer.measure,
        "urgent": answer.urgent,
        "offence": answer.offence,
        "stage": answer.stage,
        "authorities": [
            {"role": r.role, "authority": visibility.authority_data(user, r.authority)}
            for r in answer.authorities
        ],
        "channels": [{"code": c.code, "label": c.label} for c in answer.channels],
        "advance_copy_by_email": answer.advance_copy_by_email,
        "languages": answer.languages,
        "language_accepted": (language in answer.languages if answer.languages else None)
        if language
        else None,
        "requirements": [{"code": r.code, "label": r.label} for r in answer.requirements],
        "dual_criminality": answer.dual_criminality,
        "legal_bases": [
            {"code": b.code, "label": b.label, "applies": b.applies, "explanation": b.explanation}
            for b in answer.legal_bases
        ],
        "reasons": [{"rule": r.rule, "text": r.text} for r in answer.reasons],
    }
