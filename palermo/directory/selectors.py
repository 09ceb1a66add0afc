"""Reads of the directory: browsing, filtering, search within visible fields, stale entries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from palermo.accounts import access
from palermo.directory import visibility
from palermo.directory.models import STALE_AFTER, Authority
from palermo.reference.models import Country


def _json_list_has(field_name: str, code: str) -> Q:
    """Whether a JSON list field holds `code`, portable across SQLite and PostgreSQL."""
    return Q(**{f"{field_name}_text__contains": f'"{code}"'})


def list_authorities(
    user: Any,
    *,
    country: Country | None = None,
    competence: str = "",
    language: str = "",
    query: str = "",
) -> QuerySet[Authority]:
    """Authorities filtered by State, competence, accepted language and a search text.

    The search text is matched against the fields this user may see only, so a restricted
    value never makes an entry turn up for an anonymous visitor.
    """
    authorities = Authority.objects.select_related("country", "last_verified_by").annotate(
        competences_text=Cast("competences", TextField()),
        accepted_languages_text=Cast("accepted_languages", TextField()),
    )
    if country is not None:
        authorities = authorities.filter(country=country)
    if competence:
        authorities = authorities.filter(_json_list_has("competences", competence))
    if language:
        authorities = authorities.filter(_json_list_has("accepted_languages", language))
    if query:
        condition = Q()
        for name in visibility.searchable_fields(user):
            if name == "local_names":
                condition |= Q(local_names_text__icontains=query)
            elif name in ("emails", "phones"):
                authorities = authorities.annotate(**{f"{name}_text": Cast(name, TextField())})
                condition |= Q(**{f"{name}_text__icontains": query})
            else:
                condition |= Q(**{f"{name}__icontains": query})
        authorities = authorities.filter(condition).distinct()
    return authorities.order_by("country__name", "name").prefetch_related("contacts", "guides")


def countries_with_authorities() -> QuerySet[Country]:
    return Country.objects.filter(authorities__isnull=False).distinct().order_by("name")


def authorities_of_country(country: Country) -> QuerySet[Authority]:
    return (
        Authority.objects.filter(country=country)
        .select_related("country", "last_verified_by")
        .prefetch_related("contacts", "guides")
        .order_by("name")
    )


def list_stale_authorities(user: Any, now: datetime | None = None) -> QuerySet[Authority]:
    """Entries not verified for twelve months: the user's own States for focal points, all
    for editors and staff."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    stale = Authority.objects.filter(
        Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=cutoff)
    ).select_related("country", "last_verified_by")
    if not access.is_editor(user):
        stale = stale.filter(country_id__in=access.focal_point_country_ids(user))
    return stale.order_by("last_verified_at", "country__name", "name")


def stale_authorities_by_focal_point(now: datetime | None = None) -> dict[Any, list[Authority]]:
    """For the reminder: every focal point with the stale entries of their States."""
    from palermo.accounts.models import FocalPoint

    cutoff = (now or timezone.now()) - STALE_AFTER
    stale = list(
        Authority.objects.filter(Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=cutoff))
        .select_related("country")
        .order_by("name")
    )
    reminders: dict[Any, list[Authority]] = {}
    for focal_point in FocalPoint.objects.select_related("user").filter(user__is_active=True):
        entries = [a for a in stale if a.country_id == focal_point.country_id]
        if entries:
            reminders.setdefault(focal_point.user, []).extend(entries)
    return reminders


def authority_history(authority: Authority) -> list[Any]:
    return list(authority.history.select_related("history_user").order_by("-history_date")[:100])
