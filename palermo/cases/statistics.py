"""Figures on how long cooperation takes, for one authority.

Durations are days from receipt (incoming) or sending (outgoing) to execution, both dates taken
from the recorded transitions when they happened (services.transition_case stores them on the
case). The figures of each authority are kept in CaseStatistics: a background task refreshes
them after a case changes (stats_cache) and `palermo case-reminders` every day, so pages only read
them (grouping 100,000 cases takes over a second); only when none exist yet are they computed in
the request, once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.cases.figures import AGE_BUCKETS, age_bucket, percentile
from palermo.cases.models import Case, CaseMeasure, CaseStatistics
from palermo.reference.measures import MEASURES_BY_CODE
from palermo.reference.models import Country, CrimeType

MONTHS_SHOWN = 36


@dataclass
class DurationRow:
    key: str
    label: str
    cases: int
    median: float | None
    p90: float | None


@dataclass
class Statistics:
    months: list[tuple[date, int, int]]  # month, opened, finished
    by_state: list[DurationRow]
    by_measure: list[DurationRow]
    by_offence: list[DurationRow]
    backlog: list[tuple[str, int]]
    refusals: list[tuple[str, str, int]]
    open_cases: int
    finished_cases: int
    as_of: datetime | None = None  # when the figures were computed


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _months_back(today: date, count: int) -> list[date]:
    months: list[date] = []
    year, month = today.year, today.month
    for _step in range(count):
        months.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def _duration_rows(
    counted: list[tuple[Any, int, int]],
) -> list[tuple[Any, int, float | None, float | None]]:
    """(key, days, number of cases) → per key: cases, median and 90th percentile of days."""
    grouped: dict[Any, list[int]] = defaultdict(list)
    for key, days, count in counted:
        grouped[key].extend([days] * count)
    rows = [(key, len(v), percentile(v, 0.5), percentile(v, 0.9)) for key, v in grouped.items()]
    rows.sort(key=lambda r: (-(r[2] or 0), str(r[0])))
    return rows


def _by_day(queryset: Any, *fields: Any) -> list[tuple[Any, ...]]:
    """Counts grouped in the database by the given fields (few distinct values, index-only)."""
    return list(queryset.order_by().values_list(*fields).annotate(n=Count("pk")))


def _raw_figures(organisation_id: int, today: date) -> dict[str, Any]:
    """Every figure of the authority, as JSON-ready lists and numbers (stored in CaseStatistics)."""
    cases = Case.objects.filter(organisation_id=organisation_id)
    started = cases.annotate(start=Coalesce("received_on", "sent_on"))
    first_month = _months_back(today, MONTHS_SHOWN)[0]
    opened: dict[date, int] = defaultdict(int)
    for day, count in _by_day(started.filter(start__gte=first_month), "start"):
        opened[_month_start(day)] += count
    finished: dict[date, int] = defaultdict(int)
    for day, count in _by_day(cases.filter(finished_on__gte=first_month), "finished_on"):
        finished[_month_start(day)] += count
    executed = cases.filter(days_to_execution__isnull=False)
    by_state = _duration_rows(_by_day(executed, "counterpart_state_id", "days_to_execution"))
    by_offence = _duration_rows(
        _by_day(executed.filter(crime_type__isnull=False), "crime_type_id", "days_to_execution")
    )
    by_measure = _duration_rows(
        _by_day(
            CaseMeasure.objects.filter(
                case__organisation_id=organisation_id, case__days_to_execution__isnull=False
            ),
            "code",
            "case__days_to_execution",
        )
    )
    backlog = [0] * len(AGE_BUCKETS)
    for day, count in _by_day(started.filter(is_open=True, start__isnull=False), "start"):
        backlog[age_bucket((today - day).days)] += count
    refusals = sorted(
        _by_day(cases.exclude(refusal_ground=""), "refusal_ground"), key=lambda r: -r[1]
    )
    open_cases = sum(n for _day, n in _by_day(cases.filter(is_open=True), "organisation_id"))
    all_cases = sum(n for _day, n in _by_day(cases, "organisation_id"))
    return {
        "opened": {month.isoformat(): n for month, n in opened.items()},
        "finished": {month.isoformat(): n for month, n in finished.items()},
        "by_state": [list(row) for row in by_state],
        "by_offence": [list(row) for row in by_offence],
        "by_measure": [list(row) for row in by_measure],
        "backlog": backlog,
        "refusals": [list(row) for row in refusals],
        "open_cases": open_cases,
        "finished_cases": all_cases - open_cases,
    }


def _normal_month(value: Any) -> date:
    return _month_start(value.date() if hasattr(value, "date") else value)


def bucket_label(index: int) -> str:
    low, high = AGE_BUCKETS[index]
    if high is None:
        return _("over %(days)d days") % {"days": low - 1}
    return _("%(low)d–%(high)d days") % {"low": low, "high": high}


def refresh_statistics(organisation_id: int, today: date) -> CaseStatistics:
    """Compute the authority's figures and keep them (the background task and the daily job)."""
    computed_at = timezone.now()
    figures = _raw_figures(organisation_id, today)
    snapshot, _created = CaseStatistics.objects.update_or_create(
        organisation_id=organisation_id,
        defaults={"day": today, "computed_at": computed_at, "figures": figures},
    )
    return snapshot


def statistics_for(organisation_id: int, today: date) -> Statistics:
    """The kept figures, as of when they were computed; computed now only if there are none."""
    snapshot = CaseStatistics.objects.filter(organisation_id=organisation_id).first()
    if snapshot is None:
        snapshot = refresh_statistics(organisation_id, today)
    return _statistics(snapshot.figures, snapshot.day, snapshot.computed_at)


def _statistics(raw: dict[str, Any], today: date, as_of: datetime | None) -> Statistics:
    states = {
        c.pk: (c.iso3, c.name)
        for c in Country.objects.filter(pk__in=[r[0] for r in raw["by_state"]]).only(
            "pk", "iso3", "name"
        )
    }
    crimes = {
        c.pk: (c.code, c.name)
        for c in CrimeType.objects.filter(pk__in=[r[0] for r in raw["by_offence"]])
    }
    refusal_labels = dict(Case.RefusalGround.choices)
    return Statistics(
        months=[
            (m, raw["opened"].get(m.isoformat(), 0), raw["finished"].get(m.isoformat(), 0))
            for m in _months_back(today, MONTHS_SHOWN)
        ],
        by_state=[
            DurationRow(states[k][0], states[k][1], n, med, p90)
            for k, n, med, p90 in raw["by_state"]
            if k in states
        ],
        by_measure=[
            DurationRow(
                k, str(MEASURES_BY_CODE[k].label) if k in MEASURES_BY_CODE else k, n, med, p90
            )
            for k, n, med, p90 in raw["by_measure"]
        ],
        by_offence=[
            DurationRow(crimes[k][0], crimes[k][1], n, med, p90)
            for k, n, med, p90 in raw["by_offence"]
            if k in crimes
        ],
        backlog=[(bucket_label(i), n) for i, n in enumerate(raw["backlog"])],
        refusals=[(code, str(refusal_labels.get(code, code)), n) for code, n in raw["refusals"]],
        open_cases=raw["open_cases"],
        finished_cases=raw["finished_cases"],
        as_of=as_of,
    )


def fresh_statistics(organisation_id: int, today: date) -> Statistics:
    """Figures computed now, without keeping them: what the kept figures must equal."""
    return _statistics(_raw_figures(organisation_id, today), today, None)
