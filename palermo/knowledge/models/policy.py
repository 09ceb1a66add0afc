"""National and regional strategies, and the annotated bibliography."""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from palermo.knowledge.models.base import KnowledgeRecord


class Strategy(KnowledgeRecord):
    KIND: ClassVar[str] = "strategy"

    class Scope(models.TextChoices):
        NATIONAL = "national", _("national")
        REGIONAL = "regional", _("regional")

    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default="national")
    regional_group = models.ForeignKey(
        "reference.RegionalGroup",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issuing_body = models.CharField(_("issued by"), max_length=300, blank=True)
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)

    class Meta:
        ordering = ["-adopted_on", "id"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    @property
    def sort_date(self) -> datetime.date | None:
        return self.adopted_on


class Publication(KnowledgeRecord):
    """An annotated bibliography entry; `summary` holds the abstract."""

    KIND: ClassVar[str] = "bibliography"

    class PublicationKind(models.TextChoices):
        BOOK = "book", _("book")
        CHAPTER = "chapter", _("book chapter")
        ARTICLE = "article", _("journal article")
        REPORT = "report", _("report")
        THESIS = "thesis", _("thesis")
        OTHER = "other", _("other")

    authors = models.CharField(_("authors"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    publisher = models.CharField(_("publisher or journal"), max_length=300, blank=True)
    publication_kind = models.CharField(
        _("kind"), max_length=10, choices=PublicationKind.choices, default="article"
    )
    keywords = models.JSONField(_("keywords"), default=list, blank=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("bibliography")

    @property
    def sort_date(self) -> datetime.date | None:
        return datetime.date(self.year, 1, 1) if self.year else None
