"""Writes for the work on a case: notes, tasks, documents, correspondence, links, persons,
offences, and each authority's targets and holidays."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.accounts import access
from palermo.accounts.models import Organisation
from palermo.cases import stats_cache
from palermo.cases.access import can_manage_settings, can_view_case
from palermo.cases.deadlines import holidays_of, refresh_next_deadline, targets_of
from palermo.cases.models import (
    Case,
    CaseDocument,
    CaseLink,
    CaseNote,
    CaseOffence,
    CasePerson,
    CaseSettings,
    CaseTask,
    Correspondence,
    Holiday,
)
from palermo.cases.services import store_document
from palermo.cases.validation import find_state
from palermo.core.audit import record_event


def _require_view(actor: Any, case: Case) -> None:
    if not can_view_case(actor, case):
        raise PermissionDenied


@transaction.atomic
def add_note(actor: Any, case: Case, text: str) -> CaseNote:
    _require_view(actor, case)
    if not text.strip():
        raise ValidationError({"text": _("Write the note first.")})
    note = CaseNote.objects.create(case=case, text=text.strip(), author=actor)
    record_event(actor, "case.note_added", case, organisation=case.organisation)
    return note


@transaction.atomic
def add_task(
    actor: Any, case: Case, *, title: str, due_on: date | None, assigned_to: Any = None
) -> CaseTask:
    _require_view(actor, case)
    if not title.strip():
        raise ValidationError({"title": _("Say what is to be done.")})
    if assigned_to is not None and not access.is_member_of(assigned_to, case.organisation_id):
        raise ValidationError({"assigned_to": _("Choose a member of this authority.")})
    task = CaseTask.objects.create(
        case=case, title=title.strip(), due_on=due_on, assigned_to=assigned_to, created_by=actor
    )
    record_event(
        actor,
        "case.task_added",
        case,
        organisation=case.organisation,
        changes={"task": [None, task.title]},
    )
    return task


@transaction.atomic
def complete_task(actor: Any, task: CaseTask) -> CaseTask:
    _require_view(actor, task.case)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.save(update_fields=["done_at"])
        record_event(
            actor,
            "case.task_done",
            task.case,
            organisation=task.case.organisation,
            changes={"task": [None, task.title]},
        )
    return task


@transaction.atomic
def add_document(actor: Any, case: Case, *, name: str, content: bytes, kind: str) -> CaseDocument:
    _require_view(actor, case)
    if kind not in CaseDocument.Kind.values:
        raise ValidationError({"kind": _("Choose what kind of document this is.")})
    return store_document(actor, case, name=name, content=content, kind=kind)


@transaction.atomic
def record_correspondence(
    actor: Any,
    case: Case,
    *,
    kind: str,
    occurred_on: date,
    summary: str,
    document: CaseDocument | None = None,
) -> Correspondence:
    """Log a letter, call or status enquiry (art. 18(24)) sent or received."""
    _require_view(actor, case)
    errors: dict[str, str] = {}
    if kind not in Correspondence.Kind.values:
        errors["kind"] = _("Choose what kind of correspondence this is.")
    if occurred_on > timezone.localdate():
        errors["occurred_on"] = _("The date cannot be in the future.")
    start = case.started_on
    if start is not None and occurred_on < start:
        errors["occurred_on"] = _("The date cannot be before the request's date.")
    if not summary.strip():
        errors["summary"] = _("Summarise the correspondence.")
    if errors:
        raise ValidationError(errors)
    entry = Correspondence.objects.create(
        case=case,
        kind=kind,
        occurred_on=occurred_on,
        summary=summary.strip(),
        document=document,
        recorded_by=actor,
    )
    record_event(actor, f"case.{kind}", case, organisation=case.organisation)
    return entry


@transaction.atomic
def link_cases(actor: Any, case: Case, related: Case, kind: str) -> CaseLink:
    _require_view(actor, case)
    _require_view(actor, related)
    if related.pk == case.pk:
        raise ValidationError({"related_case": _("A case cannot be linked to itself.")})
    if kind not in CaseLink.Kind.values:
        raise ValidationError({"kind": _("Choose how the cases are related.")})
    link, _created = CaseLink.objects.get_or_create(case=case, related_case=related, kind=kind)
    record_event(
        actor,
        "case.linked",
        case,
        organisation=case.organisation,
        changes={"related_case": [None, related.our_reference]},
    )
    return link


@transaction.atomic
def add_person(
    actor: Any, case: Case, *, name: str, role: str, nationality: Any = None
) -> CasePerson:
    _require_view(actor, case)
    if not name.strip():
        raise ValidationError({"name": _("Give the person's name.")})
    if role not in CasePerson.Role.values:
        raise ValidationError({"role": _("Choose the person's role.")})
    country = find_state(nationality) if nationality not in (None, "") else None
    person = CasePerson.objects.create(case=case, name=name.strip(), role=role, nationality=country)
    record_event(actor, "case.person_added", case, organisation=case.organisation)
    return person


@transaction.atomic
def add_offence(
    actor: Any, case: Case, *, description: str, crime_type_id: int | None
) -> CaseOffence:
    _require_view(actor, case)
    if not description.strip():
        raise ValidationError({"description": _("Describe the offence.")})
    offence = CaseOffence.objects.create(
        case=case, description=description.strip(), crime_type_id=crime_type_id
    )
    record_event(actor, "case.offence_added", case, organisation=case.organisation)
    stats_cache.invalidate(case.organisation_id)
    return offence


@transaction.atomic
def save_case_settings(actor: Any, organisation: Organisation, **targets: int) -> CaseSettings:
    if not can_manage_settings(actor, organisation.pk):
        raise PermissionDenied
    settings, _created = CaseSettings.objects.get_or_create(organisation=organisation)
    before = {name: getattr(settings, name) for name in targets}
    for name, value in targets.items():
        if value < 0:
            raise ValidationError({name: _("Give a number of days, zero or more.")})
        setattr(settings, name, value)
    settings.save()
    record_event(
        actor,
        "case_settings.changed",
        settings,
        organisation=organisation,
        changes={k: [before[k], v] for k, v in targets.items() if before[k] != v},
    )
    _refresh_open_deadlines(organisation)
    return settings


@transaction.atomic
def add_holiday(actor: Any, organisation: Organisation, *, day: date, name: str) -> Holiday:
    if not can_manage_settings(actor, organisation.pk):
        raise PermissionDenied
    if not name.strip():
        raise ValidationError({"name": _("Name the holiday.")})
    if Holiday.objects.filter(organisation=organisation, day=day).exists():
        raise ValidationError({"day": _("There is already a holiday on this date.")})
    holiday = Holiday.objects.create(organisation=organisation, day=day, name=name.strip())
    record_event(actor, "case_settings.holiday_added", holiday, organisation=organisation)
    _refresh_open_deadlines(organisation)
    return holiday


@transaction.atomic
def remove_holiday(actor: Any, holiday: Holiday) -> None:
    if not can_manage_settings(actor, holiday.organisation_id):
        raise PermissionDenied
    organisation = holiday.organisation
    record_event(actor, "case_settings.holiday_removed", holiday, organisation=organisation)
    holiday.delete()
    _refresh_open_deadlines(organisation)


def _refresh_open_deadlines(organisation: Organisation) -> None:
    """Targets or holidays changed: recompute each open case's next deadline."""
    targets = targets_of(organisation.pk)[0]
    holidays = holidays_of(organisation.pk)
    for case in Case.objects.filter(organisation=organisation, is_open=True).prefetch_related(
        "measures"
    ):
        refresh_next_deadline(case, targets, holidays)
        Case.objects.filter(pk=case.pk).update(
            next_due_on=case.next_due_on, next_due_kind=case.next_due_kind
        )


@transaction.atomic
def set_measure_deadline(actor: Any, measure: Any, *, deadline: date | None, reason: str) -> Any:
    """The requesting State's deadline for one measure, with its reasons."""
    case = measure.case
    _require_view(actor, case)
    start = case.started_on
    if deadline is not None and start is not None and deadline < start:
        raise ValidationError({"deadline": _("The deadline cannot be before the request's date.")})
    before = measure.deadline
    measure.deadline = deadline
    measure.deadline_reason = reason.strip()
    measure.save()
    record_event(
        actor,
        "case.measure_deadline",
        case,
        organisation=case.organisation,
        changes={str(measure): [before, deadline]},
    )
    refresh_next_deadline(case)
    Case.objects.filter(pk=case.pk).update(
        next_due_on=case.next_due_on, next_due_kind=case.next_due_kind
    )
    return measure
