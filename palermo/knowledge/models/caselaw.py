"""Court decisions: who was tried, for what, with what outcome, and what cooperation it took."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from palermo.knowledge.models.base import KnowledgeRecord


class CourtLevel(models.TextChoices):
    FIRST_INSTANCE = "first_instance", _("first instance")
    APPEAL = "appeal", _("appeal")
    SUPREME = "supreme", _("supreme or cassation court")
    CONSTITUTIONAL = "constitutional", _("constitutional court")
    SPECIALISED = "specialised", _("specialised court")
    OTHER = "other", _("other")


class LegalSystem(models.TextChoices):
    CIVIL = "civil_law", _("civil law")
    COMMON = "common_law", _("common law")
    MIXED = "mixed", _("mixed")
    ISLAMIC = "islamic_law", _("Islamic law")
    OTHER = "other", _("other")


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


INVESTIGATIVE_TECHNIQUES = [
    ("controlled_delivery", _("controlled delivery")),
    ("joint_investigation_team", _("joint investigation team")),
    ("video_link_testimony", _("video-link testimony")),
    ("financial_investigation", _("financial investigation")),
    ("undercover_operation", _("undercover operation")),
    ("electronic_surveillance", _("electronic surveillance")),
    ("interception_of_communications", _("interception of communications")),
    ("informants", _("use of informants")),
    ("digital_forensics", _("digital forensics")),
]

COOPERATION_KINDS = [
    ("mla", _("mutual legal assistance")),
    ("extradition", _("extradition")),
    ("joint_investigation", _("joint investigation")),
    ("transfer_of_proceedings", _("transfer of proceedings")),
    ("asset_recovery", _("asset recovery")),
    ("police_cooperation", _("police cooperation")),
]


def parse_partial_date(text: str) -> tuple[datetime.date, str]:
    """'2016', '2016-05' or '2016-05-31' → (first day it stands for, precision)."""
    text = (text or "").strip()
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        raise ValidationError(
            _("Write the date as YYYY, YYYY-MM or YYYY-MM-DD, not “%(text)s”."),
            params={"text": text[:40]},
        ) from None
    if len(parts) == 2 and len(parts[0]) == len(parts[1]) == 4:
        raise ValidationError(
            _("“%(text)s” is a range of years: give the year of the decision, YYYY."),
            params={"text": text[:40]},
        )
    if not 1 <= len(numbers) <= 3 or len(parts[0]) != 4:
        raise ValidationError(
            _("Write the date as YYYY, YYYY-MM or YYYY-MM-DD, not “%(text)s”."),
            params={"text": text[:40]},
        )
    precision = [DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY][len(numbers) - 1]
    numbers += [1] * (3 - len(numbers))
    try:
        return datetime.date(numbers[0], numbers[1], numbers[2]), precision
    except ValueError:
        raise ValidationError(
            _("“%(text)s” is not a real date."), params={"text": text[:40]}
        ) from None


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


class CaseLaw(KnowledgeRecord):
    KIND: ClassVar[str] = "caselaw"

    court = models.CharField(_("court"), max_length=300, blank=True)
    court_level = models.CharField(
        _("level of the court"), max_length=20, choices=CourtLevel.choices, blank=True
    )
    # A partial date is stored as its first day plus how much of it is known.
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_date_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    case_number = models.CharField(_("case number"), max_length=200, blank=True)
    legal_system = models.CharField(
        _("legal system"), max_length=20, choices=LegalSystem.choices, blank=True
    )
    procedural_history = models.TextField(_("procedural history"), blank=True)
    commentary = models.TextField(_("commentary and significant features"), blank=True)
    investigative_techniques = models.JSONField(
        _("investigative techniques"), default=list, blank=True
    )
    cooperation_kinds = models.JSONField(
        _("international cooperation involved"), default=list, blank=True
    )
    cooperating_states = models.JSONField(
        _("States that cooperated (ISO alpha-3)"), default=list, blank=True
    )
    is_verified = models.BooleanField(_("verified by an editor"), default=False)

    class Meta:
        ordering = ["-decision_date", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("case law")
        indexes = [models.Index(fields=["status", "country"], name="caselaw_status_country")]

    @property
    def sort_date(self) -> datetime.date | None:
        return self.decision_date

    @property
    def decision_date_display(self) -> str:
        return format_partial_date(self.decision_date, self.decision_date_precision)

    def technique_labels(self) -> list[Any]:
        labels = dict(INVESTIGATIVE_TECHNIQUES)
        return [labels.get(code, code) for code in self.investigative_techniques]

    def cooperation_labels(self) -> list[Any]:
        labels = dict(COOPERATION_KINDS)
        return [labels.get(code, code) for code in self.cooperation_kinds]


class CaseParty(models.Model):
    """A defendant, victim or legal person in a case; protected people appear by initials."""

    class Kind(models.TextChoices):
        DEFENDANT = "defendant", _("defendant")
        VICTIM = "victim", _("victim")
        LEGAL_PERSON = "legal_person", _("legal person")

    class Outcome(models.TextChoices):
        CONVICTED = "convicted", _("convicted")
        ACQUITTED = "acquitted", _("acquitted")
        DISMISSED = "dismissed", _("charges dismissed")
        PENDING = "pending", _("pending")
        OTHER = "other", _("other")

    case = models.ForeignKey(
        CaseLaw, verbose_name=_("case"), on_delete=models.CASCADE, related_name="parties"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("name or initials"),
        max_length=200,
        help_text=_("Use initials only for people whose identity must be protected."),
    )
    is_protected = models.BooleanField(_("identity protected"), default=False)
    nationality = models.ForeignKey(
        "reference.Country",
        verbose_name=_("nationality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    sentence = models.CharField(_("sentence"), max_length=500, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.shown_name

    @property
    def shown_name(self) -> str:
        """Protected people are shown by their initials, whatever was typed."""
        if self.is_protected:
            return ".".join(w[0].upper() for w in self.name.replace(".", " ").split()) + "."
        return self.name
