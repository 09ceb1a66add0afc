"""What a request holds, as plain data (no Django imports): the wizard's steps and the fields of
each measure. The forms, the API schema, the checks and the documents are all built from these
tables, so a new measure field is one new row here (with its label in labels.py).

Field kinds: "text" (one line), "long" (paragraphs), "date" (YYYY-MM-DD), "bool", "number",
"choice" (one of `choices`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    free_text: bool = False  # typed by the user in their own language: marked for translation


def text(name: str, required: bool = False) -> FieldSpec:
    return FieldSpec(name, "text", required, free_text=True)


def long(name: str, required: bool = False) -> FieldSpec:
    return FieldSpec(name, "long", required, free_text=True)


def date(name: str, required: bool = False) -> FieldSpec:
    return FieldSpec(name, "date", required)


def flag(name: str) -> FieldSpec:
    return FieldSpec(name, "bool")


def choice(name: str, choices: tuple[str, ...], required: bool = False) -> FieldSpec:
    return FieldSpec(name, "choice", required, choices)


# Every measure also has "link_to_facts": how the measure follows from the facts (the checks
# warn of a fishing expedition without it).
LINK_TO_FACTS = long("link_to_facts")

MEASURE_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "taking_evidence": (
        text("witness", True),
        long("questions", True),
        flag("video_link"),
        text("officials_to_attend"),
        flag("under_oath"),
    ),
    "service_of_documents": (
        long("documents_to_serve", True),
        text("recipient", True),
        long("recipient_address", True),
        text("proof_of_service"),
    ),
    "search_seizure": (
        long("premises", True),
        long("items_sought", True),
        text("court_order_reference"),
    ),
    "freezing": (
        long("property_description", True),
        text("property_location", True),
        text("owner"),
        text("estimated_value"),
    ),
    "examining_objects_sites": (long("objects_or_sites", True), long("examination_sought", True)),
    "information_expert_evaluations": (long("information_sought", True), text("holder")),
    "bank_records": (
        text("bank", True),
        text("account_holder", True),
        long("account_numbers", True),
        date("period_from", True),
        date("period_to", True),
        long("record_types"),
    ),
    "tracing_proceeds": (
        long("assets_sought", True),
        long("persons_or_entities", True),
        long("known_locations"),
    ),
    "voluntary_appearance": (
        text("person", True),
        text("date_and_place", True),
        flag("expenses_covered"),
        flag("safe_conduct"),
    ),
    "other_assistance": (long("description", True),),
    "video_hearing": (
        text("person", True),
        long("questions", True),
        text("proposed_dates"),
        text("officials_to_attend"),
        text("interpreter_language"),
    ),
    "transfer_detained_person": (
        text("person", True),
        text("place_of_detention", True),
        long("purpose_of_presence", True),
        text("period", True),
        long("custody_arrangements"),
    ),
    "e_evidence_preservation": (
        text("service_provider", True),
        long("identifiers", True),
        long("data_types", True),
        text("period"),
    ),
    "e_evidence_subscriber": (
        text("service_provider", True),
        long("identifiers", True),
        text("period"),
    ),
    "e_evidence_traffic": (
        text("service_provider", True),
        long("identifiers", True),
        date("period_from", True),
        date("period_to", True),
    ),
    "e_evidence_content": (
        text("service_provider", True),
        long("identifiers", True),
        date("period_from", True),
        date("period_to", True),
    ),
    "e_evidence_real_time": (
        text("service_provider", True),
        long("identifiers", True),
        text("duration", True),
        text("domestic_authorisation"),
    ),
    "joint_investigation_team": (
        long("team_purpose", True),
        text("duration", True),
        long("participants", True),
        text("team_leader"),
    ),
    "controlled_delivery": (
        long("consignment", True),
        long("route", True),
        text("expected_date"),
        text("officials_escorting"),
    ),
    "transfer_of_proceedings": (
        text("suspect", True),
        long("reasons_for_transfer", True),
        long("evidence_transmitted", True),
    ),
    "confiscation_tracing": (
        long("assets_sought", True),
        long("persons_or_entities", True),
        long("actions_requested", True),
    ),
    "confiscation_freezing": (
        long("property_description", True),
        text("property_location", True),
        long("actions_requested", True),
        text("owner"),
    ),
    "confiscation_domestic_order": (
        long("property_description", True),
        text("property_location", True),
        text("owner"),
    ),
    "confiscation_enforce_foreign_order": (
        text("order_reference", True),
        text("issuing_court", True),
        date("order_date", True),
        flag("order_is_final"),
        long("extent_of_execution", True),
        long("property_description", True),
    ),
    "extradition": (
        text("person", True),
        text("warrant_reference", True),
        text("warrant_authority", True),
        date("warrant_date", True),
        choice("sought_for", ("prosecution", "enforcement"), True),
        text("sentence_remaining"),
    ),
    "provisional_arrest": (
        text("person", True),
        text("warrant_reference", True),
        long("urgency_reasons", True),
        text("whereabouts", True),
        flag("extradition_request_to_follow"),
    ),
}

PERSON_ROLES: tuple[str, ...] = ("suspect", "accused", "witness", "victim", "company", "other")
NATURES: tuple[str, ...] = ("investigation", "prosecution", "trial", "enforcement")
LEGAL_BASES: tuple[str, ...] = (
    "untoc",
    "treaty",
    "other_convention",
    "domestic_law",
    "reciprocity",
)
ANNEX_KINDS: tuple[str, ...] = (
    "order_copy",
    "warrant",
    "judgment",
    "legal_provisions",
    "identification",
    "evidence_summary",
    "other",
)
CHANNELS: tuple[str, ...] = ("central_authority", "diplomatic", "interpol")

# The steps of the wizard, in order, with the top-level keys of the request data they fill.
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "authorities",
        (
            "requesting_authority",
            "requested_state",
            "requested_authority",
            "target_language",
            "source_language",
            "channel",
            "title",
        ),
    ),
    ("legal_basis", ("legal_basis",)),
    ("proceedings", ("proceedings",)),
    ("offences", ("offences",)),
    ("facts", ("facts",)),
    ("persons", ("persons",)),
    ("measures", ("measures",)),
    ("procedures", ("procedures", "purpose")),
    ("handling", ("confidentiality", "urgency", "contact", "assurances")),
    ("annexes", ("annexes",)),
)
STEP_NAMES: tuple[str, ...] = tuple(name for name, _keys in STEPS)
STEP_OF_KEY: dict[str, str] = {key: name for name, keys in STEPS for key in keys}


def step_for_field(field: str) -> str:
    """The wizard step where a checklist field path such as "measures.0.bank" is fixed."""
    return STEP_OF_KEY.get(field.split(".", 1)[0], "authorities")


def empty_request() -> dict[str, object]:
    """The shape of a request's data, every part present and empty."""
    return {
        "title": "",
        "requesting_authority": {"name": "", "state": "", "address": ""},
        "requested_state": "",
        "requested_authority": {"name": "", "address": "", "directory_id": None},
        "target_language": "en",
        "source_language": "en",
        "channel": "central_authority",
        "legal_basis": {"chosen": "", "instrument": "", "proposed": [], "override_reason": ""},
        "proceedings": {
            "subject": "",
            "nature": "investigation",
            "conducting_authority": "",
            "case_reference": "",
        },
        "offences": [],
        "facts": {"summary": "", "transnational_nature": "", "organized_criminal_group": ""},
        "persons": [],
        "measures": [],
        "procedures": {
            "procedures": "",
            "reasons": "",
            "certification": False,
            "officials_present": False,
            "oath": False,
        },
        "purpose": "",
        "confidentiality": {"requested": False, "reasons": ""},
        "urgency": {"urgent": False, "deadline": "", "reasons": ""},
        "contact": {"name": "", "position": "", "email": "", "phone": ""},
        "assurances": "",
        "annexes": [],
    }


OFFENCE_FIELDS: tuple[FieldSpec, ...] = (
    long("description", True),
    long("provisions", True),
    FieldSpec("max_penalty_years", "number", True),
    text("crime_type"),
    flag("convention_offence"),
    long("dual_criminality_note"),
)
PERSON_FIELDS: tuple[FieldSpec, ...] = (
    text("name", True),
    choice("role", PERSON_ROLES, True),
    date("date_of_birth"),
    text("nationality"),
    text("location"),
    long("identifiers"),
)
ANNEX_FIELDS: tuple[FieldSpec, ...] = (
    text("title", True),
    choice("kind", ANNEX_KINDS, True),
    FieldSpec("pages", "number"),
)
