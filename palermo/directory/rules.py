"""Routing rules: which authority of the requested State receives a request, through which
channel, and what it requires. Plain Python, no Django: tables of rules and pure functions.

A rule is a row; a new rule is a new row, tested by a new row in tests/test_rules.py.
`route()` takes facts about the requested State's authorities (AuthorityFacts) and the request
(RequestFacts) and returns a Decision of codes; routing.py turns codes into translated words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# Measures where dual criminality is most often required (coercive), from the shared vocabulary;
# kept here as data so the engine stays free of Django. tests/test_rules.py checks they agree.
COERCIVE_MEASURES: frozenset[str] = frozenset(
    {
        "search_seizure",
        "freezing",
        "bank_records",
        "transfer_detained_person",
        "e_evidence_traffic",
        "e_evidence_content",
        "e_evidence_real_time",
        "controlled_delivery",
        "confiscation_freezing",
        "confiscation_domestic_order",
        "confiscation_enforce_foreign_order",
        "extradition",
        "provisional_arrest",
    }
)


@dataclass(frozen=True)
class AuthorityFacts:
    id: int
    competences: frozenset[str]
    request_types: frozenset[str] = frozenset()  # empty: all
    measures: frozenset[str] = frozenset()
    offences: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    advance_copy_by_email: bool = False
    dual_criminality_policy: str = "unknown"
    dual_criminality_measures: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RequestFacts:
    request_type: str
    measure: str | None = None
    urgent: bool = False
    offence: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class CompetenceRule:
    """When the request matches, authorities with `competence` receive it in `role`."""

    id: str
    competence: str
    role: str  # "primary": send it here; "also": inform or consult as well
    request_types: frozenset[str] = frozenset()  # empty: any
    measures: frozenset[str] = frozenset()
    offences: frozenset[str] = frozenset()
    urgent: bool | None = None  # None: either

    def matches(self, request: RequestFacts) -> bool:
        if self.request_types and request.request_type not in self.request_types:
            return False
        if self.measures and request.measure not in self.measures:
            return False
        if self.offences and request.offence not in self.offences:
            return False
        return self.urgent is None or self.urgent == request.urgent

    @property
    def specificity(self) -> int:
        return (
            bool(self.request_types)
            + 2 * bool(self.measures)
            + 2 * bool(self.offences)
            + bool(self.urgent is not None)
        )


def _set(*codes: str) -> frozenset[str]:
    return frozenset(codes)


E_EVIDENCE = _set(
    "e_evidence_preservation",
    "e_evidence_subscriber",
    "e_evidence_traffic",
    "e_evidence_content",
    "e_evidence_real_time",
)
ASSETS = _set("freezing", "tracing_proceeds", "bank_records")

# The primary rules, most specific first when several match. Every request that has no more
# specific rule goes to the central authority for mutual legal assistance (art. 18(13)).
COMPETENCE_RULES: tuple[CompetenceRule, ...] = (
    CompetenceRule(
        "urgent-e-evidence-24-7",
        "cybercrime_24_7",
        "primary",
        _set("mla"),
        _set("e_evidence_preservation"),
        urgent=True,
    ),
    CompetenceRule("e-evidence-24-7-also", "cybercrime_24_7", "also", _set("mla"), E_EVIDENCE),
    CompetenceRule("extradition-authority", "extradition", "primary", _set("extradition")),
    CompetenceRule(
        "provisional-arrest-extradition-authority",
        "extradition",
        "primary",
        _set("provisional_arrest"),
    ),
    CompetenceRule(
        "provisional-arrest-interpol",
        "interpol_ncb",
        "also",
        _set("provisional_arrest"),
        urgent=True,
    ),
    CompetenceRule(
        "confiscation-asset-recovery", "asset_recovery", "primary", _set("confiscation")
    ),
    CompetenceRule("mla-assets-asset-recovery", "asset_recovery", "also", _set("mla"), ASSETS),
    CompetenceRule("mla-bank-records-fiu", "fiu", "also", _set("mla"), _set("bank_records")),
    CompetenceRule(
        "smuggling-by-sea",
        "migrant_smuggling_by_sea",
        "also",
        offences=_set("smuggling_of_migrants"),
    ),
    CompetenceRule(
        "firearms-authority", "firearms", "also", offences=_set("trafficking_in_firearms")
    ),
    CompetenceRule(
        "cultural-property-authority",
        "cultural_property",
        "also",
        offences=_set("trafficking_in_cultural_property"),
    ),
    CompetenceRule(
        "mla-central-authority",
        "mla_central_authority",
        "primary",
        _set("mla", "transfer_of_proceedings"),
    ),
)

# When no authority holds the competence a primary rule asks for, the central authority for
# mutual legal assistance receives the request and forwards it (its usual role in practice).
FALLBACK_COMPETENCE = "mla_central_authority"

# What a request must contain, by request type: art. 18(15) for assistance, plus art. 13(3)
# for confiscation; extradition files need the warrant or judgment and the offence's text.
CONTENT_REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "mla": (
        "requesting_authority",
        "subject_and_authority",
        "summary_of_facts",
        "assistance_sought",
        "persons_concerned",
        "purpose",
    ),
    "transfer_of_proceedings": (
        "requesting_authority",
        "subject_and_authority",
        "summary_of_facts",
        "persons_concerned",
        "case_file",
    ),
    "confiscation": (
        "requesting_authority",
        "subject_and_authority",
        "summary_of_facts",
        "assistance_sought",
        "description_of_property",
        "purpose",
    ),
    "extradition": (
        "requesting_authority",
        "person_identity",
        "warrant_or_judgment",
        "summary_of_facts",
        "text_of_offence",
    ),
    "provisional_arrest": (
        "requesting_authority",
        "person_identity",
        "warrant_or_judgment",
        "summary_of_facts",
        "undertaking_to_request_extradition",
    ),
}
EXTRA_CONTENT: dict[str, tuple[str, ...]] = {
    "confiscation_enforce_foreign_order": ("copy_of_order", "extent_of_execution"),
    "confiscation_domestic_order": ("description_of_property",),
    "service_of_documents": (),
}
# Service of documents needs no summary of the facts (art. 18(15)(c)).
CONTENT_NOT_NEEDED: dict[str, tuple[str, ...]] = {"service_of_documents": ("summary_of_facts",)}


@dataclass(frozen=True)
class Reason:
    code: str
    rule: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass
class Decision:
    primary: list[int] = field(default_factory=list)
    also: list[int] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    advance_copy_by_email: bool = False
    dual_criminality: bool | None = None
    content: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)


def in_scope(authority: AuthorityFacts, request: RequestFacts) -> bool:
    """An empty scope list means the authority handles everything of that kind."""
    if authority.request_types and request.request_type not in authority.request_types:
        return False
    if authority.measures and request.measure and request.measure not in authority.measures:
        return False
    if authority.offences and request.offence and request.offence not in authority.offences:
        return False
    return not (authority.stages and request.stage and request.stage not in authority.stages)


def matching_rules(request: RequestFacts) -> list[CompetenceRule]:
    found = [rule for rule in COMPETENCE_RULES if rule.matches(request)]
    return sorted(found, key=lambda rule: -rule.specificity)


def choose_channels(
    authorities: Iterable[AuthorityFacts], request: RequestFacts
) -> tuple[list[str], list[Reason]]:
    """Central authority to central authority where accepted; diplomatic channels where the
    State insists; INTERPOL in addition for urgent requests where accepted."""
    accepted: set[str] = set()
    for authority in authorities:
        accepted |= authority.channels
    channels: list[str] = []
    reasons: list[Reason] = []
    if request.urgent and "interpol" in accepted:
        channels.append("interpol")
        reasons.append(Reason("channel_interpol_urgent", "channel-interpol-urgent"))
    if "central_authority" in accepted:
        channels.append("central_authority")
        reasons.append(Reason("channel_central_authority", "channel-central-authority"))
    if "diplomatic" in accepted and "central_authority" not in accepted:
        channels.append("diplomatic")
        reasons.append(Reason("channel_diplomatic_only", "channel-diplomatic-only"))
    elif "diplomatic" in accepted:
        channels.append("diplomatic")
    if not channels:
        channels.append("diplomatic")
        reasons.append(Reason("channel_not_recorded", "channel-default-diplomatic"))
    return channels, reasons


def dual_criminality(authority: AuthorityFacts, request: RequestFacts) -> bool | None:
    """Whether the requested State asks for dual criminality here; None when not recorded.
    Extradition always needs it (art. 16(1))."""
    code = request.measure or request.request_type
    if request.request_type in ("extradition", "provisional_arrest"):
        return True
    policy = authority.dual_criminality_policy
    if policy == "never":
        return False
    if policy == "always":
        return True
    if policy == "coercive":
        return code in COERCIVE_MEASURES
    if policy == "listed":
        return code in authority.dual_criminality_measures
    return None


def content_required(request: RequestFacts) -> list[str]:
    codes = list(CONTENT_REQUIREMENTS.get(request.request_type, ()))
    if request.measure:
        codes += [c for c in EXTRA_CONTENT.get(request.measure, ()) if c not in codes]
        skip = CONTENT_NOT_NEEDED.get(request.measure, ())
        codes = [c for c in codes if c not in skip]
    return codes


def _competence(rule: CompetenceRule) -> tuple[tuple[str, str], ...]:
    return (("competence", rule.competence),)


def route(authorities: Iterable[AuthorityFacts], request: RequestFacts) -> Decision:
    pool = list(authorities)
    decision = Decision(content=content_required(request))
    if not pool:
        decision.reasons.append(Reason("no_authorities", "no-authorities"))
        return decision
    in_scope_pool = [a for a in pool if in_scope(a, request)]
    primary_found = False
    for rule in matching_rules(request):
        holders = [a.id for a in in_scope_pool if rule.competence in a.competences]
        if not holders:
            continue
        if rule.role == "primary" and not primary_found:
            decision.primary = holders
            primary_found = True
            decision.reasons.append(Reason("rule_primary", rule.id, _competence(rule)))
        elif rule.role == "also":
            new = [h for h in holders if h not in decision.primary and h not in decision.also]
            if new:
                decision.also.extend(new)
                decision.reasons.append(Reason("rule_also", rule.id, _competence(rule)))
    if not primary_found:
        holders = [a.id for a in in_scope_pool if FALLBACK_COMPETENCE in a.competences]
        if not holders:
            holders = [a.id for a in pool if FALLBACK_COMPETENCE in a.competences]
        if holders:
            decision.primary = holders
            decision.reasons.append(Reason("fallback_central_authority", "fallback"))
        else:
            decision.reasons.append(Reason("no_competent_authority", "no-competent-authority"))
    # An authority sent the request need not also be named as one to inform.
    decision.also = [h for h in decision.also if h not in decision.primary]
    chosen = [a for a in pool if a.id in decision.primary]
    if chosen:
        decision.channels, channel_reasons = choose_channels(chosen, request)
        decision.reasons.extend(channel_reasons)
        decision.advance_copy_by_email = any(a.advance_copy_by_email for a in chosen)
        verdicts = {dual_criminality(a, request) for a in chosen}
        decision.dual_criminality = (
            True if True in verdicts else (False if verdicts == {False} else None)
        )
        decision.reasons.append(
            Reason(
                "dual_criminality_"
                + {True: "required", False: "not_required", None: "unknown"}[
                    decision.dual_criminality
                ],
                "dual-criminality",
            )
        )
    return decision
