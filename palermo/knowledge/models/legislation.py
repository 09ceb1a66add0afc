"""National legislation and its provisions, each provision linked to what it implements."""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from palermo.knowledge.models.base import KnowledgeRecord


class LegislationKind(models.TextChoices):
    CONSTITUTION = "constitution", _("constitution")
    CODE = "code", _("code")
    ACT = "act", _("act or law")
    DECREE = "decree", _("decree")
    REGULATION = "regulation", _("regulation")
    OTHER = "other", _("other")


class Legislation(KnowledgeRecord):
    KIND: ClassVar[str] = "legislation"

    kind = models.CharField(
        _("kind"), max_length=20, choices=LegislationKind.choices, default=LegislationKind.ACT
    )
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    in_force_on = models.DateField(_("entry into force"), null=True, blank=True)
    amended_on = models.DateField(_("last amended"), null=True, blank=True)
    official_url = models.URLField(_("official link"), max_length=1000, blank=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("legislation")
        verbose_name_plural = _("legislation")
        indexes = [models.Index(fields=["status", "country"], name="legislation_status_country")]

    @property
    def sort_date(self) -> datetime.date | None:
        return self.adopted_on or self.in_force_on


class Provision(models.Model):
    """An extract of a law (an article or section), linked to articles and taxonomies."""

    legislation = models.ForeignKey(
        Legislation,
        verbose_name=_("legislation"),
        on_delete=models.CASCADE,
        related_name="provisions",
    )
    reference = models.CharField(_("reference"), max_length=100, help_text=_("e.g. Art. 12"))
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    text = models.TextField(_("text of the extract"))
    articles = models.ManyToManyField(
        "reference.Article", verbose_name=_("articles"), blank=True, related_name="+"
    )
    crime_types = models.ManyToManyField(
        "reference.CrimeType", verbose_name=_("crime types"), blank=True, related_name="+"
    )
    cross_cutting_issues = models.ManyToManyField(
        "reference.CrossCuttingIssue",
        verbose_name=_("cross-cutting issues"),
        blank=True,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")

    def __str__(self) -> str:
        return f"{self.reference} {self.heading}".strip()
