"""Working days and deadlines as pure functions (no Django): weekends and an authority's holidays.

An authority's internal target "within N working days of receipt" falls on the Nth working day
after the day of receipt; the day of receipt itself does not count, as in most registries.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WEEKEND = frozenset({5, 6})  # Saturday and Sunday (date.weekday())


def is_working_day(
    day: date, holidays: Collection[date], weekend: Collection[int] = WEEKEND
) -> bool:
    return day.weekday() not in weekend and day not in holidays


def add_working_days(
    start: date, days: int, holidays: Collection[date], weekend: Collection[int] = WEEKEND
) -> date:
    """The date `days` working days after `start` (0 gives the next working day on or after)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    if days == 0:
        while not is_working_day(current, holidays, weekend):
            current += timedelta(days=1)
        return current
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current, holidays, weekend):
            remaining -= 1
    return current


def working_days_between(
    start: date, end: date, holidays: Collection[date], weekend: Collection[int] = WEEKEND
) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is earlier."""
    if end < start:
        return -working_days_between(end, start, holidays, weekend)
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, holidays, weekend):
            count += 1
    return count


@dataclass(frozen=True)
class Deadline:
    kind: str  # "requesting_state", "measure", "acknowledge", "completeness", "execution", "chase"
    due_on: date
    reason: str = ""


@dataclass(frozen=True)
class Targets:
    """An authority's internal targets, in working days."""

    acknowledge_within: int = 5
    completeness_check_within: int = 10
    execution_within: int = 120
    chase_after: int = 30


def deadlines_for(
    *,
    direction: str,
    state: str,
    finished: bool,
    received_on: date | None,
    sent_on: date | None,
    requesting_deadline: date | None,
    requesting_deadline_reason: str,
    measure_deadlines: Iterable[tuple[date, str]],
    targets: Targets,
    holidays: Collection[date],
) -> list[Deadline]:
    """Every deadline that applies to a case now, earliest first. Finished cases have none."""
    if finished:
        return []
    found: list[Deadline] = []
    if requesting_deadline is not None:
        found.append(Deadline("requesting_state", requesting_deadline, requesting_deadline_reason))
    for due_on, reason in measure_deadlines:
        found.append(Deadline("measure", due_on, reason))
    if direction == "incoming" and received_on is not None:
        if state in ("received",):
            found.append(
                Deadline(
                    "acknowledge",
                    add_working_days(received_on, targets.acknowledge_within, holidays),
                )
            )
        if state in ("received", "registered", "completeness_check"):
            found.append(
                Deadline(
                    "completeness",
                    add_working_days(received_on, targets.completeness_check_within, holidays),
                )
            )
        found.append(
            Deadline("execution", add_working_days(received_on, targets.execution_within, holidays))
        )
    if direction == "outgoing" and sent_on is not None and state in ("sent", "acknowledged"):
        found.append(Deadline("chase", add_working_days(sent_on, targets.chase_after, holidays)))
    return sorted(found, key=lambda d: (d.due_on, d.kind))


def classify(due_on: date | None, today: date, due_soon_days: int) -> str:
    """'overdue', 'due_soon' or 'on_track' (calendar days, as people read a list)."""
    if due_on is None:
        return "on_track"
    if due_on < today:
        return "overdue"
    if (due_on - today).days <= due_soon_days:
        return "due_soon"
    return "on_track"
