"""Bilateral and multilateral treaties on cooperation in criminal matters, and their parties."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from palermo.knowledge.models.base import KnowledgeRecord


class TreatyKind(models.TextChoices):
    BILATERAL = "bilateral", _("bilateral")
    MULTILATERAL = "multilateral", _("multilateral")


TREATY_SUBJECTS = [
    ("mla", _("mutual legal assistance")),
    ("extradition", _("extradition")),
    ("transfer_of_sentenced_persons", _("transfer of sentenced persons")),
    ("asset_sharing", _("asset sharing")),
]
TREATY_SUBJECT_CODES = tuple(code for code, _label in TREATY_SUBJECTS)


class Treaty(KnowledgeRecord):
    KIND: ClassVar[str] = "treaty"

    kind = models.CharField(
        _("kind"), max_length=20, choices=TreatyKind.choices, default=TreatyKind.BILATERAL
    )
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    signed_on = models.DateField(_("signature"), null=True, blank=True)
    in_force_on = models.DateField(_("entry into force"), null=True, blank=True)
    terminated_on = models.DateField(_("terminated"), null=True, blank=True)
    parties = models.ManyToManyField(
        "reference.Country",
        verbose_name=_("parties"),
        through="TreatyParty",
        related_name="+",
        blank=True,
    )

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("treaty")
        verbose_name_plural = _("treaties")

    @property
    def sort_date(self) -> datetime.date | None:
        return self.signed_on or self.in_force_on

    def subject_labels(self) -> list[Any]:
        labels = dict(TREATY_SUBJECTS)
        return [labels.get(code, code) for code in self.subjects]

    def is_in_force_on(self, day: datetime.date) -> bool:
        if self.in_force_on is None or self.in_force_on > day:
            return False
        return self.terminated_on is None or self.terminated_on > day


class TreatyParty(models.Model):
    """A State party to a treaty; for multilateral treaties with its own dates."""

    treaty = models.ForeignKey(
        Treaty, verbose_name=_("treaty"), on_delete=models.CASCADE, related_name="party_rows"
    )
    country = models.ForeignKey(
        "reference.Country", verbose_name=_("State"), on_delete=models.PROTECT, related_name="+"
    )
    in_force_on = models.DateField(_("in force for this State"), null=True, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(fields=["treaty", "country"], name="one_row_per_party")
        ]

    def __str__(self) -> str:
        return f"{self.treaty} · {self.country}"
