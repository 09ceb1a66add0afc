"""The checks as a table: each row changes one complete fictional request (samples.py) and
names the rule codes that must appear, and those that must not."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from palermo.reference.measures import MEASURES
from palermo.writer.rules import Context, check
from palermo.writer.samples import sample

TODAY = datetime.date(2026, 11, 28)
COERCIVE = frozenset(m.code for m in MEASURES if m.coercive)
BASE = Context(
    today=TODAY,
    coercive_measures=COERCIVE,
    untoc_both_parties=True,
    untoc_accepted_as_basis=True,
    proposed_bases=("untoc", "domestic_law"),
)


def put(draft: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    target: Any = draft
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


# id, sample, {path: value}, context changes, codes expected, codes that must be absent
CASES: list[tuple[str, str, dict[str, Any], dict[str, Any], set[str], set[str]]] = [
    # complete requests: no errors
    ("bank complete", "bank_records", {}, {}, set(), {"content.facts", "basis.missing"}),
    ("extradition complete", "extradition", {}, {}, set(), {"extradition.warrant_annex"}),
    ("confiscation complete", "confiscation", {}, {}, set(), {"confiscation.order_copy"}),
    # (a) art. 18(15)
    (
        "no requesting authority",
        "bank_records",
        {"requesting_authority.name": ""},
        {},
        {"content.requesting_authority"},
        set(),
    ),
    (
        "blank requesting authority",
        "bank_records",
        {"requesting_authority.name": "   "},
        {},
        {"content.requesting_authority"},
        set(),
    ),
    (
        "no requested State",
        "bank_records",
        {"requested_state": ""},
        {},
        {"content.requested_state"},
        set(),
    ),
    (
        "requested State is the requesting State",
        "bank_records",
        {"requested_state": "ITA"},
        {},
        {"content.same_state"},
        set(),
    ),
    (
        "no requested authority",
        "bank_records",
        {"requested_authority.name": ""},
        {},
        {"content.requested_authority"},
        set(),
    ),
    ("no subject", "bank_records", {"proceedings.subject": ""}, {}, {"content.subject"}, set()),
    (
        "no conducting authority",
        "bank_records",
        {"proceedings.conducting_authority": ""},
        {},
        {"content.conducting_authority"},
        set(),
    ),
    (
        "no case reference",
        "bank_records",
        {"proceedings.case_reference": ""},
        {},
        {"content.case_reference"},
        set(),
    ),
    ("no offences", "bank_records", {"offences": []}, {}, {"content.offences"}, set()),
    (
        "offence without description",
        "bank_records",
        {"offences.0.description": ""},
        {},
        {"content.offence_description"},
        set(),
    ),
    (
        "offence without provisions",
        "bank_records",
        {"offences.0.provisions": ""},
        {},
        {"content.offence_provisions"},
        set(),
    ),
    (
        "offence without penalty",
        "bank_records",
        {"offences.0.max_penalty_years": ""},
        {},
        {"content.offence_penalty"},
        set(),
    ),
    (
        "negative penalty",
        "bank_records",
        {"offences.0.max_penalty_years": -2},
        {},
        {"content.offence_penalty"},
        set(),
    ),
    (
        "penalty as text",
        "bank_records",
        {"offences.0.max_penalty_years": "twelve"},
        {},
        {"content.offence_penalty"},
        set(),
    ),
    (
        "penalty as numeric string is fine",
        "bank_records",
        {"offences.0.max_penalty_years": "12"},
        {},
        set(),
        {"content.offence_penalty"},
    ),
    ("no facts", "bank_records", {"facts.summary": ""}, {}, {"content.facts"}, set()),
    (
        "short facts",
        "bank_records",
        {"facts.summary": "Money was moved."},
        {},
        {"risk.facts_short"},
        {"content.facts"},
    ),
    (
        "service of documents needs no facts",
        "bank_records",
        {
            "facts.summary": "",
            "measures": [
                {
                    "code": "service_of_documents",
                    "fields": {
                        "documents_to_serve": "Summons",
                        "recipient": "Marco Vellani",
                        "recipient_address": "Rome",
                        "link_to_facts": "He is the accused.",
                    },
                }
            ],
        },
        {},
        set(),
        {"content.facts", "risk.facts_short"},
    ),
    ("no persons", "bank_records", {"persons": []}, {}, {"content.persons"}, set()),
    (
        "person without name",
        "bank_records",
        {"persons.0.name": ""},
        {},
        {"content.person_name"},
        set(),
    ),
    (
        "person without nationality",
        "bank_records",
        {"persons.0.nationality": ""},
        {},
        {"content.person_nationality"},
        set(),
    ),
    (
        "company needs no nationality",
        "bank_records",
        {"persons.1.nationality": ""},
        {},
        set(),
        {"content.person_nationality"},
    ),
    (
        "person without location",
        "bank_records",
        {"persons.0.location": ""},
        {},
        {"content.person_location"},
        set(),
    ),
    ("no measures", "bank_records", {"measures": []}, {}, {"content.measures"}, set()),
    (
        "unknown measure",
        "bank_records",
        {"measures.0.code": "torture"},
        {},
        {"content.measure_unknown"},
        set(),
    ),
    (
        "bank records without bank",
        "bank_records",
        {"measures.0.fields.bank": ""},
        {},
        {"content.measure_field"},
        set(),
    ),
    (
        "bank records without accounts",
        "bank_records",
        {"measures.0.fields.account_numbers": ""},
        {},
        {"content.measure_field"},
        set(),
    ),
    (
        "bank records period reversed",
        "bank_records",
        {"measures.0.fields.period_from": "2026-12-01"},
        {},
        {"content.period_order"},
        set(),
    ),
    (
        "bank records bad date",
        "bank_records",
        {"measures.0.fields.period_to": "30/06/2026"},
        {},
        {"content.date_format"},
        set(),
    ),
    (
        "witness hearing without questions",
        "bank_records",
        {
            "measures": [
                {"code": "taking_evidence", "fields": {"witness": "A. Rossi", "link_to_facts": "x"}}
            ]
        },
        {},
        {"content.measure_field"},
        set(),
    ),
    (
        "search without items sought",
        "bank_records",
        {
            "measures": [
                {
                    "code": "search_seizure",
                    "fields": {"premises": "Warehouse 4", "link_to_facts": "x"},
                }
            ]
        },
        {},
        {"content.measure_field"},
        set(),
    ),
    ("no purpose", "bank_records", {"purpose": ""}, {}, {"content.purpose"}, set()),
    (
        "procedure without reasons",
        "bank_records",
        {"procedures.reasons": ""},
        {},
        {"content.procedure_reasons"},
        set(),
    ),
    (
        "oath without reasons",
        "confiscation",
        {"procedures": {"procedures": "", "reasons": "", "oath": True}},
        {},
        {"content.procedure_reasons"},
        set(),
    ),
    (
        "confidentiality without reasons",
        "bank_records",
        {"confidentiality.reasons": ""},
        {},
        {"content.confidentiality_reasons"},
        set(),
    ),
    (
        "no confidentiality, no reasons needed",
        "bank_records",
        {"confidentiality": {"requested": False, "reasons": ""}},
        {},
        set(),
        {"content.confidentiality_reasons"},
    ),
    (
        "deadline without reasons",
        "bank_records",
        {"urgency.reasons": ""},
        {},
        {"content.urgency_reasons"},
        set(),
    ),
    (
        "deadline in the past",
        "bank_records",
        {"urgency.deadline": "2026-11-01"},
        {},
        {"content.deadline_past"},
        set(),
    ),
    (
        "deadline not a date",
        "bank_records",
        {"urgency.deadline": "soon"},
        {},
        {"content.date_format"},
        set(),
    ),
    (
        "urgent without deadline",
        "extradition",
        {"urgency.deadline": ""},
        {},
        {"content.urgent_without_deadline"},
        {"content.urgency_reasons"},
    ),
    ("no contact", "bank_records", {"contact.name": ""}, {}, {"content.contact"}, set()),
    (
        "contact without e-mail or phone",
        "bank_records",
        {"contact.email": "", "contact.phone": ""},
        {},
        {"content.contact_details"},
        set(),
    ),
    (
        "contact e-mail malformed",
        "bank_records",
        {"contact.email": "alice at demo"},
        {},
        {"content.contact_email"},
        set(),
    ),
    # art. 13(3) and extradition essentials
    (
        "foreign order without copy",
        "confiscation",
        {"annexes": []},
        {},
        {"confiscation.order_copy"},
        set(),
    ),
    (
        "confiscation without facts",
        "confiscation",
        {"facts.summary": ""},
        {},
        {"confiscation.statement_of_facts", "content.facts"},
        set(),
    ),
    (
        "foreign order without extent",
        "confiscation",
        {"measures.1.fields.extent_of_execution": ""},
        {},
        {"content.measure_field"},
        set(),
    ),
    (
        "freezing without actions requested",
        "confiscation",
        {"measures.0.fields.actions_requested": ""},
        {},
        {"content.measure_field"},
        set(),
    ),
    (
        "extradition without warrant",
        "extradition",
        {"annexes": [{"title": "Provisions", "kind": "legal_provisions", "pages": 2}]},
        {},
        {"extradition.warrant_annex"},
        set(),
    ),
    (
        "extradition without provisions annex",
        "extradition",
        {"annexes": [{"title": "Warrant", "kind": "warrant", "pages": 2}]},
        {},
        {"extradition.provisions_annex"},
        {"extradition.warrant_annex"},
    ),
    (
        "extradition without person sought",
        "extradition",
        {"persons.0.role": "witness"},
        {},
        {"extradition.person_sought"},
        set(),
    ),
    (
        "extradition without identification",
        "extradition",
        {"persons.0.identifiers": ""},
        {},
        {"extradition.identification"},
        set(),
    ),
    (
        "extradition without assurances",
        "extradition",
        {"assurances": ""},
        {},
        {"risk.extradition_assurances"},
        set(),
    ),
    (
        "provisional arrest without undertaking",
        "extradition",
        {"measures.0.fields.extradition_request_to_follow": False},
        {},
        {"extradition.request_to_follow"},
        set(),
    ),
    (
        "extradition without dual criminality",
        "extradition",
        {"offences.0.dual_criminality_note": ""},
        {},
        {"extradition.dual_criminality"},
        set(),
    ),
    (
        "extradition without warrant date",
        "extradition",
        {"measures.1.fields.warrant_date": ""},
        {},
        {"content.measure_field"},
        set(),
    ),
    # (b) requested State's requirements
    (
        "language not accepted",
        "bank_records",
        {},
        {"accepted_languages": ("pt", "en")},
        {"state.language"},
        set(),
    ),
    (
        "language accepted",
        "bank_records",
        {},
        {"accepted_languages": ("es",)},
        set(),
        {"state.language"},
    ),
    (
        "Chinese accepted as zh",
        "bank_records",
        {"target_language": "zh-hans"},
        {"accepted_languages": ("zh",)},
        set(),
        {"state.language"},
    ),
    (
        "languages not recorded",
        "bank_records",
        {},
        {"accepted_languages": ()},
        set(),
        {"state.language"},
    ),
    ("free text to translate", "bank_records", {}, {}, {"state.translation_needed"}, set()),
    (
        "free text in target language",
        "bank_records",
        {"source_language": "es"},
        {},
        set(),
        {"state.translation_needed"},
    ),
    (
        "channel not accepted",
        "bank_records",
        {},
        {"accepted_channels": ("diplomatic",)},
        {"state.channel"},
        set(),
    ),
    (
        "channel accepted",
        "bank_records",
        {"channel": "diplomatic"},
        {"accepted_channels": ("diplomatic",)},
        set(),
        {"state.channel"},
    ),
    (
        "original required",
        "bank_records",
        {},
        {"formal_requirements": ("original",)},
        {"state.formal_original"},
        set(),
    ),
    (
        "seal and apostille required",
        "bank_records",
        {},
        {"formal_requirements": ("seal", "certification")},
        {"state.formal_seal", "state.formal_certification"},
        set(),
    ),
    (
        "dual criminality needed and not explained",
        "bank_records",
        {},
        {"dual_criminality": True},
        {"state.dual_criminality"},
        set(),
    ),
    (
        "dual criminality not needed",
        "bank_records",
        {},
        {"dual_criminality": False},
        set(),
        {"state.dual_criminality"},
    ),
    (
        "dual criminality for non-coercive measure",
        "bank_records",
        {
            "measures.0.code": "other_assistance",
            "measures.0.fields": {
                "description": "Copies of a public register",
                "link_to_facts": "x",
            },
        },
        {"dual_criminality": True},
        set(),
        {"state.dual_criminality"},
    ),
    # (c) legal basis
    ("no legal basis", "bank_records", {"legal_basis.chosen": ""}, {}, {"basis.missing"}, set()),
    (
        "override without reason",
        "bank_records",
        {"legal_basis.chosen": "reciprocity"},
        {},
        {"basis.override_reason", "basis.reciprocity_assurance"},
        set(),
    ),
    (
        "override with reason",
        "bank_records",
        {"legal_basis.chosen": "reciprocity", "legal_basis.override_reason": "Policy"},
        {},
        {"basis.reciprocity_assurance"},
        {"basis.override_reason"},
    ),
    (
        "treaty without its title",
        "bank_records",
        {"legal_basis.chosen": "treaty"},
        {"proposed_bases": ("treaty",)},
        {"basis.instrument", "basis.treaty_not_recorded"},
        set(),
    ),
    (
        "treaty recorded",
        "bank_records",
        {"legal_basis.chosen": "treaty", "legal_basis.instrument": "MLA Treaty X-Y"},
        {"proposed_bases": ("treaty",), "treaties": ("MLA Treaty X-Y",)},
        set(),
        {"basis.instrument", "basis.treaty_not_recorded"},
    ),
    (
        "UNTOC but not both parties",
        "bank_records",
        {},
        {"untoc_both_parties": False},
        {"basis.untoc_not_parties"},
        set(),
    ),
    (
        "UNTOC participation not recorded",
        "bank_records",
        {},
        {"untoc_both_parties": None},
        {"basis.untoc_participation_unknown"},
        {"basis.untoc_not_parties"},
    ),
    (
        "UNTOC not accepted for extradition",
        "extradition",
        {},
        {"untoc_accepted_as_basis": False},
        {"basis.untoc_not_accepted"},
        set(),
    ),
    (
        "UNTOC minor offence",
        "bank_records",
        {
            "offences": [
                {
                    "description": "Petty theft",
                    "provisions": "Art. 1",
                    "max_penalty_years": 2,
                    "convention_offence": False,
                }
            ]
        },
        {},
        {"basis.untoc_not_serious"},
        set(),
    ),
    (
        "UNTOC four years is serious",
        "bank_records",
        {
            "offences": [
                {
                    "description": "Fraud",
                    "provisions": "Art. 640",
                    "max_penalty_years": 4,
                    "convention_offence": False,
                }
            ]
        },
        {},
        set(),
        {"basis.untoc_not_serious"},
    ),
    (
        "UNTOC Convention offence below four years",
        "bank_records",
        {
            "offences": [
                {
                    "description": "Obstruction",
                    "provisions": "Art. 377",
                    "max_penalty_years": 3,
                    "convention_offence": True,
                }
            ]
        },
        {},
        set(),
        {"basis.untoc_not_serious"},
    ),
    (
        "UNTOC transnational nature missing",
        "bank_records",
        {"facts.transnational_nature": ""},
        {},
        {"basis.untoc_transnational"},
        set(),
    ),
    (
        "UNTOC group missing",
        "bank_records",
        {"facts.organized_criminal_group": ""},
        {},
        {"basis.untoc_group"},
        set(),
    ),
    (
        "not UNTOC: no group needed",
        "bank_records",
        {"legal_basis.chosen": "domestic_law", "facts.organized_criminal_group": ""},
        {},
        set(),
        {"basis.untoc_group"},
    ),
    # (d) refusal risks
    (
        "fishing expedition",
        "bank_records",
        {"measures.0.fields.link_to_facts": ""},
        {},
        {"risk.fishing_expedition"},
        set(),
    ),
    (
        "account holder not linked",
        "bank_records",
        {"measures.0.fields.account_holder": "Unrelated Trust"},
        {},
        {"risk.account_not_linked"},
        set(),
    ),
    (
        "account holder named in facts only",
        "bank_records",
        {"measures.0.fields.account_holder": "Lumen Trading S.r.l.", "persons": []},
        {},
        set(),
        {"risk.account_not_linked"},
    ),
    ("bank secrecy explained", "bank_records", {}, {}, {"risk.bank_secrecy"}, set()),
    ("no bank secrecy note for extradition", "extradition", {}, {}, set(), {"risk.bank_secrecy"}),
    (
        "fiscal matters explained",
        "bank_records",
        {"offences.0.description": "Tax fraud through false invoices"},
        {},
        {"risk.fiscal_matters"},
        set(),
    ),
    (
        "minor offence with coercive measure",
        "bank_records",
        {
            "legal_basis.chosen": "domestic_law",
            "offences": [
                {"description": "Littering", "provisions": "Art. 9", "max_penalty_years": 0.5}
            ],
        },
        {},
        {"risk.minor_offence"},
        set(),
    ),
    # bad shapes must not crash
    (
        "offences not a list",
        "bank_records",
        {"offences": "laundering"},
        {},
        {"content.offences"},
        set(),
    ),
    ("facts not an object", "bank_records", {"facts": "text"}, {}, {"content.facts"}, set()),
    (
        "measure fields not an object",
        "bank_records",
        {"measures.0.fields": None},
        {},
        {"content.measure_field"},
        set(),
    ),
]


@pytest.mark.parametrize(
    "name, sample_name, changes, context_changes, expected, absent",
    CASES,
    ids=[case[0] for case in CASES],
)
def test_checklist(
    name: str,
    sample_name: str,
    changes: dict[str, Any],
    context_changes: dict[str, Any],
    expected: set[str],
    absent: set[str],
) -> None:
    draft = sample(sample_name)
    for path, value in changes.items():
        put(draft, path, value)
    codes = set(check(draft, replace(BASE, **context_changes)).codes)
    assert expected <= codes, f"missing {expected - codes}"
    assert not (absent & codes), f"unexpected {absent & codes}"


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("sample_name", ["bank_records", "extradition", "confiscation"])
def test_complete_samples_have_no_errors(sample_name: str) -> None:
    checklist = check(sample(sample_name), BASE)
    assert checklist.errors == []


def test_every_finding_points_to_a_field_and_has_a_severity() -> None:
    draft: dict[str, Any] = {}
    checklist = check(draft, BASE)
    assert checklist.errors
    for found in checklist.findings:
        assert found.severity in ("error", "warning")
        assert found.field


def test_warnings_block_until_acknowledged() -> None:
    checklist = check(sample("bank_records"), BASE)
    warnings = {w.rule for w in checklist.warnings}
    assert warnings and checklist.blocks_finalising(set())
    assert not checklist.blocks_finalising(warnings)


def test_rules_module_has_no_django_imports() -> None:
    import palermo.writer.catalogue as catalogue
    import palermo.writer.rules as rules

    for module in (rules, catalogue):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert "django" not in source.lower().replace("no django imports", "")
