"""The writer's adapter to the directory's routing service and the knowledge base: what the
requested State accepts and which legal bases apply, as the plain facts the checks need."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from palermo.reference.measures import MEASURES, MEASURES_BY_CODE
from palermo.reference.models import Country
from palermo.writer.rules import Context

COERCIVE = frozenset(m.code for m in MEASURES if m.coercive)
FORMAL_CODES = ("original", "signature", "seal", "certification")


@dataclass
class Routing:
    """What the directory says about sending this request, reduced to what the writer uses."""

    authorities: list[dict[str, Any]] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    requirements: list[tuple[str, str]] = field(default_factory=list)  # (code, label)
    dual_criminality: bool | None = None
    untoc_applies: bool | None = None
    legal_bases: list[dict[str, Any]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    treaties: list[str] = field(default_factory=list)
    untoc_both_parties: bool | None = None


def main_request_type(measure_codes: list[str]) -> str:
    """The request type that governs routing: extradition first, then confiscation, then MLA."""
    types = [MEASURES_BY_CODE[c].request_type for c in measure_codes if c in MEASURES_BY_CODE]
    for preferred in (
        "extradition",
        "provisional_arrest",
        "confiscation",
        "transfer_of_proceedings",
    ):
        if preferred in types:
            return preferred
    return "mla"


def route(
    requesting: Country | None,
    requested: Country | None,
    measure_codes: list[str],
    urgent: bool = False,
    offence: str | None = None,
) -> Routing:
    """Ask the directory's `route_request` (and the reference data) about this request."""
    answer = Routing()
    if requesting is None or requested is None:
        return answer
    from palermo.directory.routing import route_request
    from palermo.reference.selectors import both_parties

    request_type = main_request_type(measure_codes)
    measure = next((c for c in measure_codes if c in COERCIVE), None) or (
        measure_codes[0] if measure_codes else None
    )
    routed = route_request(
        requesting, requested, request_type, measure=measure, urgent=urgent, offence=offence or None
    )
    answer.authorities = [
        {
            "id": r.authority.pk,
            "name": r.authority.name,
            "role": r.role,
            "address": r.authority.postal_address,
        }
        for r in routed.authorities
    ]
    answer.languages = list(routed.languages)
    answer.channels = [c.code for c in routed.channels]
    answer.requirements = [(r.code, r.label) for r in routed.requirements]
    answer.dual_criminality = routed.dual_criminality
    answer.reasons = [r.text for r in routed.reasons]
    answer.legal_bases = [
        {"code": b.code, "label": b.label, "applies": b.applies, "explanation": b.explanation}
        for b in routed.legal_bases
    ]
    untoc = next((b for b in routed.legal_bases if b.code == "untoc"), None)
    answer.untoc_applies = untoc.applies if untoc else None
    answer.treaties = [b.label for b in routed.legal_bases if b.code == "treaty"]
    answer.untoc_both_parties = both_parties(requesting, requested, "untoc")
    return answer


def proposed_bases(routing: Routing) -> list[str]:
    """Legal bases to propose, best first: a treaty, UNTOC when it applies, domestic law or
    reciprocity always."""
    proposed: list[str] = []
    if routing.treaties:
        proposed.append("treaty")
    if routing.untoc_applies is not False and routing.untoc_both_parties is not False:
        proposed.append("untoc")
    proposed += ["other_convention", "domestic_law", "reciprocity"]
    return proposed


def check_context(routing: Routing, today: datetime.date | None = None) -> Context:
    return Context(
        today=today or timezone.localdate(),
        coercive_measures=COERCIVE,
        accepted_languages=tuple(routing.languages),
        accepted_channels=tuple(routing.channels),
        formal_requirements=tuple(c for c, _label in routing.requirements if c in FORMAL_CODES),
        dual_criminality=routing.dual_criminality,
        untoc_both_parties=routing.untoc_both_parties,
        untoc_accepted_as_basis=routing.untoc_applies if routing.untoc_both_parties else None,
        treaties=tuple(routing.treaties),
        proposed_bases=tuple(proposed_bases(routing)),
    )
