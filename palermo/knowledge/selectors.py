"""Reads of the knowledge base: treaties in force, article and country views, comparisons."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from palermo.knowledge.models import (
    CaseLaw,
    Legislation,
    Provision,
    Publication,
    Status,
    Strategy,
    Treaty,
    TreatyParty,
)


def _country_id(state: Any) -> int:
    return int(state if isinstance(state, int) else state.pk)


def treaties_between(
    state_a: Any,
    state_b: Any,
    subject: str | None = None,
    on: datetime.date | None = None,
) -> list[Treaty]:
    """Published treaties in force between both States on `on` (today by default).

    `subject` narrows to one of TREATY_SUBJECT_CODES (mla, extradition, ...). A party row with
    its own entry-into-force date (multilateral treaties) counts from that date.
    """
    day = on or timezone.localdate()
    a_id, b_id = _country_id(state_a), _country_id(state_b)
    if a_id == b_id:
        return []
    in_force = Q(in_force_on__isnull=True) | Q(in_force_on__lte=day)
    with_a = TreatyParty.objects.filter(in_force, country_id=a_id).values("treaty_id")
    with_b = TreatyParty.objects.filter(in_force, country_id=b_id).values("treaty_id")
    treaties = (
        Treaty.objects.filter(status=Status.PUBLISHED, in_force_on__lte=day)
        .filter(Q(terminated_on__isnull=True) | Q(terminated_on__gt=day))
        .filter(pk__in=with_a)
        .filter(pk__in=with_b)
        .order_by("kind", "-in_force_on", "title")
    )
    found = list(treaties)
    if subject:
        found = [t for t in found if subject in t.subjects]
    return found


def published(model: type[Any]) -> QuerySet[Any]:
    return model.objects.filter(status=Status.PUBLISHED)


def country_records(country: Any, limit: int = 20) -> dict[str, Any]:
    """A State's published legislation, cases and treaties, for its country page."""
    legislation = published(Legislation).filter(country=country).order_by("title")
    cases = published(CaseLaw).filter(country=country).order_by("-decision_date", "-id")
    treaty_ids = TreatyParty.objects.filter(country=country).values("treaty_id")
    treaties = published(Treaty).filter(pk__in=treaty_ids).order_by("-in_force_on", "title")
    strategies = published(Strategy).filter(country=country).order_by("-adopted_on")
    return {
        "legislation": list(legislation[:limit]),
        "legislation_count": legislation.count(),
        "cases": list(cases[:limit]),
        "case_count": cases.count(),
        "treaties": list(treaties.prefetch_related("parties")[:limit]),
        "treaty_count": treaties.count(),
        "strategies": list(strategies[:limit]),
    }


def provisions_for(
    *, article: Any = None, crime_type: Any = None, country_ids: list[int] | None = None
) -> QuerySet[Provision]:
    """Provisions of published legislation linked to an article or crime type."""
    provisions = Provision.objects.filter(legislation__status=Status.PUBLISHED)
    if article is not None:
        provisions = provisions.filter(articles=article)
    if crime_type is not None:
        provisions = provisions.filter(crime_types=crime_type)
    if country_ids is not None:
        provisions = provisions.filter(legislation__country_id__in=country_ids)
    return provisions.select_related("legislation", "legislation__country").order_by(
        "legislation__country__name", "legislation__title", "sort_order"
    )


def cases_for_article(article: Any) -> QuerySet[CaseLaw]:
    return (
        published(CaseLaw)
        .filter(articles=article)
        .select_related("country")
        .order_by("country__name", "-decision_date")
    )


def compare_provisions(
    country_ids: list[int], *, article: Any = None, crime_type: Any = None
) -> list[tuple[int, list[Provision]]]:
    """Each State's provisions on the article or crime type, in the order the States were asked."""
    by_country: dict[int, list[Provision]] = {cid: [] for cid in country_ids}
    for provision in provisions_for(
        article=article, crime_type=crime_type, country_ids=country_ids
    ):
        country_id = provision.legislation.country_id
        if country_id is not None:
            by_country.setdefault(country_id, []).append(provision)
    return [(cid, by_country[cid]) for cid in country_ids]


def moderation_queue() -> dict[str, list[Any]]:
    """Submitted records of every kind, oldest first, for editors."""
    queue: dict[str, list[Any]] = {}
    for model in (CaseLaw, Legislation, Treaty, Strategy, Publication):
        queue[model.KIND] = list(
            model.objects.filter(status=Status.SUBMITTED)
            .select_related("country", "created_by")
            .order_by("updated_at")[:200]
        )
    return queue


def contributions_of(user: Any) -> list[Any]:
    """Records the user started, of every kind, newest first."""
    records: list[Any] = []
    for model in (CaseLaw, Legislation, Treaty, Strategy, Publication):
        records.extend(
            model.objects.filter(created_by=user)
            .select_related("country")
            .order_by("-updated_at")[:100]
        )
    records.sort(key=lambda r: r.updated_at, reverse=True)
    return records
