"""Writes on cases: registering, opening from the writer, editing, assigning, transitions.

Every function takes the acting user first, runs in one transaction and records an audit event
for the authority. Changes to an existing case state the version they were based on; if someone
else changed the case meanwhile, StaleCase is raised and nothing is saved (optimistic locking).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed, has_transition_perm

from palermo.accounts import access
from palermo.accounts.models import Organisation
from palermo.cases import stats_cache
from palermo.cases.access import can_assign, can_view_case
from palermo.cases.deadlines import refresh_next_deadline
from palermo.cases.models import Case, CaseDocument, CaseMeasure, CaseTransition
from palermo.cases.uploads import check_document
from palermo.cases.validation import check_case_dates, find_state
from palermo.cases.workflow import INCOMING, OUTGOING, S, initial_state, rule_for
from palermo.core.audit import record_event
from palermo.reference.measures import MEASURES_BY_CODE


class StaleCase(Exception):
    """Someone else changed the case since the user loaded it."""


class InvalidTransition(Exception):
    """The transition does not exist or cannot be taken from the case's current state."""


@dataclass
class MeasureInput:
    code: str
    deadline: date | None = None
    deadline_reason: str = ""


@dataclass
class CaseInput:
    """What a person (or an import) says about a case when registering it."""

    direction: str
    title: str
    counterpart_state: Any
    our_reference: str = ""
    their_reference: str = ""
    request_type: str = "mla"
    counterpart_authority: str = ""
    channel: str = Case.Channel.CENTRAL_AUTHORITY
    received_on: date | None = None
    sent_on: date | None = None
    requesting_deadline: date | None = None
    requesting_deadline_reason: str = ""
    offence_summary: str = ""
    crime_type_id: int | None = None
    confidential: bool = False
    use_limitation: str = ""
    correspondence_language: str = "en"
    measures: list[MeasureInput] = field(default_factory=list)


def _require_member(actor: Any, organisation: Organisation) -> None:
    if not access.is_member_of(actor, organisation):
        raise PermissionDenied(_("Only members of the authority may register its cases."))


def next_reference(organisation: Organisation, direction: str, year: int) -> str:
    prefix = f"{'IN' if direction == INCOMING else 'OUT'}-{year}-"
    taken = Case.objects.filter(
        organisation=organisation, our_reference__startswith=prefix
    ).values_list("our_reference", flat=True)
    numbers = [int(ref[len(prefix) :]) for ref in taken if ref[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _check_measures(measures: list[MeasureInput], start: date | None) -> None:
    for measure in measures:
        if measure.code not in MEASURES_BY_CODE:
            raise ValidationError(
                {"measures": _("Unknown measure: %(code)s.") % {"code": measure.code}}
            )
        if measure.deadline is not None and start is not None and measure.deadline < start:
            raise ValidationError(
                {"measures": _("The deadline for a measure cannot be before the request's date.")}
            )


def store_document(actor: Any, case: Case, *, name: str, content: bytes, kind: str) -> CaseDocument:
    """Check and store a file on a case (callers hold the transaction)."""
    content_type = check_document(name, content)
    document = CaseDocument(
        case=case,
        kind=kind,
        original_name=name[:255],
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=actor,
    )
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    record_event(
        actor,
        "case.document_added",
        case,
        organisation=case.organisation,
        changes={"document": [None, document.original_name]},
    )
    return document


def _record_transition(
    actor: Any,
    case: Case,
    code: str,
    from_state: str,
    to_state: str,
    occurred_on: date,
    reason: str,
) -> CaseTransition:
    return CaseTransition.objects.create(
        case=case,
        code=code,
        from_state=from_state,
        to_state=to_state,
        occurred_on=occurred_on,
        reason=reason,
        actor=actor if access.is_signed_in(actor) else None,
    )


def _finish_write(case: Case) -> None:
    refresh_next_deadline(case)
    case.save()
    stats_cache.invalidate(case.organisation_id)


@transaction.atomic
def register_case(
    actor: Any,
    organisation: Organisation,
    data: CaseInput,
    document: tuple[str, bytes] | None = None,
) -> Case:
    """Register an incoming request, or an outgoing one drafted outside Palermo."""
    _require_member(actor, organisation)
    state = find_state(data.counterpart_state)
    if state.pk == organisation.country_id:
        raise ValidationError({"counterpart_state": _("The counterpart must be another State.")})
    today = timezone.localdate()
    check_case_dates(
        direction=data.direction,
        received_on=data.received_on,
        sent_on=data.sent_on,
        requesting_deadline=data.requesting_deadline,
        today=today,
    )
    start = data.received_on if data.direction == INCOMING else data.sent_on
    _check_measures(data.measures, start)
    if not data.title.strip():
        raise ValidationError({"title": _("Give the case a title.")})
    reference = data.our_reference.strip() or next_reference(
        organisation, data.direction, (start or today).year
    )
    if Case.objects.filter(organisation=organisation, our_reference=reference).exists():
        raise ValidationError({"our_reference": _("Another case already has this reference.")})
    case = Case(
        organisation=organisation,
        direction=data.direction,
        our_reference=reference,
        their_reference=data.their_reference,
        title=data.title.strip(),
        request_type=data.request_type,
        counterpart_state=state,
        counterpart_authority=data.counterpart_authority,
        channel=data.channel,
        received_on=data.received_on if data.direction == INCOMING else None,
        requesting_deadline=data.requesting_deadline,
        requesting_deadline_reason=data.requesting_deadline_reason,
        offence_summary=data.offence_summary,
        crime_type_id=data.crime_type_id,
        confidential=data.confidential,
        use_limitation=data.use_limitation,
        correspondence_language=data.correspondence_language,
        state=initial_state(data.direction),
        created_by=actor,
    )
    case.save()
    if data.confidential:
        case.named_members.add(actor)
    CaseMeasure.objects.bulk_create(
        [
            CaseMeasure(
                case=case, code=m.code, deadline=m.deadline, deadline_reason=m.deadline_reason
            )
            for m in data.measures
        ]
    )
    _record_transition(actor, case, "create", "", case.state, start or today, "")
    if data.direction == OUTGOING and data.sent_on is not None:
        _apply_send(actor, case, data.sent_on, _("Sent before it was registered in Palermo."))
    if document is not None:
        store_document(
            actor, case, name=document[0], content=document[1], kind=CaseDocument.Kind.REQUEST
        )
    record_event(
        actor,
        "case.registered",
        case,
        organisation=organisation,
        changes={"direction": [None, case.direction], "state": [None, case.state]},
    )
    _finish_write(case)
    return case


def _apply_send(actor: Any, case: Case, sent_on: date, reason: str) -> None:
    from_state = case.state
    case.outgoing_send()  # type: ignore[attr-defined]
    case.sent_on = sent_on
    _record_transition(actor, case, "send", from_state, case.state, sent_on, reason)


@transaction.atomic
def open_outgoing_case(
    actor: Any,
    *,
    organisation: Organisation,
    requested_state: Any,
    title: str,
    measures: list[str],
    offence_summary: str,
    document_bytes: bytes | None,
    document_name: str,
    writer_request_id: int | None,
    requested_authority_name: str = "",
) -> Case:
    """Open a tracked outgoing case when the request writer sends a request.

    The case starts as sent today, with the request's document attached and its measures.
    Calling it again for the same writer request returns the case already opened.
    """
    _require_member(actor, organisation)
    if writer_request_id is not None:
        existing = Case.objects.filter(
            organisation=organisation, writer_request_id=writer_request_id
        ).first()
        if existing is not None:
            return existing
    state = find_state(requested_state)
    unknown = [code for code in measures if code not in MEASURES_BY_CODE]
    if unknown:
        raise ValidationError({"measures": _("Unknown measure: %(code)s.") % {"code": unknown[0]}})
    request_type = MEASURES_BY_CODE[measures[0]].request_type if measures else "mla"
    today = timezone.localdate()
    case = Case.objects.create(
        organisation=organisation,
        direction=OUTGOING,
        our_reference=next_reference(organisation, OUTGOING, today.year),
        title=(title.strip() or _("Request"))[:300],
        request_type=request_type,
        counterpart_state=state,
        counterpart_authority=requested_authority_name,
        offence_summary=offence_summary,
        writer_request_id=writer_request_id,
        state=S.DRAFTED,
        created_by=actor,
    )
    CaseMeasure.objects.bulk_create([CaseMeasure(case=case, code=code) for code in measures])
    _record_transition(
        actor, case, "create", "", S.DRAFTED, today, _("Drafted in the request writer.")
    )
    _apply_send(actor, case, today, _("Sent from the request writer."))
    if document_bytes:
        store_document(
            actor,
            case,
            name=document_name or "request.pdf",
            content=document_bytes,
            kind=CaseDocument.Kind.REQUEST,
        )
    record_event(
        actor,
        "case.opened_from_writer",
        case,
        organisation=organisation,
        changes={"writer_request_id": [None, writer_request_id]},
    )
    _finish_write(case)
    return case


def claim_version(case: Case, version: int | None) -> None:
    """Take the next version of the case, or raise StaleCase if it moved on meanwhile."""
    expected = case.version if version is None else version
    updated = Case.objects.filter(pk=case.pk, version=expected).update(version=F("version") + 1)
    if not updated:
        raise StaleCase
    case.version = expected + 1


def available_transitions(actor: Any, case: Case) -> list[Any]:
    """The transitions this user may take now: what the interface and the API offer."""
    found = []
    for transition in case.get_available_user_state_transitions(actor):  # type: ignore[attr-defined]
        found.append(transition.custom["rule"])
    return found


@transaction.atomic
def transition_case(
    actor: Any,
    case: Case,
    code: str,
    *,
    reason: str = "",
    occurred_on: date | None = None,
    version: int | None = None,
    refusal_ground: str = "",
    executing_authority: str = "",
) -> CaseTransition:
    """Move a case along its lifecycle, recording who, when and why."""
    rule = rule_for(case.direction, code)
    if rule is None:
        raise InvalidTransition(_("There is no such step for this case."))
    method = getattr(case, rule.method_name)
    if not can_proceed(method):
        raise InvalidTransition(
            _("“%(step)s” is not possible while the case is %(state)s.")
            % {"step": rule.label, "state": case.state_label}
        )
    if not has_transition_perm(method, actor):
        raise PermissionDenied(_("You may not take this step on this case."))
    today = timezone.localdate()
    occurred_on = occurred_on or today
    errors: dict[str, str] = {}
    if rule.reason_required and not reason.strip():
        errors["reason"] = _("Say why: this step needs a reason.")
    if rule.refusal and refusal_ground not in Case.RefusalGround.values:
        errors["refusal_ground"] = _("Choose the ground of refusal.")
    if occurred_on > today:
        errors["occurred_on"] = _("The date cannot be in the future.")
    last = case.transitions.order_by("-occurred_on").values_list("occurred_on", flat=True).first()
    if last is not None and occurred_on < last:
        errors["occurred_on"] = _("The date cannot be before the previous step (%(date)s).") % {
            "date": last.isoformat()
        }
    if errors:
        raise ValidationError(errors)
    claim_version(case, version)
    from_state = case.state
    method()
    if rule.refusal:
        case.refusal_ground = refusal_ground
    if executing_authority:
        case.executing_authority = executing_authority
    if rule.code == "send":
        case.sent_on = occurred_on
    if case.state == S.EXECUTED:
        case.executed_on = occurred_on
        start = case.started_on
        case.days_to_execution = (occurred_on - start).days if start else None
    if case.is_finished and case.finished_on is None:
        case.finished_on = occurred_on
    step = _record_transition(actor, case, rule.code, from_state, case.state, occurred_on, reason)
    record_event(
        actor,
        f"case.{rule.code}",
        case,
        organisation=case.organisation,
        changes={"state": [from_state, case.state], "reason": [None, reason]},
    )
    _finish_write(case)
    return step


EDITABLE_FIELDS = (
    "title",
    "their_reference",
    "request_type",
    "counterpart_authority",
    "channel",
    "received_on",
    "requesting_deadline",
    "requesting_deadline_reason",
    "offence_summary",
    "crime_type_id",
    "use_limitation",
    "correspondence_language",
    "executing_authority",
)


@transaction.atomic
def update_case(actor: Any, case: Case, *, version: int, changes: dict[str, Any]) -> Case:
    """Change a case's particulars; refuses silently losing someone else's change."""
    if not can_view_case(actor, case):
        raise PermissionDenied
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    before = {name: getattr(case, name) for name in changes}
    for name, value in changes.items():
        setattr(case, name, value)
    check_case_dates(
        direction=case.direction,
        received_on=case.received_on,
        sent_on=case.sent_on,
        requesting_deadline=case.requesting_deadline,
    )
    if not case.title.strip():
        raise ValidationError({"title": _("Give the case a title.")})
    claim_version(case, version)
    diff = {k: [before[k], changes[k]] for k in changes if before[k] != changes[k]}
    record_event(actor, "case.updated", case, organisation=case.organisation, changes=diff)
    _finish_write(case)
    return case


@transaction.atomic
def assign_case(actor: Any, case: Case, assignee: Any, *, version: int | None = None) -> Case:
    """Give a case to a caseworker of the authority (or take it back when assignee is None)."""
    if assignee is not None and not access.is_member_of(assignee, case.organisation_id):
        raise ValidationError({"assigned_to": _("Choose a member of this authority.")})
    if not can_assign(actor, case, assignee):
        raise PermissionDenied(_("Only a supervisor may assign this case."))
    claim_version(case, version)
    before = case.assigned_to
    case.assigned_to = assignee
    if case.confidential and assignee is not None:
        case.named_members.add(assignee)
    record_event(
        actor,
        "case.assigned",
        case,
        organisation=case.organisation,
        changes={"assigned_to": [before, assignee]},
    )
    _finish_write(case)
    return case


@transaction.atomic
def set_confidentiality(
    actor: Any, case: Case, *, confidential: bool, members: list[Any], version: int | None = None
) -> Case:
    """Mark a case confidential (art. 18(20)) and name who may see it; supervisors decide."""
    if not access.is_supervisor_of(actor, case.organisation_id) or not can_view_case(actor, case):
        raise PermissionDenied(_("Only a supervisor may change who sees this case."))
    outsiders = [m for m in members if not access.is_member_of(m, case.organisation_id)]
    if outsiders:
        raise ValidationError({"named_members": _("Only members of this authority can be named.")})
    claim_version(case, version)
    case.confidential = confidential
    named = {m.pk for m in members} | {actor.pk}
    if case.assigned_to_id:
        named.add(case.assigned_to_id)
    case.named_members.set(named)
    record_event(
        actor,
        "case.confidentiality",
        case,
        organisation=case.organisation,
        changes={"confidential": [None, confidential], "named_members": [None, sorted(named)]},
    )
    _finish_write(case)
    return case
