"""Reads for case tracking: lists, due and overdue work, workload, reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet

from palermo.accounts import access
from palermo.accounts.models import Membership, Organisation
from palermo.cases.access import cases_visible_to
from palermo.cases.models import Case, Reminder


@dataclass
class CaseFilters:
    direction: str = ""
    state: str = ""
    counterpart: str = ""  # ISO alpha-3
    due: str = ""  # "overdue" | "due_soon"
    mine: bool = False
    open_only: bool = True
    query: str = ""


def list_cases(
    user: Any, filters: CaseFilters, today: date, due_soon_days: int = 7
) -> QuerySet[Case]:
    cases = cases_visible_to(user).select_related("counterpart_state", "assigned_to")
    if filters.direction:
        cases = cases.filter(direction=filters.direction)
    if filters.state:
        cases = cases.filter(state=filters.state)
    elif filters.open_only:
        cases = cases.filter(is_open=True)
    if filters.counterpart:
        cases = cases.filter(counterpart_state__iso3=filters.counterpart.upper())
    if filters.mine:
        cases = cases.filter(assigned_to=user)
    if filters.due == "overdue":
        cases = cases.filter(is_open=True, next_due_on__lt=today)
    elif filters.due == "due_soon":
        cases = cases.filter(
            is_open=True,
            next_due_on__gte=today,
            next_due_on__lte=today + timedelta(days=due_soon_days),
        )
    if filters.query:
        cases = cases.filter(
            Q(our_reference__icontains=filters.query)
            | Q(their_reference__icontains=filters.query)
            | Q(title__icontains=filters.query)
        )
    return cases.order_by("next_due_on") if filters.due else cases.order_by("-id")


def in_order(cases: QuerySet[Case], limit: int | None = None) -> list[Case]:
    """Rows of a filtered, ordered list in two steps: the ids first (read from an index), then
    the few rows shown, so that sorting never carries whole rows of 100,000 cases."""
    ids = list(
        cases.values_list("pk", flat=True)[:limit] if limit else cases.values_list("pk", flat=True)
    )
    return rows_for(ids)


def rows_for(ids: list[int]) -> list[Case]:
    found = Case.objects.select_related("counterpart_state", "assigned_to").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def overdue_cases(user: Any, today: date) -> QuerySet[Case]:
    return (
        cases_visible_to(user)
        .filter(is_open=True, next_due_on__lt=today)
        .select_related("counterpart_state", "assigned_to")
        .order_by("next_due_on")
    )


def due_soon_cases(user: Any, today: date, days: int) -> QuerySet[Case]:
    return (
        cases_visible_to(user)
        .filter(is_open=True, next_due_on__gte=today, next_due_on__lte=today + timedelta(days=days))
        .select_related("counterpart_state", "assigned_to")
        .order_by("next_due_on")
    )


@dataclass
class Workload:
    name: str
    open_cases: int
    overdue: int


def workload(organisation: Organisation, today: date) -> list[Workload]:
    """Open and overdue cases per caseworker of the authority, unassigned last."""
    rows = (
        Case.objects.filter(organisation=organisation, is_open=True)
        .values("assigned_to")
        .annotate(open_cases=Count("id"), overdue=Count("id", filter=Q(next_due_on__lt=today)))
    )
    by_user: dict[int | None, dict[str, int]] = {
        row["assigned_to"]: {"open_cases": row["open_cases"], "overdue": row["overdue"]}
        for row in rows
    }
    members = Membership.objects.filter(organisation=organisation).select_related("user")
    result = [
        Workload(
            m.user.display_name,
            by_user.get(m.user_id, {}).get("open_cases", 0),
            by_user.get(m.user_id, {}).get("overdue", 0),
        )
        for m in members
    ]
    result.sort(key=lambda w: (-w.open_cases, w.name))
    unassigned = by_user.get(None)
    if unassigned:
        result.append(Workload("", unassigned["open_cases"], unassigned["overdue"]))
    return result


def reminders_for(user: Any, limit: int = 50) -> list[Reminder]:
    """The user's open reminders, for cases they can still see (few rows: filtered in two steps)."""
    reminders = list(
        Reminder.objects.filter(recipient=user, dismissed_at__isnull=True)
        .select_related("case")
        .order_by("due_on")[:limit]
    )
    visible = set(
        cases_visible_to(user)
        .filter(pk__in={r.case_id for r in reminders})
        .values_list("pk", flat=True)
    )
    return [r for r in reminders if r.case_id in visible]


def member_organisations(user: Any) -> list[Organisation]:
    return [m.organisation for m in access.memberships(user)]


def organisation_for(user: Any, organisation_id: str | int | None) -> Organisation | None:
    """The authority the user asked for (by id), or their first; None when not a member."""
    organisations = member_organisations(user)
    if not organisations:
        return None
    if organisation_id in (None, ""):
        return organisations[0]
    for organisation in organisations:
        if str(organisation.pk) == str(organisation_id):
            return organisation
    return None


def assignable_members(organisation_id: int) -> QuerySet[Any]:
    from palermo.accounts.models import User

    return User.objects.filter(memberships__organisation_id=organisation_id).order_by("full_name")
