"""Each authority's own settings for case tracking: internal targets and holidays."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CaseSettings(models.Model):
    organisation = models.OneToOneField(
        "accounts.Organisation",
        verbose_name=_("authority"),
        on_delete=models.CASCADE,
        related_name="case_settings",
    )
    acknowledge_within = models.PositiveSmallIntegerField(
        _("register and acknowledge incoming requests within (working days)"), default=5
    )
    completeness_check_within = models.PositiveSmallIntegerField(
        _("complete the completeness check within (working days)"), default=10
    )
    execution_within = models.PositiveSmallIntegerField(
        _("execute incoming requests within (working days)"), default=120
    )
    chase_after = models.PositiveSmallIntegerField(
        _("chase an unanswered outgoing request after (working days)"), default=30
    )
    due_soon_days = models.PositiveSmallIntegerField(
        _("a deadline is due soon within (calendar days)"), default=7
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case tracking settings")
        verbose_name_plural = _("case tracking settings")

    def __str__(self) -> str:
        return str(self.organisation)


class Holiday(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("authority"),
        on_delete=models.CASCADE,
        related_name="case_holidays",
    )
    day = models.DateField(_("date"))
    name = models.CharField(_("holiday"), max_length=120)

    class Meta:
        ordering = ["day"]
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "day"], name="one_holiday_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.name}"
