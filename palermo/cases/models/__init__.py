"""Models of case tracking, split by subject; import them from here."""

from palermo.cases.models.authority import CaseSettings, Holiday
from palermo.cases.models.case import (
    UN_LANGUAGES,
    Case,
    CaseLink,
    CaseMeasure,
    CaseOffence,
    CasePerson,
    CaseTransition,
)
from palermo.cases.models.statistics import CaseStatistics
from palermo.cases.models.work import CaseDocument, CaseNote, CaseTask, Correspondence, Reminder

__all__ = [
    "UN_LANGUAGES",
    "Case",
    "CaseDocument",
    "CaseLink",
    "CaseMeasure",
    "CaseNote",
    "CaseOffence",
    "CasePerson",
    "CaseSettings",
    "CaseStatistics",
    "CaseTask",
    "CaseTransition",
    "Correspondence",
    "Holiday",
    "Reminder",
]
