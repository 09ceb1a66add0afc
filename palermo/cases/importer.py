"""Importing an existing register from CSV (mapping in docs/data-formats.md, "Case tracking").

All or nothing: every row is checked, every bad row is reported with its line number and reason,
and nothing is saved unless every row is good.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from palermo.accounts.models import Organisation, User
from palermo.cases import stats_cache
from palermo.cases.deadlines import holidays_of, refresh_next_deadline, targets_of
from palermo.cases.models import Case, CaseMeasure, CaseTransition
from palermo.cases.workflow import FINISHED_STATES, INCOMING, OUTGOING, initial_state, states_for
from palermo.core.audit import record_event
from palermo.reference.measures import MEASURES_BY_CODE, REQUEST_TYPES_BY_CODE
from palermo.reference.models import Country

COLUMNS = (
    "direction",
    "our_reference",
    "their_reference",
    "title",
    "counterpart_state",
    "counterpart_authority",
    "request_type",
    "measures",
    "channel",
    "received_on",
    "sent_on",
    "requesting_deadline",
    "deadline_reason",
    "offence_summary",
    "status",
    "status_on",
    "executed_on",
    "refusal_ground",
    "assigned_to",
    "confidential",
    "use_limitation",
)
REQUIRED = ("direction", "title", "counterpart_state", "status")


@dataclass
class ImportReport:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def _date(value: str, name: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise ValueError(f"{name}: '{value}' is not a date like 2026-11-28") from error


def _row_to_case(
    row: dict[str, str],
    organisation: Organisation,
    countries: dict[str, Country],
    references: set[str],
) -> tuple[Case, list[str], date | None, date | None]:
    direction = row["direction"].strip().lower()
    if direction not in (INCOMING, OUTGOING):
        raise ValueError("direction must be 'incoming' or 'outgoing'")
    code = row["counterpart_state"].strip().upper()
    country = countries.get(code)
    if country is None:
        raise ValueError(f"unknown State '{row['counterpart_state']}' (use ISO alpha-3, e.g. ITA)")
    state = row["status"].strip().lower()
    if state not in states_for(direction):
        raise ValueError(f"unknown status '{row['status']}' for a {direction} request")
    received_on = _date(row.get("received_on", ""), "received_on")
    sent_on = _date(row.get("sent_on", ""), "sent_on")
    deadline = _date(row.get("requesting_deadline", ""), "requesting_deadline")
    status_on = _date(row.get("status_on", ""), "status_on")
    executed_on = _date(row.get("executed_on", ""), "executed_on")
    start = received_on if direction == INCOMING else sent_on
    if direction == INCOMING and received_on is None:
        raise ValueError("received_on is required for incoming requests")
    if start and deadline and deadline < start:
        raise ValueError("requesting_deadline is before the request's date")
    for later, name in ((executed_on, "executed_on"), (status_on, "status_on")):
        if start and later and later < start:
            raise ValueError(f"{name} is before the request's date")
    measures = [m.strip() for m in row.get("measures", "").split(";") if m.strip()]
    unknown = [m for m in measures if m not in MEASURES_BY_CODE]
    if unknown:
        raise ValueError(f"unknown measure '{unknown[0]}'")
    request_type = row.get("request_type", "").strip() or "mla"
    if request_type not in REQUEST_TYPES_BY_CODE:
        raise ValueError(f"unknown request_type '{request_type}'")
    channel = row.get("channel", "").strip() or Case.Channel.CENTRAL_AUTHORITY
    if channel not in Case.Channel.values:
        raise ValueError(f"unknown channel '{channel}'")
    ground = row.get("refusal_ground", "").strip()
    if ground and ground not in Case.RefusalGround.values:
        raise ValueError(f"unknown refusal_ground '{ground}'")
    if state == "executed" and executed_on is None:
        raise ValueError("executed_on is required when the status is executed")
    reference = row.get("our_reference", "").strip()
    if not reference:
        raise ValueError("our_reference is required")
    if reference in references:
        raise ValueError(f"our_reference '{reference}' is used twice or already exists")
    references.add(reference)
    assignee = None
    email = row.get("assigned_to", "").strip().lower()
    if email:
        assignee = User.objects.filter(email=email, memberships__organisation=organisation).first()
        if assignee is None:
            raise ValueError(f"assigned_to '{email}' is not a member of this authority")
    case = Case(
        organisation=organisation,
        direction=direction,
        our_reference=reference,
        their_reference=row.get("their_reference", "").strip(),
        title=row["title"].strip()[:300],
        request_type=request_type,
        counterpart_state=country,
        counterpart_authority=row.get("counterpart_authority", "").strip(),
        channel=channel,
        received_on=received_on if direction == INCOMING else None,
        sent_on=sent_on,
        requesting_deadline=deadline,
        requesting_deadline_reason=row.get("deadline_reason", "").strip(),
        offence_summary=row.get("offence_summary", "").strip(),
        state=state,
        refusal_ground=ground,
        assigned_to=assignee,
        confidential=row.get("confidential", "").strip().lower() in ("yes", "true", "1"),
        use_limitation=row.get("use_limitation", "").strip(),
    )
    return case, measures, status_on, executed_on


def import_cases(actor: Any, organisation: Organisation, text: str) -> ImportReport:
    report = ImportReport()
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in (*REQUIRED, "our_reference") if c not in (reader.fieldnames or [])]
    if missing:
        report.errors.append((1, f"missing columns: {', '.join(missing)}"))
        return report
    countries: dict[str, Country] = {}
    for country in Country.objects.all():
        countries[country.iso3.upper()] = country
        countries[country.iso2.upper()] = country
    references = set(
        Case.objects.filter(organisation=organisation).values_list("our_reference", flat=True)
    )
    parsed = []
    for line, row in enumerate(reader, start=2):
        try:
            parsed.append(_row_to_case(row, organisation, countries, references))
        except ValueError as error:
            report.errors.append((line, str(error)))
    if report.errors:
        return report
    with transaction.atomic():
        _save(actor, organisation, parsed)
    report.created = len(parsed)
    return report


def _save(actor: Any, organisation: Organisation, parsed: list[Any]) -> None:
    targets, _days = targets_of(organisation.pk)
    holidays = holidays_of(organisation.pk)
    for case, measures, status_on, executed_on in parsed:
        start = case.started_on
        first = initial_state(case.direction)
        if executed_on and start:
            case.executed_on = executed_on
            case.days_to_execution = (executed_on - start).days
        if case.state in FINISHED_STATES:
            case.finished_on = status_on or executed_on or start
        case.save()
        if case.confidential and case.assigned_to_id:
            case.named_members.add(case.assigned_to_id)
        CaseMeasure.objects.bulk_create([CaseMeasure(case=case, code=m) for m in measures])
        steps = [
            CaseTransition(
                case=case,
                code="create",
                from_state="",
                to_state=first,
                occurred_on=start or status_on or date.today(),
                actor=actor,
            )
        ]
        previous = first
        if executed_on:
            steps.append(
                CaseTransition(
                    case=case,
                    code="imported",
                    from_state=previous,
                    to_state="executed",
                    occurred_on=executed_on,
                    actor=actor,
                    reason="imported from the previous register",
                )
            )
            previous = "executed"
        if case.state != previous:
            steps.append(
                CaseTransition(
                    case=case,
                    code="imported",
                    from_state=previous,
                    to_state=case.state,
                    actor=actor,
                    occurred_on=status_on or executed_on or start or date.today(),
                    reason="imported from the previous register",
                )
            )
        CaseTransition.objects.bulk_create(steps)
        refresh_next_deadline(case, targets, holidays)
        Case.objects.filter(pk=case.pk).update(
            next_due_on=case.next_due_on, next_due_kind=case.next_due_kind, is_open=case.is_open
        )
    record_event(
        actor,
        "cases.imported",
        None,
        organisation=organisation,
        changes={"cases": [None, len(parsed)]},
    )
    stats_cache.invalidate(organisation.pk)


def validate_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError("The file is not UTF-8 text.") from error
