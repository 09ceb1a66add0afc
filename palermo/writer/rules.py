"""The checks of a request, as rules over plain data (no Django imports).

`check(draft, context)` returns findings: severity ("error" blocks finalising; "warning" must be
acknowledged), rule code, field path (the step and field to fix, e.g. "measures.0.bank") and
parameters for the message. The translated messages are in messages.py, keyed by rule code.

Groups of rules: CONTENT (art. 18(15); art. 13(3) for confiscation; essentials of extradition),
REQUESTED_STATE (language, channel, formal requirements, dual criminality, from the directory),
LEGAL_BASIS (consistency; for UNTOC arts 2, 3 and 18(1)), REFUSAL_RISK (warnings).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from palermo.writer.catalogue import MEASURE_FIELDS

ERROR = "error"
WARNING = "warning"
SERIOUS_CRIME_YEARS = 4  # art. 2(b)
CONFISCATION = {
    "confiscation_tracing",
    "confiscation_freezing",
    "confiscation_domestic_order",
    "confiscation_enforce_foreign_order",
}
EXTRADITION = {"extradition", "provisional_arrest"}
FINANCIAL = {
    "bank_records",
    "tracing_proceeds",
    "freezing",
    "confiscation_tracing",
    "confiscation_freezing",
}
FISCAL_WORDS = re.compile(
    r"\b(tax|fiscal|vat|customs|impôt|fiscale?|impuesto|tributari)", re.IGNORECASE
)
MIN_FACTS_LENGTH = 200


@dataclass(frozen=True)
class Finding:
    severity: str
    rule: str
    field: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass(frozen=True)
class Context:
    """What the checks know besides the draft: the directory's answer and the legal facts."""

    today: datetime.date
    coercive_measures: frozenset[str] = frozenset()
    accepted_languages: tuple[str, ...] = ()  # empty: not recorded
    accepted_channels: tuple[str, ...] = ()
    formal_requirements: tuple[str, ...] = ()  # original, signature, seal, certification, ...
    dual_criminality: bool | None = None  # requested State requires it for coercive measures
    untoc_both_parties: bool | None = None
    untoc_accepted_as_basis: bool | None = None  # by the requested State, for this request type
    treaties: tuple[str, ...] = ()  # titles of treaties in force between the two States
    proposed_bases: tuple[str, ...] = ()


@dataclass
class Checklist:
    findings: list[Finding] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        return [f.rule for f in self.findings]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    def blocks_finalising(self, acknowledged: set[str]) -> bool:
        return bool(self.errors) or any(w.rule not in acknowledged for w in self.warnings)


Rule = Callable[[dict[str, Any], Context], Iterator[Finding]]
RULES: list[Rule] = []


def rule(function: Rule) -> Rule:
    RULES.append(function)
    return function


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def part(draft: dict[str, Any], key: str) -> dict[str, Any]:
    value = draft.get(key)
    return value if isinstance(value, dict) else {}


def items(draft: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = draft.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def measure_codes(draft: dict[str, Any]) -> list[str]:
    return [str(m.get("code", "")) for m in items(draft, "measures")]


def fields_of(measure: dict[str, Any]) -> dict[str, Any]:
    values = measure.get("fields")
    return values if isinstance(values, dict) else {}


def penalty(offence: dict[str, Any]) -> float | None:
    try:
        return float(offence.get("max_penalty_years"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def parse_date(value: Any) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def finding(severity: str, rule_code: str, path: str, **params: Any) -> Finding:
    return Finding(severity, rule_code, path, tuple((k, str(v)) for k, v in params.items()))


# (a) Contents: art. 18(15), art. 13(3), extradition essentials -----------------------------


@rule
def requesting_authority(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    if blank(part(draft, "requesting_authority").get("name")):
        yield finding(ERROR, "content.requesting_authority", "requesting_authority.name")


@rule
def requested_state(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    if blank(draft.get("requested_state")):
        yield finding(ERROR, "content.requested_state", "requested_state")
    elif draft.get("requested_state") == part(draft, "requesting_authority").get("state"):
        yield finding(ERROR, "content.same_state", "requested_state")
    if blank(part(draft, "requested_authority").get("name")):
        yield finding(WARNING, "content.requested_authority", "requested_authority.name")


@rule
def proceedings(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    proceedings = part(draft, "proceedings")
    if blank(proceedings.get("subject")):
        yield finding(ERROR, "content.subject", "proceedings.subject")
    if blank(proceedings.get("conducting_authority")):
        yield finding(ERROR, "content.conducting_authority", "proceedings.conducting_authority")
    if blank(proceedings.get("case_reference")):
        yield finding(WARNING, "content.case_reference", "proceedings.case_reference")


@rule
def offences(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    found = items(draft, "offences")
    if not found:
        yield finding(ERROR, "content.offences", "offences")
    for index, offence in enumerate(found):
        if blank(offence.get("description")):
            yield finding(ERROR, "content.offence_description", f"offences.{index}.description")
        if blank(offence.get("provisions")):
            yield finding(ERROR, "content.offence_provisions", f"offences.{index}.provisions")
        years = penalty(offence)
        if years is None or years < 0:
            yield finding(ERROR, "content.offence_penalty", f"offences.{index}.max_penalty_years")


@rule
def facts(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    codes = measure_codes(draft)
    summary = str(part(draft, "facts").get("summary") or "")
    only_service = bool(codes) and set(codes) == {"service_of_documents"}
    if blank(summary):
        if not only_service:  # art. 18(15)(c): not needed for service of documents
            yield finding(ERROR, "content.facts", "facts.summary")
    elif len(summary.strip()) < MIN_FACTS_LENGTH and not only_service:
        yield finding(WARNING, "risk.facts_short", "facts.summary", minimum=MIN_FACTS_LENGTH)


@rule
def persons(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    found = items(draft, "persons")
    if not found:
        yield finding(WARNING, "content.persons", "persons")
    for index, person in enumerate(found):
        if blank(person.get("name")):
            yield finding(ERROR, "content.person_name", f"persons.{index}.name")
        if person.get("role") != "company" and blank(person.get("nationality")):
            yield finding(WARNING, "content.person_nationality", f"persons.{index}.nationality")
        if blank(person.get("location")):
            yield finding(WARNING, "content.person_location", f"persons.{index}.location")


@rule
def measures(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    found = items(draft, "measures")
    if not found:
        yield finding(ERROR, "content.measures", "measures")
    for index, measure in enumerate(found):
        code = str(measure.get("code", ""))
        if code not in MEASURE_FIELDS:
            yield finding(ERROR, "content.measure_unknown", f"measures.{index}.code", code=code)
            continue
        values = fields_of(measure)
        for spec in MEASURE_FIELDS[code]:
            if spec.required and blank(values.get(spec.name)):
                yield finding(
                    ERROR,
                    "content.measure_field",
                    f"measures.{index}.{spec.name}",
                    measure=code,
                    field=spec.name,
                )
        start, end = values.get("period_from"), values.get("period_to")
        if start and end and parse_date(start) and parse_date(end) and start > end:
            yield finding(ERROR, "content.period_order", f"measures.{index}.period_to")
        for spec in MEASURE_FIELDS[code]:
            value = values.get(spec.name)
            if spec.kind == "date" and not blank(value) and parse_date(value) is None:
                yield finding(ERROR, "content.date_format", f"measures.{index}.{spec.name}")


@rule
def purpose(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    if blank(draft.get("purpose")):
        yield finding(ERROR, "content.purpose", "purpose")


@rule
def procedures(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    procedures = part(draft, "procedures")
    asked = not blank(procedures.get("procedures")) or any(
        procedures.get(k) for k in ("certification", "officials_present", "oath")
    )
    if asked and blank(procedures.get("reasons")):
        yield finding(WARNING, "content.procedure_reasons", "procedures.reasons")


@rule
def confidentiality(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    wanted = part(draft, "confidentiality")
    if wanted.get("requested") and blank(wanted.get("reasons")):
        yield finding(ERROR, "content.confidentiality_reasons", "confidentiality.reasons")


@rule
def urgency(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    urgency = part(draft, "urgency")
    deadline_text = urgency.get("deadline")
    deadline = parse_date(deadline_text) if not blank(deadline_text) else None
    if not blank(deadline_text) and deadline is None:
        yield finding(ERROR, "content.date_format", "urgency.deadline")
    if deadline is not None and deadline < ctx.today:
        yield finding(ERROR, "content.deadline_past", "urgency.deadline")
    if (urgency.get("urgent") or deadline is not None) and blank(urgency.get("reasons")):
        yield finding(ERROR, "content.urgency_reasons", "urgency.reasons")  # art. 18(24)
    if urgency.get("urgent") and deadline is None:
        yield finding(WARNING, "content.urgent_without_deadline", "urgency.deadline")


@rule
def contact(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    person = part(draft, "contact")
    if blank(person.get("name")):
        yield finding(ERROR, "content.contact", "contact.name")
    elif blank(person.get("email")) and blank(person.get("phone")):
        yield finding(WARNING, "content.contact_details", "contact.email")
    email = person.get("email")
    if not blank(email) and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", str(email)):
        yield finding(ERROR, "content.contact_email", "contact.email")


def annex_kinds(draft: dict[str, Any]) -> set[str]:
    return {str(a.get("kind")) for a in items(draft, "annexes")}


@rule
def confiscation(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    codes = set(measure_codes(draft))
    if "confiscation_enforce_foreign_order" in codes and "order_copy" not in annex_kinds(draft):
        yield finding(ERROR, "confiscation.order_copy", "annexes")  # art. 13(3)(b)
    if codes & CONFISCATION and blank(part(draft, "facts").get("summary")):
        yield finding(ERROR, "confiscation.statement_of_facts", "facts.summary")  # art. 13(3)


@rule
def extradition(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    codes = set(measure_codes(draft))
    if "extradition" in codes:
        if "warrant" not in annex_kinds(draft) and "judgment" not in annex_kinds(draft):
            yield finding(ERROR, "extradition.warrant_annex", "annexes")
        if "legal_provisions" not in annex_kinds(draft):
            yield finding(WARNING, "extradition.provisions_annex", "annexes")
        if not any(p.get("role") in ("suspect", "accused") for p in items(draft, "persons")):
            yield finding(ERROR, "extradition.person_sought", "persons")
        elif not any(not blank(p.get("identifiers")) for p in items(draft, "persons")):
            yield finding(WARNING, "extradition.identification", "persons")
        if blank(draft.get("assurances")):
            yield finding(WARNING, "risk.extradition_assurances", "assurances")
    for index, measure in enumerate(items(draft, "measures")):
        if measure.get("code") == "provisional_arrest":
            values = fields_of(measure)
            if not values.get("extradition_request_to_follow"):
                yield finding(
                    ERROR,
                    "extradition.request_to_follow",
                    f"measures.{index}.extradition_request_to_follow",
                )
    if codes & EXTRADITION:
        for index, offence in enumerate(items(draft, "offences")):
            if blank(offence.get("dual_criminality_note")):
                yield finding(
                    ERROR, "extradition.dual_criminality", f"offences.{index}.dual_criminality_note"
                )


# (b) The requested State's requirements, from the directory -------------------------------


@rule
def language(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    target = str(draft.get("target_language") or "")
    # The directory records ISO 639-1 codes ("zh"); documents use "zh-hans".
    accepted = {code.lower() for code in ctx.accepted_languages}
    if accepted and target not in accepted and target.split("-")[0] not in accepted:
        yield finding(
            ERROR, "state.language", "target_language", accepted=", ".join(ctx.accepted_languages)
        )
    if target and draft.get("source_language") and draft.get("source_language") != target:
        yield finding(WARNING, "state.translation_needed", "source_language")


@rule
def channel(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    chosen = str(draft.get("channel") or "")
    if ctx.accepted_channels and chosen not in ctx.accepted_channels:
        yield finding(ERROR, "state.channel", "channel", accepted=", ".join(ctx.accepted_channels))


@rule
def formal_requirements(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    for code in ctx.formal_requirements:
        if code in ("original", "signature", "seal", "certification"):
            yield finding(WARNING, f"state.formal_{code}", "requested_authority.name")


@rule
def dual_criminality(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    codes = set(measure_codes(draft))
    if ctx.dual_criminality and codes & ctx.coercive_measures and not codes & EXTRADITION:
        for index, offence in enumerate(items(draft, "offences")):
            if blank(offence.get("dual_criminality_note")):
                yield finding(
                    WARNING, "state.dual_criminality", f"offences.{index}.dual_criminality_note"
                )


# (c) Consistency of the legal basis ----------------------------------------------------------


@rule
def legal_basis(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    basis = part(draft, "legal_basis")
    chosen = str(basis.get("chosen") or "")
    if not chosen:
        yield finding(ERROR, "basis.missing", "legal_basis.chosen")
        return
    if (
        ctx.proposed_bases
        and chosen not in ctx.proposed_bases
        and blank(basis.get("override_reason"))
    ):
        yield finding(ERROR, "basis.override_reason", "legal_basis.override_reason")
    if chosen in ("treaty", "other_convention") and blank(basis.get("instrument")):
        yield finding(ERROR, "basis.instrument", "legal_basis.instrument")
    if chosen == "treaty" and not ctx.treaties:
        yield finding(WARNING, "basis.treaty_not_recorded", "legal_basis.instrument")
    if chosen == "reciprocity":
        yield finding(WARNING, "basis.reciprocity_assurance", "legal_basis.chosen")
    if chosen == "untoc":
        yield from untoc(draft, ctx)


def untoc(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    if ctx.untoc_both_parties is False:
        yield finding(ERROR, "basis.untoc_not_parties", "legal_basis.chosen")
    elif ctx.untoc_both_parties is None:
        yield finding(WARNING, "basis.untoc_participation_unknown", "legal_basis.chosen")
    if ctx.untoc_accepted_as_basis is False:
        yield finding(ERROR, "basis.untoc_not_accepted", "legal_basis.chosen")
    offences = items(draft, "offences")
    in_scope = any(
        o.get("convention_offence") or ((penalty(o) or 0) >= SERIOUS_CRIME_YEARS) for o in offences
    )
    if offences and not in_scope:
        yield finding(
            ERROR,
            "basis.untoc_not_serious",
            "offences.0.max_penalty_years",
            years=SERIOUS_CRIME_YEARS,
        )
    facts = part(draft, "facts")
    if blank(facts.get("transnational_nature")):
        yield finding(ERROR, "basis.untoc_transnational", "facts.transnational_nature")
    if blank(facts.get("organized_criminal_group")):
        yield finding(ERROR, "basis.untoc_group", "facts.organized_criminal_group")


# (d) Warnings that lower the risk of refusal ------------------------------------------------


@rule
def fishing_expedition(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    for index, measure in enumerate(items(draft, "measures")):
        values = fields_of(measure)
        if blank(values.get("link_to_facts")):
            yield finding(WARNING, "risk.fishing_expedition", f"measures.{index}.link_to_facts")


def mentioned(name: str, draft: dict[str, Any]) -> bool:
    wanted = name.strip().casefold()
    if not wanted:
        return True
    names = [str(p.get("name", "")).casefold() for p in items(draft, "persons")]
    summary = str(part(draft, "facts").get("summary") or "").casefold()
    return any(wanted in n or (n and n in wanted) for n in names) or wanted in summary


@rule
def account_link(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    for index, measure in enumerate(items(draft, "measures")):
        if measure.get("code") != "bank_records":
            continue
        values = fields_of(measure)
        holder = str(values.get("account_holder") or "")
        if holder and not mentioned(holder, draft):
            yield finding(WARNING, "risk.account_not_linked", f"measures.{index}.account_holder")


@rule
def bank_secrecy_and_fiscal(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    if set(measure_codes(draft)) & FINANCIAL:
        yield finding(WARNING, "risk.bank_secrecy", "measures")  # art. 18(8)
    described = " ".join(str(o.get("description", "")) for o in items(draft, "offences"))
    if FISCAL_WORDS.search(described):
        yield finding(WARNING, "risk.fiscal_matters", "offences")  # arts 16(15), 18(22)


@rule
def proportionality(draft: dict[str, Any], ctx: Context) -> Iterator[Finding]:
    codes = set(measure_codes(draft))
    offences = items(draft, "offences")
    if (
        offences
        and codes & ctx.coercive_measures
        and all((penalty(o) or 0) < 1 and not o.get("convention_offence") for o in offences)
    ):
        yield finding(WARNING, "risk.minor_offence", "offences.0.max_penalty_years")


def check(draft: dict[str, Any], context: Context) -> Checklist:
    """Every rule over the draft, in the order of the wizard's steps within each group."""
    checklist = Checklist()
    for each in RULES:
        checklist.findings.extend(each(draft, context))
    return checklist
