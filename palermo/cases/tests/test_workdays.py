"""Working days and deadlines across weekends and holidays."""

from datetime import date

import pytest
import time_machine

from palermo.cases.services_work import add_holiday, save_case_settings
from palermo.cases.tests.factories import CaseFactory
from palermo.cases.workdays import (
    Targets,
    add_working_days,
    classify,
    deadlines_for,
    working_days_between,
)

EASTER_MONDAY = date(2026, 4, 6)

ADD_TABLE = [
    # start (weekday), working days, holidays, expected
    (date(2026, 11, 20), 1, (), date(2026, 11, 23)),  # Friday + 1 → Monday
    (date(2026, 11, 21), 1, (), date(2026, 11, 23)),  # Saturday + 1 → Monday
    (date(2026, 11, 16), 5, (), date(2026, 11, 23)),  # Monday + 5 → next Monday
    (date(2026, 4, 3), 1, (EASTER_MONDAY,), date(2026, 4, 7)),  # Friday, Monday is a holiday
    (date(2026, 12, 24), 2, (date(2026, 12, 25),), date(2026, 12, 29)),
    (date(2026, 11, 21), 0, (), date(2026, 11, 23)),  # 0: next working day on or after
    (date(2026, 11, 18), 0, (), date(2026, 11, 18)),
]


@pytest.mark.parametrize("start, days, holidays, expected", ADD_TABLE)
def test_add_working_days(start, days, holidays, expected):
    assert add_working_days(start, days, frozenset(holidays)) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2026, 11, 20), date(2026, 11, 23), 1),
        (date(2026, 11, 23), date(2026, 11, 20), -1),
        (date(2026, 11, 16), date(2026, 11, 30), 10),
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end, frozenset()) == expected


@pytest.mark.parametrize(
    "due, today, expected",
    [
        (date(2026, 11, 27), date(2026, 11, 28), "overdue"),
        (date(2026, 11, 28), date(2026, 11, 28), "due_soon"),
        (date(2026, 12, 5), date(2026, 11, 28), "due_soon"),
        (date(2026, 12, 6), date(2026, 11, 28), "on_track"),
        (None, date(2026, 11, 28), "on_track"),
    ],
)
def test_classify(due, today, expected):
    assert classify(due, today, 7) == expected


def test_deadlines_of_an_incoming_request_in_order():
    found = deadlines_for(
        direction="incoming",
        state="received",
        finished=False,
        received_on=date(2026, 11, 20),
        sent_on=None,
        requesting_deadline=date(2026, 12, 1),
        requesting_deadline_reason="trial",
        measure_deadlines=[(date(2026, 11, 30), "custody ends")],
        targets=Targets(acknowledge_within=2, completeness_check_within=5, execution_within=20),
        holidays=frozenset({date(2026, 11, 24)}),
    )
    assert [(d.kind, d.due_on) for d in found] == [
        ("acknowledge", date(2026, 11, 25)),
        ("completeness", date(2026, 11, 30)),
        ("measure", date(2026, 11, 30)),
        ("requesting_state", date(2026, 12, 1)),
        ("execution", date(2026, 12, 21)),
    ]
    assert (
        deadlines_for(
            direction="incoming",
            state="executed",
            finished=True,
            received_on=date(2026, 11, 20),
            sent_on=None,
            requesting_deadline=None,
            requesting_deadline_reason="",
            measure_deadlines=[],
            targets=Targets(),
            holidays=frozenset(),
        )
        == []
    )


@time_machine.travel("2026-11-20 09:00Z")
def test_an_authoritys_holiday_moves_its_open_cases_deadlines(world):
    sam = world.users["sam"]
    save_case_settings(
        sam,
        world.authority_a,
        acknowledge_within=1,
        completeness_check_within=1,
        execution_within=1,
        chase_after=1,
        due_soon_days=3,
    )
    case = CaseFactory(
        organisation=world.authority_a,
        counterpart_state=world.state_y,
        received_on=date(2026, 11, 20),
    )
    other = CaseFactory(
        organisation=world.authority_b,
        counterpart_state=world.state_x,
        received_on=date(2026, 11, 20),
    )
    add_holiday(sam, world.authority_a, day=date(2026, 11, 23), name="Founders' day")
    case.refresh_from_db()
    other.refresh_from_db()
    assert case.next_due_on == date(2026, 11, 24)  # Friday → (weekend, holiday) → Tuesday
    assert other.next_due_on is None  # B's cases are B's business
