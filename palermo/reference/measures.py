"""The shared vocabulary of request types and measures, used by the directory's routing, the
request writer and case tracking. Plain data, no Django models: codes are stable identifiers
(stored in records and used in the API); labels are translated for display.

Article references point to UNTOC unless said otherwise (art. 18(3)(a)-(i) for the purposes of
mutual legal assistance, art. 13 for confiscation, art. 16 for extradition).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RequestType:
    code: str
    label: Promise
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Measure:
    code: str
    request_type: str
    label: Promise
    articles: tuple[str, ...]
    coercive: bool  # coercive measures are where dual criminality is most often required


REQUEST_TYPES: tuple[RequestType, ...] = (
    RequestType("mla", _("Mutual legal assistance"), ("UNTOC-18",)),
    RequestType("extradition", _("Extradition"), ("UNTOC-16",)),
    RequestType("provisional_arrest", _("Provisional arrest"), ("UNTOC-16",)),
    RequestType("transfer_of_proceedings", _("Transfer of criminal proceedings"), ("UNTOC-21",)),
    RequestType("confiscation", _("Confiscation and asset recovery"), ("UNTOC-13", "UNTOC-14")),
)

MEASURES: tuple[Measure, ...] = (
    Measure("taking_evidence", "mla", _("Taking evidence or statements"), ("UNTOC-18",), False),
    Measure(
        "service_of_documents", "mla", _("Service of judicial documents"), ("UNTOC-18",), False
    ),
    Measure("search_seizure", "mla", _("Search and seizure"), ("UNTOC-18",), True),
    Measure("freezing", "mla", _("Freezing of property"), ("UNTOC-18", "UNTOC-12"), True),
    Measure(
        "examining_objects_sites", "mla", _("Examining objects and sites"), ("UNTOC-18",), False
    ),
    Measure(
        "information_expert_evaluations",
        "mla",
        _("Information, evidentiary items and expert evaluations"),
        ("UNTOC-18",),
        False,
    ),
    Measure(
        "bank_records",
        "mla",
        _("Bank, financial, corporate or business records"),
        ("UNTOC-18",),
        True,
    ),
    Measure(
        "tracing_proceeds",
        "mla",
        _("Identifying or tracing proceeds, property or instrumentalities"),
        ("UNTOC-18", "UNTOC-12"),
        False,
    ),
    Measure(
        "voluntary_appearance",
        "mla",
        _("Voluntary appearance of persons in the requesting State"),
        ("UNTOC-18",),
        False,
    ),
    Measure("other_assistance", "mla", _("Other assistance"), ("UNTOC-18",), False),
    Measure("video_hearing", "mla", _("Hearing by video conference"), ("UNTOC-18",), False),
    Measure(
        "transfer_detained_person",
        "mla",
        _("Temporary transfer of a detained person to testify"),
        ("UNTOC-18",),
        True,
    ),
    Measure(
        "e_evidence_preservation",
        "mla",
        _("Expedited preservation of stored computer data"),
        ("UNTOC-18",),
        False,
    ),
    Measure(
        "e_evidence_subscriber", "mla", _("Stored subscriber information"), ("UNTOC-18",), False
    ),
    Measure("e_evidence_traffic", "mla", _("Stored traffic data"), ("UNTOC-18",), True),
    Measure("e_evidence_content", "mla", _("Stored content data"), ("UNTOC-18",), True),
    Measure(
        "e_evidence_real_time",
        "mla",
        _("Real-time collection of traffic or content data"),
        ("UNTOC-18", "UNTOC-20"),
        True,
    ),
    Measure("joint_investigation_team", "mla", _("Joint investigation team"), ("UNTOC-19",), False),
    Measure("controlled_delivery", "mla", _("Controlled delivery"), ("UNTOC-20",), True),
    Measure(
        "transfer_of_proceedings",
        "transfer_of_proceedings",
        _("Transfer of criminal proceedings"),
        ("UNTOC-21",),
        False,
    ),
    Measure(
        "confiscation_tracing",
        "confiscation",
        _("Identifying and tracing proceeds for confiscation"),
        ("UNTOC-13",),
        False,
    ),
    Measure(
        "confiscation_freezing",
        "confiscation",
        _("Freezing or seizure with a view to confiscation"),
        ("UNTOC-13",),
        True,
    ),
    Measure(
        "confiscation_domestic_order",
        "confiscation",
        _("Obtaining a domestic confiscation order (art. 13(1)(a))"),
        ("UNTOC-13",),
        True,
    ),
    Measure(
        "confiscation_enforce_foreign_order",
        "confiscation",
        _("Enforcing a foreign confiscation order (art. 13(1)(b))"),
        ("UNTOC-13",),
        True,
    ),
    Measure("extradition", "extradition", _("Extradition of a person"), ("UNTOC-16",), True),
    Measure(
        "provisional_arrest",
        "provisional_arrest",
        _("Provisional arrest pending extradition"),
        ("UNTOC-16",),
        True,
    ),
)

REQUEST_TYPE_CODES: tuple[str, ...] = tuple(t.code for t in REQUEST_TYPES)
MEASURE_CODES: tuple[str, ...] = tuple(m.code for m in MEASURES)
MEASURES_BY_CODE: dict[str, Measure] = {m.code: m for m in MEASURES}
REQUEST_TYPES_BY_CODE: dict[str, RequestType] = {t.code: t for t in REQUEST_TYPES}


def measures_for(request_type: str) -> tuple[Measure, ...]:
    return tuple(m for m in MEASURES if m.request_type == request_type)
