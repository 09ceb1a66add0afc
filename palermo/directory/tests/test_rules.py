"""The routing rules as tables: a new rule is a new row here. Pure Python, no database."""

from __future__ import annotations

import pytest

from palermo.directory import rules
from palermo.directory.rules import AuthorityFacts as A
from palermo.directory.rules import RequestFacts as R
from palermo.reference.measures import MEASURES, REQUEST_TYPE_CODES


def fs(*codes: str) -> frozenset[str]:
    return frozenset(codes)


CA = A(
    1,
    fs("mla_central_authority"),
    channels=fs("central_authority", "interpol"),
    dual_criminality_policy="coercive",
)
EXTRADITION = A(2, fs("extradition"), channels=fs("diplomatic"))
ASSETS = A(3, fs("asset_recovery"), channels=fs("central_authority"))
CYBER = A(
    4,
    fs("cybercrime_24_7"),
    measures=fs("e_evidence_preservation", "e_evidence_subscriber"),
    channels=fs("central_authority", "interpol"),
    advance_copy_by_email=True,
)
NCB = A(5, fs("interpol_ncb"), channels=fs("interpol"))
FIU = A(6, fs("fiu"))
SEA = A(7, fs("migrant_smuggling_by_sea"))
FIREARMS = A(8, fs("firearms"))
CULTURE = A(9, fs("cultural_property"))
FULL_STATE = [CA, EXTRADITION, ASSETS, CYBER, NCB, FIU, SEA, FIREARMS, CULTURE]

PRE_TRIAL = A(
    10,
    fs("mla_central_authority", "extradition"),
    stages=fs("investigation", "prosecution"),
    channels=fs("central_authority"),
)
TRIAL = A(
    11,
    fs("mla_central_authority"),
    stages=fs("trial", "enforcement"),
    channels=fs("diplomatic"),
    dual_criminality_policy="always",
)
SPLIT_STATE = [PRE_TRIAL, TRIAL]

ONLY_CA = [
    A(
        12,
        fs("mla_central_authority"),
        channels=fs("diplomatic", "central_authority"),
        dual_criminality_policy="never",
    )
]
MLA_ONLY_CA = [
    A(
        13,
        fs("mla_central_authority"),
        request_types=fs("mla"),
        dual_criminality_policy="listed",
        dual_criminality_measures=fs("bank_records"),
    )
]

# name, authorities, request, expected primary ids, expected "also" ids
ROUTING_CASES = [
    ("mla goes to the central authority", FULL_STATE, R("mla"), [1], []),
    (
        "taking evidence goes to the central authority",
        FULL_STATE,
        R("mla", "taking_evidence"),
        [1],
        [],
    ),
    (
        "service of documents goes to the central authority",
        FULL_STATE,
        R("mla", "service_of_documents"),
        [1],
        [],
    ),
    (
        "freezing: central authority, asset recovery informed",
        FULL_STATE,
        R("mla", "freezing"),
        [1],
        [3],
    ),
    (
        "tracing proceeds: asset recovery informed",
        FULL_STATE,
        R("mla", "tracing_proceeds"),
        [1],
        [3],
    ),
    (
        "bank records: asset recovery and FIU informed",
        FULL_STATE,
        R("mla", "bank_records"),
        [1],
        [3, 6],
    ),
    (
        "urgent preservation goes to the 24/7 point",
        FULL_STATE,
        R("mla", "e_evidence_preservation", urgent=True),
        [4],
        [],
    ),
    (
        "non-urgent preservation: central authority, 24/7 informed",
        FULL_STATE,
        R("mla", "e_evidence_preservation"),
        [1],
        [4],
    ),
    (
        "stored content: 24/7 point out of scope, central authority only",
        FULL_STATE,
        R("mla", "e_evidence_content"),
        [1],
        [],
    ),
    (
        "subscriber data: 24/7 point in scope, informed",
        FULL_STATE,
        R("mla", "e_evidence_subscriber"),
        [1],
        [4],
    ),
    ("extradition goes to the extradition authority", FULL_STATE, R("extradition"), [2], []),
    (
        "urgent provisional arrest: extradition authority plus INTERPOL",
        FULL_STATE,
        R("provisional_arrest", urgent=True),
        [2],
        [5],
    ),
    ("non-urgent provisional arrest: no INTERPOL", FULL_STATE, R("provisional_arrest"), [2], []),
    (
        "confiscation goes to asset recovery",
        FULL_STATE,
        R("confiscation", "confiscation_enforce_foreign_order"),
        [3],
        [],
    ),
    (
        "transfer of proceedings goes to the central authority",
        FULL_STATE,
        R("transfer_of_proceedings"),
        [1],
        [],
    ),
    (
        "smuggling of migrants: sea authority informed",
        FULL_STATE,
        R("mla", offence="smuggling_of_migrants"),
        [1],
        [7],
    ),
    (
        "firearms trafficking: firearms authority informed",
        FULL_STATE,
        R("mla", offence="trafficking_in_firearms"),
        [1],
        [8],
    ),
    (
        "cultural property: its authority informed",
        FULL_STATE,
        R("mla", offence="trafficking_in_cultural_property"),
        [1],
        [9],
    ),
    ("other offence: nobody else informed", FULL_STATE, R("mla", offence="corruption"), [1], []),
    (
        "investigation stage: pre-trial authority",
        SPLIT_STATE,
        R("mla", stage="investigation"),
        [10],
        [],
    ),
    ("trial stage: trial authority", SPLIT_STATE, R("mla", stage="trial"), [11], []),
    ("no stage given: both central authorities", SPLIT_STATE, R("mla"), [10, 11], []),
    (
        "extradition at trial stage: falls back to any central authority",
        SPLIT_STATE,
        R("extradition", stage="trial"),
        [11],
        [],
    ),
    ("no extradition authority: central authority forwards", ONLY_CA, R("extradition"), [12], []),
    (
        "no asset recovery office: central authority for confiscation",
        ONLY_CA,
        R("confiscation", "confiscation_freezing"),
        [12],
        [],
    ),
    (
        "central authority limited to mla still receives extradition as fallback",
        MLA_ONLY_CA,
        R("extradition"),
        [13],
        [],
    ),
    ("nobody in the directory", [], R("mla"), [], []),
    ("no central authority and no competent one", [FIU], R("extradition"), [], []),
]


@pytest.mark.parametrize(
    "authorities, request_facts, primary, also",
    [c[1:] for c in ROUTING_CASES],
    ids=[c[0] for c in ROUTING_CASES],
)
def test_who_receives_the_request(authorities, request_facts, primary, also):
    decision = rules.route(authorities, request_facts)
    assert decision.primary == primary
    assert sorted(decision.also) == also


CHANNEL_CASES = [
    (
        "central authority only",
        [A(1, fs("mla_central_authority"), channels=fs("central_authority"))],
        R("mla"),
        ["central_authority"],
    ),
    (
        "urgent with INTERPOL accepted",
        [CA],
        R("mla", urgent=True),
        ["interpol", "central_authority"],
    ),
    ("not urgent: no INTERPOL", [CA], R("mla"), ["central_authority"]),
    ("diplomatic only", [EXTRADITION], R("extradition"), ["diplomatic"]),
    ("both direct and diplomatic", ONLY_CA, R("mla"), ["central_authority", "diplomatic"]),
    ("nothing recorded: diplomatic", [A(1, fs("mla_central_authority"))], R("mla"), ["diplomatic"]),
    (
        "urgent but INTERPOL not accepted",
        ONLY_CA,
        R("mla", urgent=True),
        ["central_authority", "diplomatic"],
    ),
]


@pytest.mark.parametrize(
    "authorities, request_facts, channels",
    [c[1:] for c in CHANNEL_CASES],
    ids=[c[0] for c in CHANNEL_CASES],
)
def test_channels(authorities, request_facts, channels):
    assert rules.route(authorities, request_facts).channels == channels


DUAL_CRIMINALITY_CASES = [
    ("coercive policy, search: required", [CA], R("mla", "search_seizure"), True),
    ("coercive policy, taking evidence: not required", [CA], R("mla", "taking_evidence"), False),
    ("never: not required", ONLY_CA, R("mla", "search_seizure"), False),
    ("always: required", [TRIAL], R("mla", "service_of_documents"), True),
    ("listed measure: required", MLA_ONLY_CA, R("mla", "bank_records"), True),
    ("unlisted measure: not required", MLA_ONLY_CA, R("mla", "taking_evidence"), False),
    ("unknown policy: not known", [A(1, fs("mla_central_authority"))], R("mla", "freezing"), None),
    ("extradition always requires it", ONLY_CA, R("extradition"), True),
    ("provisional arrest requires it", ONLY_CA, R("provisional_arrest", urgent=True), True),
]


@pytest.mark.parametrize(
    "authorities, request_facts, expected",
    [c[1:] for c in DUAL_CRIMINALITY_CASES],
    ids=[c[0] for c in DUAL_CRIMINALITY_CASES],
)
def test_dual_criminality(authorities, request_facts, expected):
    assert rules.route(authorities, request_facts).dual_criminality is expected


CONTENT_CASES = [
    (
        "mla needs the six elements of art. 18(15)",
        R("mla", "taking_evidence"),
        [
            "requesting_authority",
            "subject_and_authority",
            "summary_of_facts",
            "assistance_sought",
            "persons_concerned",
            "purpose",
        ],
    ),
    (
        "service of documents needs no summary of facts",
        R("mla", "service_of_documents"),
        [
            "requesting_authority",
            "subject_and_authority",
            "assistance_sought",
            "persons_concerned",
            "purpose",
        ],
    ),
    (
        "enforcing a foreign order needs its copy and extent",
        R("confiscation", "confiscation_enforce_foreign_order"),
        [
            "requesting_authority",
            "subject_and_authority",
            "summary_of_facts",
            "assistance_sought",
            "description_of_property",
            "purpose",
            "copy_of_order",
            "extent_of_execution",
        ],
    ),
    (
        "provisional arrest needs the undertaking",
        R("provisional_arrest"),
        [
            "requesting_authority",
            "person_identity",
            "warrant_or_judgment",
            "summary_of_facts",
            "undertaking_to_request_extradition",
        ],
    ),
]


@pytest.mark.parametrize(
    "request_facts, expected", [c[1:] for c in CONTENT_CASES], ids=[c[0] for c in CONTENT_CASES]
)
def test_content_required(request_facts, expected):
    assert rules.content_required(request_facts) == expected


def test_reasons_name_the_rule_that_matched():
    decision = rules.route(FULL_STATE, R("mla", "freezing"))
    assert [r.rule for r in decision.reasons][:2] == [
        "mla-assets-asset-recovery",
        "mla-central-authority",
    ]


def test_coercive_measures_agree_with_the_shared_vocabulary():
    coercive = {m.code for m in MEASURES if m.coercive}
    assert coercive == rules.COERCIVE_MEASURES


def test_every_request_type_has_content_requirements():
    assert set(REQUEST_TYPE_CODES) == set(rules.CONTENT_REQUIREMENTS)


def test_the_rules_module_has_no_django_imports():
    import inspect

    source = inspect.getsource(rules)
    assert "django" not in source
