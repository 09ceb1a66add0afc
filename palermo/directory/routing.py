""" "Where do I send this request?": the routing service used by the directory's lookup page,
its API and the request writer.

`route_request` reads the requested State's authorities, applies the rules of `rules.py` and
adds the legal bases between the two States (participation in the Convention from the reference
data, treaties from the knowledge base). The answer holds Authority records: whoever shows it
must pass them through `visibility.authority_data(user, authority)`, so restricted fields reach
verified practitioners only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from palermo.directory import rules
from palermo.directory.labels import (
    CERTIFICATION_LABELS,
    CHANNEL_LABELS,
    COMPETENCE_LABELS,
    CONTENT_LABELS,
    REASON_TEXTS,
    measure_label,
    request_type_label,
)
from palermo.directory.models import Authority
from palermo.reference.models import Country


@dataclass(frozen=True)
class RoutedAuthority:
    authority: Authority
    role: str  # "primary": send the request here; "also": inform or consult as well


@dataclass(frozen=True)
class Channel:
    code: str
    label: str


@dataclass(frozen=True)
class Requirement:
    code: str
    label: str


@dataclass(frozen=True)
class LegalBasis:
    code: str  # "untoc", "treaty", "domestic_law_or_reciprocity"
    label: str
    applies: bool | None  # None: participation not recorded
    explanation: str


@dataclass(frozen=True)
class RoutingReason:
    rule: str
    text: str


@dataclass
class RoutingAnswer:
    requesting_state: Country
    requested_state: Country
    request_type: str
    measure: str | None
    urgent: bool
    offence: str | None
    stage: str | None
    authorities: list[RoutedAuthority] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    advance_copy_by_email: bool = False
    languages: list[str] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    dual_criminality: bool | None = None
    legal_bases: list[LegalBasis] = field(default_factory=list)
    reasons: list[RoutingReason] = field(default_factory=list)

    @property
    def primary(self) -> list[Authority]:
        return [r.authority for r in self.authorities if r.role == "primary"]


def authority_facts(authority: Authority) -> rules.AuthorityFacts:
    return rules.AuthorityFacts(
        id=authority.pk,
        competences=frozenset(authority.competences),
        request_types=frozenset(authority.scope_request_types),
        measures=frozenset(authority.scope_measures),
        offences=frozenset(authority.scope_offences),
        stages=frozenset(authority.scope_stages),
        channels=frozenset(authority.channels),
        advance_copy_by_email=authority.advance_copy_by_email,
        dual_criminality_policy=authority.dual_criminality_policy,
        dual_criminality_measures=frozenset(authority.dual_criminality_measures),
    )


def route_request(
    requesting_state: Country,
    requested_state: Country,
    request_type: str,
    measure: str | None = None,
    urgent: bool = False,
    offence: str | None = None,
    stage: str | None = None,
) -> RoutingAnswer:
    """Who in `requested_state` receives this request, how, in which language, on what terms.

    Codes are validated by the callers (forms and API); unknown codes simply match no rule.
    """
    authorities = list(
        Authority.objects.filter(country=requested_state).prefetch_related("contacts")
    )
    by_id = {a.pk: a for a in authorities}
    request = rules.RequestFacts(request_type, measure, urgent, offence, stage)
    decision = rules.route([authority_facts(a) for a in authorities], request)
    answer = RoutingAnswer(
        requesting_state=requesting_state,
        requested_state=requested_state,
        request_type=request_type,
        measure=measure,
        urgent=urgent,
        offence=offence,
        stage=stage,
    )
    answer.authorities = [RoutedAuthority(by_id[i], "primary") for i in decision.primary] + [
        RoutedAuthority(by_id[i], "also") for i in decision.also
    ]
    answer.channels = [Channel(c, str(CHANNEL_LABELS[c])) for c in decision.channels]
    answer.advance_copy_by_email = decision.advance_copy_by_email
    answer.dual_criminality = decision.dual_criminality
    primary = answer.primary
    answer.languages = _languages(primary)
    answer.requirements = _formal_requirements(primary) + [
        Requirement(code, str(CONTENT_LABELS[code])) for code in decision.content
    ]
    answer.reasons = [_explain(reason, answer) for reason in decision.reasons]
    answer.legal_bases = legal_bases(requesting_state, requested_state, request_type, primary)
    return answer


def _languages(primary: list[Authority]) -> list[str]:
    languages: list[str] = []
    for authority in primary:
        languages += [code for code in authority.accepted_languages if code not in languages]
    return languages


def _formal_requirements(primary: list[Authority]) -> list[Requirement]:
    found: list[Requirement] = []
    if any(a.requires_original for a in primary):
        found.append(Requirement("original", _("Send the original signed request.")))
    if any(a.requires_signature for a in primary):
        found.append(Requirement("signature", _("The request must be signed.")))
    if any(a.requires_seal for a in primary):
        found.append(Requirement("seal", _("The request must bear the official seal.")))
    for authority in primary:
        if authority.certification != "none":
            found.append(
                Requirement("certification", str(CERTIFICATION_LABELS[authority.certification]))
            )
            break
    for authority in primary:
        if authority.translation_requirement:
            found.append(Requirement("translation", authority.translation_requirement))
            break
    return found


def _explain(reason: rules.Reason, answer: RoutingAnswer) -> RoutingReason:
    params: dict[str, Any] = dict(reason.params)
    if "competence" in params:
        code = params["competence"]
        params["competence"] = str(COMPETENCE_LABELS.get(code, code))
    params["state"] = answer.requested_state.name
    params["request"] = (
        measure_label(answer.measure) if answer.measure else request_type_label(answer.request_type)
    )
    template = REASON_TEXTS.get(reason.code)
    text = str(template) % params if template else reason.code
    return RoutingReason(reason.rule, text)


def legal_bases(
    requesting_state: Country,
    requested_state: Country,
    request_type: str,
    primary: list[Authority],
) -> list[LegalBasis]:
    """The Convention between the two States, treaties between them, and domestic law."""
    found: list[LegalBasis] = []
    both = _both_parties_untoc(requesting_state, requested_state)
    extradition = request_type in ("extradition", "provisional_arrest")
    accepts = [a.untoc_basis_extradition if extradition else a.untoc_basis_mla for a in primary]
    if extradition and None in accepts:
        # Not on the entry: the State's notification under art. 16(5), where recorded.
        notified = _extradition_basis_notified(requested_state)
        accepts = [notified if value is None else value for value in accepts]
    if both is None:
        explanation = _("Participation in the Convention is not recorded for both States.")
    elif both:
        explanation = _("Both States are parties to the Convention.")
    else:
        explanation = _("At least one of the two States is not a party to the Convention.")
    if both and False in accepts:
        explanation += " " + (
            _(
                "The requested State does not accept the Convention as a legal basis for "
                "extradition."
            )
            if extradition
            else _(
                "The requested State does not accept the Convention alone as a legal basis "
                "for assistance."
            )
        )
    applies = both if both is None or not both else (False not in accepts)
    found.append(
        LegalBasis(
            "untoc",
            _("United Nations Convention against Transnational Organized Crime"),
            applies,
            explanation,
        )
    )
    for treaty in _treaties(requesting_state, requested_state, extradition):
        found.append(
            LegalBasis(
                "treaty",
                str(treaty),
                True,
                _("A treaty between the two States recorded in the knowledge base."),
            )
        )
    found.append(
        LegalBasis(
            "domestic_law_or_reciprocity",
            _("Domestic law or reciprocity"),
            None,
            _(
                "Where no treaty applies, many States assist under their own law or on a promise "
                "of reciprocity."
            ),
        )
    )
    return found


def _both_parties_untoc(a: Country, b: Country) -> bool | None:
    try:
        from palermo.reference import selectors as reference_selectors

        both_parties = reference_selectors.both_parties
    except (ImportError, AttributeError):
        return None
    result: bool | None = both_parties(a, b, "untoc")
    return result


def _extradition_basis_notified(country: Country) -> bool | None:
    try:
        from palermo.reference.selectors import participation_of
    except ImportError:
        return None
    participation = participation_of(country, "untoc")
    return participation.extradition_basis_accepted if participation is not None else None


def _treaties(a: Country, b: Country, extradition: bool) -> list[Any]:
    try:
        from palermo.knowledge import selectors as knowledge_selectors

        treaties_between = knowledge_selectors.treaties_between
    except (ImportError, AttributeError):
        return []
    subject = "extradition" if extradition else "mla"
    return list(treaties_between(a, b, subject=subject))
