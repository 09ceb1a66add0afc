"""Models of the knowledge base, one module per record type."""

from __future__ import annotations

from palermo.knowledge.models.base import (
    LANGUAGE_CHOICES,
    KnowledgeRecord,
    SourceKind,
    Status,
)
from palermo.knowledge.models.caselaw import (
    COOPERATION_KINDS,
    INVESTIGATIVE_TECHNIQUES,
    CaseLaw,
    CaseParty,
    CourtLevel,
    DatePrecision,
    LegalSystem,
    format_partial_date,
    parse_partial_date,
)
from palermo.knowledge.models.legislation import Legislation, LegislationKind, Provision
from palermo.knowledge.models.policy import Publication, Strategy
from palermo.knowledge.models.treaty import (
    TREATY_SUBJECT_CODES,
    TREATY_SUBJECTS,
    Treaty,
    TreatyKind,
    TreatyParty,
)

RECORD_MODELS: dict[str, type[KnowledgeRecord]] = {
    "caselaw": CaseLaw,
    "legislation": Legislation,
    "treaty": Treaty,
    "strategy": Strategy,
    "bibliography": Publication,
}

__all__ = [
    "COOPERATION_KINDS",
    "INVESTIGATIVE_TECHNIQUES",
    "LANGUAGE_CHOICES",
    "RECORD_MODELS",
    "TREATY_SUBJECTS",
    "TREATY_SUBJECT_CODES",
    "CaseLaw",
    "CaseParty",
    "CourtLevel",
    "DatePrecision",
    "KnowledgeRecord",
    "LegalSystem",
    "Legislation",
    "LegislationKind",
    "Provision",
    "Publication",
    "SourceKind",
    "Status",
    "Strategy",
    "Treaty",
    "TreatyKind",
    "TreatyParty",
    "format_partial_date",
    "parse_partial_date",
]
