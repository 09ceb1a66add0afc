"""Demo cases for `palermo demo`: about 300 fictional requests of the demo authority A (in Italy)
over three years, incoming and outgoing, with their transitions, so the dashboard shows patterns:
some States answer fast and some slowly, a few requests are refused, some are overdue.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from palermo.accounts.demo import demo_authority
from palermo.accounts.models import User
from palermo.cases.deadlines import holidays_of, targets_of
from palermo.cases.maintenance import refresh_planner_statistics
from palermo.cases.models import Case, CaseMeasure, CaseTransition, Holiday
from palermo.cases.workdays import deadlines_for
from palermo.cases.workflow import FINISHED_STATES, INCOMING, OUTGOING
from palermo.reference.measures import MEASURES
from palermo.reference.models import Country, CrimeType

CASES = 300
PREFIX = "DEMO-"
# Counterpart States (ISO alpha-3) with how slowly each tends to answer (1.0 = typical).
COUNTERPARTS: dict[str, float] = {
    "FRA": 0.6,
    "DEU": 0.7,
    "ESP": 0.8,
    "CHE": 0.9,
    "NLD": 0.6,
    "ALB": 1.6,
    "SRB": 1.3,
    "ROU": 1.1,
    "BRA": 1.8,
    "ARG": 1.5,
    "COL": 1.7,
    "MEX": 2.0,
    "USA": 1.2,
    "GBR": 0.9,
    "NGA": 2.4,
    "MAR": 1.4,
    "TUN": 1.6,
    "TUR": 1.3,
    "CHN": 2.2,
    "UKR": 1.5,
    "AUS": 1.0,
    "CAN": 1.0,
    "ZAF": 1.9,
}
TITLES = (
    "Bank records of a shell company in the olive-oil fraud",
    "Hearing of a witness to the container-port smuggling",
    "Freezing of accounts linked to the Aurora network",
    "Subscriber data for phones used by the cigarette ring",
    "Search of a warehouse used by the counterfeit-medicine group",
    "Service of a summons on a defendant in the toll fraud",
    "Tracing of proceeds of the migrant-smuggling route",
    "Company records of the yacht-charter laundering scheme",
)
ITALIAN_HOLIDAYS = (
    (1, 1),
    (1, 6),
    (4, 25),
    (5, 1),
    (6, 2),
    (8, 15),
    (11, 1),
    (12, 8),
    (12, 25),
    (12, 26),
)


def _incoming_path(rng: random.Random, slowness: float) -> list[tuple[str, str, int]]:
    steps = [
        ("register", "registered", rng.randint(1, 4)),
        ("check_completeness", "completeness_check", rng.randint(1, 6)),
    ]
    if rng.random() < 0.2:
        steps += [
            ("request_information", "info_requested", rng.randint(2, 8)),
            ("information_received", "completeness_check", int(rng.randint(15, 60) * slowness)),
        ]
    if rng.random() < 0.09:
        steps += [
            ("consult", "consultation", rng.randint(5, 20)),
            ("refuse", "refused", rng.randint(10, 30)),
            ("close", "closed", rng.randint(1, 10)),
        ]
        return steps
    if rng.random() < 0.03:
        return [*steps, ("withdraw", "withdrawn", rng.randint(10, 60))]
    steps += [
        ("accept", "accepted", rng.randint(1, 10)),
        ("assign_executing", "assigned_executing", rng.randint(1, 10)),
        ("start_execution", "in_execution", rng.randint(3, 20)),
    ]
    if rng.random() < 0.25:
        steps.append(
            (
                "execute_partially",
                "partially_executed",
                int(rng.lognormvariate(3.6, 0.5) * slowness),
            )
        )
    steps += [
        ("execute", "executed", int(rng.lognormvariate(4.0, 0.55) * slowness)),
        ("close", "closed", rng.randint(2, 20)),
    ]
    return steps


def _outgoing_path(rng: random.Random, slowness: float) -> list[tuple[str, str, int]]:
    steps = [
        ("send", "sent", rng.randint(0, 3)),
        ("acknowledge", "acknowledged", int(rng.randint(5, 35) * slowness)),
    ]
    if rng.random() < 0.2:
        steps += [
            ("information_requested", "info_requested", int(rng.randint(10, 40) * slowness)),
            ("start_execution", "in_execution", rng.randint(10, 40)),
        ]
    else:
        steps.append(("start_execution", "in_execution", int(rng.randint(10, 50) * slowness)))
    if rng.random() < 0.07:
        return [
            *steps,
            ("refused", "refused", int(rng.randint(20, 90) * slowness)),
            ("close", "closed", rng.randint(1, 10)),
        ]
    steps += [
        ("execute", "executed", int(rng.lognormvariate(4.2, 0.5) * slowness)),
        ("close", "closed", rng.randint(2, 15)),
    ]
    return steps


@transaction.atomic
def load_demo(log: Callable[[str], None]) -> None:
    organisation = demo_authority("A")
    if Case.objects.filter(organisation=organisation, our_reference__startswith=PREFIX).exists():
        log("demo cases already present")
        return
    today = timezone.localdate()
    for year in (today.year - 3, today.year - 2, today.year - 1, today.year, today.year + 1):
        for month, day in ITALIAN_HOLIDAYS:
            Holiday.objects.get_or_create(
                organisation=organisation,
                day=date(year, month, day),
                defaults={"name": "Public holiday"},
            )
    rng = random.Random(2026)  # noqa: S311 (fictional data, not secrets)
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=COUNTERPARTS)}
    if not countries:
        log("no countries: run `palermo load-reference` first; demo cases skipped")
        return
    crimes = list(CrimeType.objects.all())
    people = {
        u.email: u
        for u in User.objects.filter(email__in=["alice@demo.palermo.test", "sam@demo.palermo.test"])
    }
    alice, sam = people.get("alice@demo.palermo.test"), people.get("sam@demo.palermo.test")
    targets, _soon = targets_of(organisation.pk)
    holidays = holidays_of(organisation.pk)
    codes = sorted(countries)
    measure_codes = [m.code for m in MEASURES if m.request_type == "mla"][:12]
    plans = []
    for number in range(1, CASES + 1):
        direction = INCOMING if rng.random() < 0.55 else OUTGOING
        iso3 = rng.choice(codes)
        slowness = COUNTERPARTS[iso3]
        start = today - timedelta(days=rng.randint(3, 3 * 365))
        path = (_incoming_path if direction == INCOMING else _outgoing_path)(rng, slowness)
        state = "received" if direction == INCOMING else "drafted"
        when = start
        steps: list[tuple[str, str, str, date]] = [("create", "", state, start)]
        for code, target, days in path:
            if when + timedelta(days=days) > today:
                break
            when += timedelta(days=days)
            steps.append((code, state, target, when))
            state = target
        assignee = alice if rng.random() < 0.45 else (sam if rng.random() < 0.2 else None)
        case = Case(
            organisation=organisation,
            direction=direction,
            our_reference=f"{PREFIX}{'IN' if direction == INCOMING else 'OUT'}-{number:04d}",
            their_reference=f"{iso3}/{start.year}/{rng.randint(100, 9999)}",
            title=rng.choice(TITLES),
            counterpart_state=countries[iso3],
            counterpart_authority=f"Central authority of {countries[iso3].name}",
            received_on=start if direction == INCOMING else None,
            offence_summary="Fictional demo case.",
            state=state,
            assigned_to=assignee,
            crime_type=rng.choice(crimes) if crimes else None,
            created_by=sam,
            requesting_deadline=(
                start + timedelta(days=rng.randint(30, 120))
                if direction == INCOMING and rng.random() < 0.3
                else None
            ),
            correspondence_language=rng.choice(["en", "fr", "es", "ar", "ru", "zh-hans"]),
        )
        case.requesting_deadline_reason = "Trial date set" if case.requesting_deadline else ""
        for code, _from, target, on in steps:
            if code == "send":
                case.sent_on = on
            if target == "executed":
                case.executed_on = on
            if code in ("refuse", "refused"):
                case.refusal_ground = rng.choice(
                    ["non_conformity", "dual_criminality", "domestic_bar", "sovereignty"]
                )
            if target in FINISHED_STATES and case.finished_on is None:
                case.finished_on = on
        if case.executed_on and case.started_on:
            case.days_to_execution = (case.executed_on - case.started_on).days
        found = deadlines_for(
            direction=direction,
            state=state,
            finished=state in FINISHED_STATES,
            received_on=case.received_on,
            sent_on=case.sent_on,
            requesting_deadline=case.requesting_deadline,
            requesting_deadline_reason=case.requesting_deadline_reason,
            measure_deadlines=[],
            targets=targets,
            holidays=holidays,
        )
        case.next_due_on = found[0].due_on if found else None
        case.next_due_kind = found[0].kind if found else ""
        case.is_open = state not in FINISHED_STATES
        plans.append((case, steps, rng.sample(measure_codes, rng.randint(1, 3))))
    Case.objects.bulk_create([p[0] for p in plans])
    CaseMeasure.objects.bulk_create(
        [CaseMeasure(case=c, code=m) for c, _s, ms in plans for m in ms]
    )
    CaseTransition.objects.bulk_create(
        [
            CaseTransition(
                case=c,
                code=code,
                from_state=from_state,
                to_state=to_state,
                occurred_on=on,
                actor=c.assigned_to or sam,
                reason="Demo step."
                if code
                in (
                    "refuse",
                    "refused",
                    "withdraw",
                    "consult",
                    "request_information",
                    "information_requested",
                )
                else "",
            )
            for c, steps, _m in plans
            for code, from_state, to_state, on in steps
        ]
    )
    refresh_planner_statistics()
    log(f"demo cases: {len(plans)} for {organisation}")
