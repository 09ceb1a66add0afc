"""Kept statistics: equal to a fresh computation, refreshed after a committed change and daily,
and read (never recomputed) by the dashboard once they exist."""

from __future__ import annotations

import dataclasses
import io
import random
from datetime import date, timedelta
from typing import Any

import time_machine
from django.core.management import call_command
from django.utils import timezone

from palermo.cases.models import CaseStatistics
from palermo.cases.services_work import add_offence
from palermo.cases.statistics import fresh_statistics, refresh_statistics, statistics_for
from palermo.cases.stats_cache import refresh_case_statistics
from palermo.cases.tests.factories import CaseFactory, CaseMeasureFactory
from palermo.reference.tests.factories import CountryFactory, CrimeTypeFactory

TODAY = date(2026, 11, 20)


def _figures(stats: Any) -> dict[str, Any]:
    values = dataclasses.asdict(stats)
    values.pop("as_of")
    return values


def _varied_cases(world: Any, count: int = 60) -> None:
    rng = random.Random(6)
    states = [world.state_y, CountryFactory(iso2="QZ", iso3="QQZ", numeric="998", name="Quuz")]
    crimes = [CrimeTypeFactory(), CrimeTypeFactory()]
    for number in range(count):
        start = TODAY - timedelta(days=rng.randint(1, 1200))
        kind = rng.choice(["open", "executed", "refused"])
        executed = start + timedelta(days=rng.randint(3, 300)) if kind == "executed" else None
        case = CaseFactory(
            organisation=world.authority_a,
            counterpart_state=rng.choice(states),
            received_on=start,
            state={"open": "in_execution", "executed": "closed", "refused": "refused"}[kind],
            is_open=kind == "open",
            crime_type=rng.choice([*crimes, None]),
            executed_on=executed,
            days_to_execution=(executed - start).days if executed else None,
            finished_on=None if kind == "open" else (executed or start + timedelta(days=9)),
            refusal_ground="dual_criminality" if kind == "refused" else "",
        )
        CaseMeasureFactory(case=case, code=["bank_records", "freezing"][number % 2])
    CaseFactory(organisation=world.authority_b, counterpart_state=world.state_y)


def test_kept_figures_equal_a_fresh_computation(world):
    _varied_cases(world)
    refresh_statistics(world.authority_a.pk, TODAY)
    kept = statistics_for(world.authority_a.pk, TODAY)
    fresh = fresh_statistics(world.authority_a.pk, TODAY)
    assert kept.as_of is not None
    assert _figures(kept) == _figures(fresh)
    # Not trivially equal: the sample exercises every figure.
    assert kept.open_cases and kept.finished_cases and kept.refusals
    assert len(kept.by_state) == 2 and len(kept.by_offence) == 2 and len(kept.by_measure) == 2
    assert sum(opened for _m, opened, _f in kept.months) > 0


@time_machine.travel("2026-11-20 10:00Z")
def test_a_committed_change_refreshes_the_figures_in_the_background(
    world, django_capture_on_commit_callbacks
):
    case = CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y)
    statistics_for(world.authority_a.pk, TODAY)  # none yet: computed once
    before = CaseStatistics.objects.get(organisation=world.authority_a).computed_at
    crime = CrimeTypeFactory()
    case.days_to_execution = 30
    case.save()
    with (
        time_machine.travel("2026-11-20 10:05Z"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        add_offence(world.users["alice"], case, description="Fraud", crime_type_id=crime.pk)
    assert len(callbacks) == 1  # the refresh waits for the commit
    kept = CaseStatistics.objects.get(organisation=world.authority_a)
    assert kept.computed_at > before
    assert [r.median for r in statistics_for(world.authority_a.pk, TODAY).by_state] == [30.0]


@time_machine.travel("2026-11-20 10:00Z")
def test_the_dashboard_reads_the_kept_figures_without_recomputing(world):
    CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y)
    refresh_statistics(world.authority_a.pk, TODAY)
    # A case added without a refresh (its task not run yet): the page shows the kept figures.
    CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y)
    page = world.client("alice").get("/en/cases/dashboard/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "1 open, 0 finished" in text and "figures as of" in text
    assert fresh_statistics(world.authority_a.pk, TODAY).open_cases == 2


def test_a_task_requested_before_the_last_computation_does_nothing(world):
    CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y)
    requested = timezone.now().isoformat()
    refresh_statistics(world.authority_a.pk, TODAY)
    assert refresh_case_statistics.call(world.authority_a.pk, requested) is False
    later = (timezone.now() + timedelta(seconds=1)).isoformat()
    assert refresh_case_statistics.call(world.authority_a.pk, later) is True


@time_machine.travel("2026-11-20 10:00Z")
def test_the_daily_job_refreshes_every_authority(world):
    CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y)
    CaseFactory(organisation=world.authority_b, counterpart_state=world.state_y)
    call_command("case_reminders", stdout=io.StringIO())
    kept = {s.organisation_id: s for s in CaseStatistics.objects.all()}
    assert set(kept) == {world.authority_a.pk, world.authority_b.pk}
    assert all(s.day == TODAY and s.figures["open_cases"] == 1 for s in kept.values())
