"""An authority's deadlines for one case, from its settings, its holidays and the case's dates."""

from __future__ import annotations

from datetime import date

from palermo.cases.models import Case, CaseSettings, Holiday
from palermo.cases.workdays import Deadline, Targets, deadlines_for


def targets_of(organisation_id: int) -> tuple[Targets, int]:
    """The authority's internal targets and its due-soon window (defaults when never set)."""
    settings = CaseSettings.objects.filter(organisation_id=organisation_id).first()
    if settings is None:
        return Targets(), CaseSettings._meta.get_field("due_soon_days").get_default()
    return (
        Targets(
            acknowledge_within=settings.acknowledge_within,
            completeness_check_within=settings.completeness_check_within,
            execution_within=settings.execution_within,
            chase_after=settings.chase_after,
        ),
        settings.due_soon_days,
    )


def holidays_of(organisation_id: int) -> frozenset[date]:
    return frozenset(
        Holiday.objects.filter(organisation_id=organisation_id).values_list("day", flat=True)
    )


def case_deadlines(
    case: Case, targets: Targets | None = None, holidays: frozenset[date] | None = None
) -> list[Deadline]:
    if targets is None:
        targets = targets_of(case.organisation_id)[0]
    if holidays is None:
        holidays = holidays_of(case.organisation_id)
    measure_deadlines = [
        (m.deadline, m.deadline_reason or str(m))
        for m in case.measures.all()
        if m.deadline is not None and m.executed_on is None
    ]
    return deadlines_for(
        direction=case.direction,
        state=case.state,
        finished=case.is_finished,
        received_on=case.received_on,
        sent_on=case.sent_on,
        requesting_deadline=case.requesting_deadline,
        requesting_deadline_reason=case.requesting_deadline_reason,
        measure_deadlines=measure_deadlines,
        targets=targets,
        holidays=holidays,
    )


def refresh_next_deadline(
    case: Case, targets: Targets | None = None, holidays: frozenset[date] | None = None
) -> None:
    """Store the earliest open deadline on the case, so lists of due and overdue cases are fast."""
    found = case_deadlines(case, targets, holidays)
    case.next_due_on = found[0].due_on if found else None
    case.next_due_kind = found[0].kind if found else ""
    case.is_open = not case.is_finished
