"""REST endpoints of case tracking, mounted at /api/v1/cases/ by palermo/api.py.

Every endpoint needs a signed-in member of an authority (session or bearer token) and fetches
cases only through access.access_case_by_id: a case the caller may not see is "not found".
Invalid lifecycle steps and stale versions answer 409; bad input 422; both in the project's
error format.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from palermo.cases import selectors, services, services_work
from palermo.cases.access import access_case_by_id, is_case_member
from palermo.cases.models import Case
from palermo.cases.statistics import statistics_for
from palermo.cases.views_stats import FIGURES, statistics_rows
from palermo.core.api_auth import signed_in

router = Router(tags=["cases"], auth=signed_in)


def _member(request: HttpRequest) -> Any:
    if not is_case_member(request.user):
        raise PermissionDenied("Case tracking is for members of an authority.")
    return request.user


class CaseSummary(Schema):
    id: int
    our_reference: str
    their_reference: str
    direction: str
    title: str
    counterpart_state: str
    state: str
    state_label: str
    received_on: date | None
    sent_on: date | None
    next_due_on: date | None
    next_due_kind: str
    assigned_to: str | None
    confidential: bool
    version: int

    @staticmethod
    def resolve_counterpart_state(case: Case) -> str:
        return case.counterpart_state.iso3

    @staticmethod
    def resolve_assigned_to(case: Case) -> str | None:
        return case.assigned_to.email if case.assigned_to else None


class TransitionOut(Schema):
    code: str
    from_state: str
    to_state: str
    occurred_on: date
    reason: str
    actor: str | None


class MeasureOut(Schema):
    code: str
    deadline: date | None
    deadline_reason: str


class CaseDetail(Schema):
    id: int
    our_reference: str
    their_reference: str
    direction: str
    title: str
    counterpart_state: str
    state: str
    state_label: str
    received_on: date | None
    sent_on: date | None
    next_due_on: date | None
    next_due_kind: str
    assigned_to: str | None
    confidential: bool
    version: int
    request_type: str
    counterpart_authority: str
    channel: str
    requesting_deadline: date | None
    requesting_deadline_reason: str
    offence_summary: str
    use_limitation: str
    correspondence_language: str
    executing_authority: str
    refusal_ground: str
    executed_on: date | None
    days_to_execution: int | None
    measures: list[MeasureOut]
    transitions: list[TransitionOut]
    available_transitions: list[str]


class DocumentOut(Schema):
    id: int
    kind: str
    original_name: str
    content_type: str
    size: int
    sha256: str
    use_limitation: str


class MeasureIn(Schema):
    code: str
    deadline: date | None = None
    deadline_reason: str = ""


class CaseIn(Schema):
    direction: str
    title: str
    counterpart_state: str
    authority: int | None = None
    our_reference: str = ""
    their_reference: str = ""
    request_type: str = "mla"
    counterpart_authority: str = ""
    channel: str = "central_authority"
    received_on: date | None = None
    sent_on: date | None = None
    requesting_deadline: date | None = None
    requesting_deadline_reason: str = ""
    offence_summary: str = ""
    use_limitation: str = ""
    correspondence_language: str = "en"
    confidential: bool = False
    measures: list[MeasureIn] = []


class CaseChange(Schema):
    version: int
    title: str | None = None
    their_reference: str | None = None
    counterpart_authority: str | None = None
    received_on: date | None = None
    requesting_deadline: date | None = None
    requesting_deadline_reason: str | None = None
    offence_summary: str | None = None
    use_limitation: str | None = None
    executing_authority: str | None = None


class TransitionIn(Schema):
    code: str
    version: int
    reason: str = ""
    occurred_on: date | None = None
    refusal_ground: str = ""
    executing_authority: str = ""


class CorrespondenceIn(Schema):
    kind: str
    occurred_on: date
    summary: str


def _detail(request: HttpRequest, case: Case) -> dict[str, Any]:
    data: dict[str, Any] = {
        name: getattr(case, name)
        for name in (
            "id",
            "our_reference",
            "their_reference",
            "direction",
            "title",
            "state",
            "state_label",
            "received_on",
            "sent_on",
            "next_due_on",
            "next_due_kind",
            "confidential",
            "version",
        )
    }
    data["counterpart_state"] = case.counterpart_state.iso3
    data["assigned_to"] = case.assigned_to.email if case.assigned_to else None
    data.update(
        {
            name: getattr(case, name)
            for name in (
                "request_type",
                "counterpart_authority",
                "channel",
                "requesting_deadline",
                "requesting_deadline_reason",
                "offence_summary",
                "use_limitation",
                "correspondence_language",
                "executing_authority",
                "refusal_ground",
                "executed_on",
                "days_to_execution",
            )
        }
    )
    data["measures"] = list(case.measures.values("code", "deadline", "deadline_reason"))
    data["transitions"] = [
        {
            "code": t.code,
            "from_state": t.from_state,
            "to_state": t.to_state,
            "occurred_on": t.occurred_on,
            "reason": t.reason,
            "actor": t.actor.email if t.actor else None,
        }
        for t in case.transitions.select_related("actor")
    ]
    data["available_transitions"] = [
        r.code for r in services.available_transitions(request.user, case)
    ]
    return data


@router.get("/", response=list[CaseSummary])
@paginate(LimitOffsetPagination)
def list_cases(
    request: HttpRequest,
    direction: str = "",
    state: str = "",
    counterpart: str = "",
    due: str = "",
    mine: bool = False,
    include_finished: bool = False,
) -> Any:
    """Cases the caller may see (members of an authority; others get 403)."""
    user = _member(request)
    filters = selectors.CaseFilters(
        direction=direction,
        state=state,
        counterpart=counterpart,
        due=due,
        mine=mine,
        open_only=not include_finished,
    )
    return selectors.list_cases(user, filters, timezone.localdate())


@router.post("/", response={201: CaseDetail})
def register_case(request: HttpRequest, payload: CaseIn) -> Any:
    """Register a case for an authority the caller is a member of (403 otherwise)."""
    user = _member(request)
    organisation = selectors.organisation_for(user, payload.authority)
    if organisation is None:
        raise PermissionDenied("You are not a member of this authority.")
    data = services.CaseInput(
        **payload.dict(exclude={"authority", "measures"}),
        measures=[services.MeasureInput(**m.dict()) for m in payload.measures],
    )
    case = services.register_case(user, organisation, data)
    return Status(201, _detail(request, access_case_by_id(user, case.pk)))


@router.get("/statistics", response=dict[str, Any])
def statistics(request: HttpRequest, authority: int | None = None) -> Any:
    """Figures of an authority the caller is a member of (404 for any other authority)."""
    user = _member(request)
    organisation = selectors.organisation_for(user, authority)
    if organisation is None:
        raise Http404
    stats = statistics_for(organisation.pk, timezone.localdate())
    result: dict[str, Any] = {
        "authority": organisation.pk,
        "open_cases": stats.open_cases,
        "finished_cases": stats.finished_cases,
        "as_of": stats.as_of.isoformat() if stats.as_of else None,
    }
    for figure in FIGURES:
        header, *rows = statistics_rows(stats, figure)
        result[figure] = [dict(zip(header, row, strict=True)) for row in rows]
    return result


@router.get("/{case_id}", response=CaseDetail)
def get_case(request: HttpRequest, case_id: int) -> Any:
    """One case, if the caller may see it (404 otherwise); the opening is audited."""
    return _detail(request, access_case_by_id(_member(request), case_id))


@router.patch("/{case_id}", response=CaseDetail)
def change_case(request: HttpRequest, case_id: int, payload: CaseChange) -> Any:
    """Change particulars; `version` must be the one read (409 if someone changed it since)."""
    user = _member(request)
    case = access_case_by_id(user, case_id)
    changes = payload.dict(exclude={"version"}, exclude_unset=True)
    try:
        services.update_case(user, case, version=payload.version, changes=changes)
    except services.StaleCase as error:
        raise HttpError(409, "The case was changed by someone else; read it again.") from error
    return _detail(request, case)


@router.post("/{case_id}/transitions", response={201: CaseDetail})
def take_transition(request: HttpRequest, case_id: int, payload: TransitionIn) -> Any:
    """Take a step the caller may take (409 if impossible now or stale; 403 if not theirs)."""
    user = _member(request)
    case = access_case_by_id(user, case_id)
    try:
        services.transition_case(
            user,
            case,
            payload.code,
            reason=payload.reason,
            occurred_on=payload.occurred_on,
            version=payload.version,
            refusal_ground=payload.refusal_ground,
            executing_authority=payload.executing_authority,
        )
    except services.InvalidTransition as error:
        raise HttpError(409, str(error)) from error
    except services.StaleCase as error:
        raise HttpError(409, "The case was changed by someone else; read it again.") from error
    return Status(201, _detail(request, case))


@router.get("/{case_id}/documents", response=list[DocumentOut])
def list_documents(request: HttpRequest, case_id: int) -> Any:
    """Documents of a case the caller may see, each with the case's use-limitation conditions."""
    case = access_case_by_id(_member(request), case_id)
    return [
        {
            "id": d.pk,
            "kind": d.kind,
            "original_name": d.original_name,
            "content_type": d.content_type,
            "size": d.size,
            "sha256": d.sha256,
            "use_limitation": case.use_limitation,
        }
        for d in case.documents.all()
    ]


@router.post("/{case_id}/correspondence", response={201: dict[str, Any]})
def add_correspondence(request: HttpRequest, case_id: int, payload: CorrespondenceIn) -> Any:
    """Record correspondence, e.g. a status enquiry received (art. 18(24)), on a visible case."""
    user = _member(request)
    case = access_case_by_id(user, case_id)
    entry = services_work.record_correspondence(
        user, case, kind=payload.kind, occurred_on=payload.occurred_on, summary=payload.summary
    )
    created = {"id": entry.pk, "kind": entry.kind, "occurred_on": entry.occurred_on.isoformat()}
    return Status(201, created)
