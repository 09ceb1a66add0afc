"""Human names for facet values and record kinds, in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from palermo.knowledge.models import LANGUAGE_CHOICES
from palermo.reference.models import Article, Country, CrimeType, CrossCuttingIssue, RegionalGroup

KIND_LABELS: dict[str, Any] = {
    "caselaw": _("Case law"),
    "legislation": _("Legislation"),
    "treaty": _("Treaties"),
    "strategy": _("Strategies"),
    "bibliography": _("Bibliography"),
}
KIND_SINGULAR: dict[str, Any] = {
    "caselaw": _("Case"),
    "legislation": _("Legislation"),
    "treaty": _("Treaty"),
    "strategy": _("Strategy"),
    "bibliography": _("Publication"),
}
FACET_LABELS: dict[str, Any] = {
    "type": _("Type of record"),
    "country": _("State"),
    "regional_group": _("Regional group"),
    "crime_type": _("Crime type"),
    "cross_cutting_issue": _("Cross-cutting issue"),
    "article": _("Article"),
    "court": _("Court"),
    "language": _("Language"),
}


def value_labels(values_by_facet: Mapping[str, Iterable[str]]) -> dict[str, dict[str, str]]:
    """{facet: {value: label}} with one query per facet that needs the database."""
    wanted = {facet: set(values) for facet, values in values_by_facet.items()}
    labels: dict[str, dict[str, str]] = {facet: {} for facet in wanted}
    if wanted.get("country"):
        for country in Country.objects.filter(iso3__in=wanted["country"]):
            labels["country"][country.iso3] = country.name
    if wanted.get("regional_group"):
        for group in RegionalGroup.objects.filter(code__in=wanted["regional_group"]):
            labels["regional_group"][group.code] = group.name
    if wanted.get("crime_type"):
        for term in CrimeType.objects.filter(code__in=wanted["crime_type"]):
            labels["crime_type"][term.code] = term.name
    if wanted.get("cross_cutting_issue"):
        for issue in CrossCuttingIssue.objects.filter(code__in=wanted["cross_cutting_issue"]):
            labels["cross_cutting_issue"][issue.code] = issue.name
    if wanted.get("article"):
        for article in Article.objects.select_related("instrument"):
            if article.reference in wanted["article"]:
                labels["article"][article.reference] = f"{article} · {article.title}"
    languages = dict(LANGUAGE_CHOICES)
    for facet, values in wanted.items():
        for value in values:
            if facet == "type":
                labels[facet][value] = str(KIND_LABELS.get(value, value))
            elif facet == "language":
                labels[facet][value] = str(languages.get(value, value))
            else:
                labels[facet].setdefault(value, value)
    return labels
