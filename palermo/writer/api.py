"""REST endpoints of the writer, mounted at /api/v1/writer/ by palermo/api.py.

A national case-management system can use the writer without its interface: create a request
from JSON, update it, ask for the checklist, render it, and move it through the workflow.
Every endpoint needs a signed-in caller (session or bearer token) who is a verified
practitioner; requests are fetched through access.access_request_by_id, so another
authority's request answers 404 exactly like a missing one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from palermo.accounts.models import Organisation
from palermo.core.api_auth import signed_in
from palermo.core.documents.rendering import DOCUMENT_LANGUAGES
from palermo.core.documents.responses import attachment_response
from palermo.core.documents.selectors import documents_for
from palermo.writer import services
from palermo.writer.access import access_request_by_id, can_use_writer
from palermo.writer.catalogue import LINK_TO_FACTS, MEASURE_FIELDS
from palermo.writer.messages import checklist_items
from palermo.writer.models import WriterRequest
from palermo.writer.selectors import checklist_for, list_requests

router = Router(tags=["writer"], auth=signed_in)


def _writer_user(request: HttpRequest) -> Any:
    if not can_use_writer(request.user):
        raise PermissionDenied("Only verified practitioners can use the request writer.")
    return request.user


class RequestOut(Schema):
    id: int
    title: str
    status: str
    version_number: int
    revision: int
    organisation: str | None
    requesting_state: str | None
    requested_state: str | None
    content: dict[str, Any]
    acknowledged_warnings: list[str]
    approved_by: str | None
    approved_at: datetime | None
    signature_block: str
    case_id: int | None
    previous_version_id: int | None
    created_at: datetime
    updated_at: datetime


def request_out(found: WriterRequest) -> dict[str, Any]:
    return {
        "id": found.pk,
        "title": found.title,
        "status": found.status,
        "version_number": found.version_number,
        "revision": found.revision,
        "organisation": found.organisation.name if found.organisation else None,
        "requesting_state": found.requesting_state.iso3 if found.requesting_state else None,
        "requested_state": found.requested_state.iso3 if found.requested_state else None,
        "content": found.content,
        "acknowledged_warnings": found.acknowledged_warnings,
        "approved_by": found.approved_by.display_name if found.approved_by else None,
        "approved_at": found.approved_at,
        "signature_block": found.signature_block,
        "case_id": found.case_id,
        "previous_version_id": found.previous_version_id,
        "created_at": found.created_at,
        "updated_at": found.updated_at,
    }


class RequestIn(Schema):
    """`content` has the shape returned by GET /writer/catalogue and shown in docs/api.md:
    title, requesting_authority, requested_state (ISO 3166 code), requested_authority,
    target_language, source_language, channel, legal_basis, proceedings, offences, facts,
    persons, measures [{code, fields}], procedures, purpose, confidentiality, urgency,
    contact, assurances, annexes. Parts left out start empty."""

    content: dict[str, Any] = {}
    organisation_id: int | None = None


class ContentIn(Schema):
    content: dict[str, Any]


class ChecklistItem(Schema):
    severity: Literal["error", "warning"]
    rule: str
    field: str
    step: str
    label: str
    message: str


class ChecklistOut(Schema):
    ready: bool
    errors: int
    warnings: int
    unacknowledged_warnings: int
    items: list[ChecklistItem]


class AcknowledgeIn(Schema):
    rules: list[str]


class TransitionIn(Schema):
    reason: str = ""
    signature_block: str = ""


class MeasureFieldOut(Schema):
    name: str
    kind: str
    required: bool
    choices: list[str]


@router.get("/catalogue", response=dict[str, list[MeasureFieldOut]])
def catalogue(request: HttpRequest) -> dict[str, list[dict[str, Any]]]:
    """The fields of each measure (code → fields). Access: verified practitioners."""
    _writer_user(request)
    return {
        code: [
            {"name": s.name, "kind": s.kind, "required": s.required, "choices": list(s.choices)}
            for s in (*specs, LINK_TO_FACTS)
        ]
        for code, specs in MEASURE_FIELDS.items()
    }


@router.get("/requests", response=list[RequestOut])
def list_all(request: HttpRequest) -> list[dict[str, Any]]:
    """Requests the caller can see: their authorities' and their own private drafts.
    Access: verified practitioners."""
    user = _writer_user(request)
    return [request_out(r) for r in list_requests(user)[:500]]


@router.post("/requests", response={201: RequestOut})
def create(request: HttpRequest, payload: RequestIn) -> Status[dict[str, Any]]:
    """Create a draft from JSON, in the caller's authority (or `organisation_id`, one of the
    caller's), or as a private draft for a practitioner outside any authority.
    Access: verified practitioners."""
    user = _writer_user(request)
    organisation = None
    if payload.organisation_id is not None:
        organisation = Organisation.objects.filter(pk=payload.organisation_id).first()
        if organisation is None:
            raise PermissionDenied("You are not a member of this authority.")
    created = services.create_request(user, content=payload.content, organisation=organisation)
    return Status(201, request_out(created))


@router.get("/requests/{request_id}", response=RequestOut)
def detail(request: HttpRequest, request_id: int) -> dict[str, Any]:
    """One request. Access: members of its authority; the author of a private draft."""
    return request_out(access_request_by_id(_writer_user(request), request_id))


def _update(
    request: HttpRequest, request_id: int, content: dict[str, Any], replace: bool
) -> dict[str, Any]:
    user = _writer_user(request)
    found = access_request_by_id(user, request_id)
    return request_out(services.update_request(user, found, content, replace=replace))


@router.put("/requests/{request_id}", response=RequestOut)
def replace(request: HttpRequest, request_id: int, payload: ContentIn) -> dict[str, Any]:
    """Replace the whole content. A final or sent request is locked: the change makes a new
    version, returned here with its own id. Access: as for GET."""
    return _update(request, request_id, payload.content, replace=True)


@router.patch("/requests/{request_id}", response=RequestOut)
def patch(request: HttpRequest, request_id: int, payload: ContentIn) -> dict[str, Any]:
    """Replace the parts of the content given (top-level keys). Locked requests: as PUT.
    Access: as for GET."""
    return _update(request, request_id, payload.content, replace=False)


@router.post("/requests/{request_id}/validate", response=ChecklistOut)
def validate(request: HttpRequest, request_id: int) -> dict[str, Any]:
    """The checklist: each item with severity (error blocks finalising; warning must be
    acknowledged), rule code, field path, wizard step and message in the caller's language.
    Access: as for GET."""
    found = access_request_by_id(_writer_user(request), request_id)
    checklist = checklist_for(found)
    acknowledged = set(found.acknowledged_warnings)
    return {
        "ready": not checklist.errors,
        "errors": len(checklist.errors),
        "warnings": len(checklist.warnings),
        "unacknowledged_warnings": len(
            [w for w in checklist.warnings if w.rule not in acknowledged]
        ),
        "items": checklist_items(checklist),
    }


@router.post("/requests/{request_id}/acknowledge", response=RequestOut)
def acknowledge(request: HttpRequest, request_id: int, payload: AcknowledgeIn) -> dict[str, Any]:
    """Acknowledge warnings by rule code (replaces earlier acknowledgements).
    Access: as for GET."""
    user = _writer_user(request)
    found = access_request_by_id(user, request_id)
    return request_out(services.acknowledge_warnings(user, found, payload.rules))


@router.get("/requests/{request_id}/render")
def render(
    request: HttpRequest,
    request_id: int,
    fmt: Literal["pdf", "docx", "json"] = Query("pdf", alias="format"),
    lang: str = "en",
    kind: Literal["request", "bilingual"] = "request",
) -> HttpResponse:
    """The request as PDF, DOCX or JSON in `lang` (ar, zh-hans, en, fr, ru, es); `kind=bilingual`
    gives the side-by-side version for the translator. Every file is stored with its SHA-256
    (header X-Content-SHA256) and the data version it came from. Access: as for GET."""
    user = _writer_user(request)
    found = access_request_by_id(user, request_id)
    if lang not in DOCUMENT_LANGUAGES:
        raise HttpError(422, f"lang must be one of {', '.join(DOCUMENT_LANGUAGES)}")
    document = services.render_request(user, found, fmt, lang, kind)
    return attachment_response(document)


class StoredDocumentOut(Schema):
    id: int
    kind: str
    format: str
    language: str
    sha256: str
    size: int
    data_version: str
    created_at: datetime


@router.get("/requests/{request_id}/documents", response=list[StoredDocumentOut])
def stored_documents(request: HttpRequest, request_id: int) -> list[Any]:
    """Every file generated from this request, newest first, with hash and data version.
    Access: as for GET."""
    found = access_request_by_id(_writer_user(request), request_id)
    return list(documents_for(found))


@router.get("/requests/{request_id}/documents/{document_id}")
def stored_document(request: HttpRequest, request_id: int, document_id: int) -> HttpResponse:
    """One generated file exactly as it was made (for example, as sent); refused if the stored
    bytes no longer match the recorded hash. Access: as for GET."""
    found = access_request_by_id(_writer_user(request), request_id)
    document = documents_for(found).filter(pk=document_id).first()
    if document is None:
        raise Http404
    return attachment_response(document)


ACTIONS = Literal["submit", "return", "approve", "finalise", "send", "new_version"]


@router.post("/requests/{request_id}/transitions/{action}", response=RequestOut)
def transition(
    request: HttpRequest, request_id: int, action: ACTIONS, payload: TransitionIn
) -> dict[str, Any]:
    """Move a request: submit (draft → ready for review; no checklist errors), return (to
    draft, with `reason`), approve (supervisors of the authority, with `signature_block`),
    finalise (approved → final; no errors, every warning acknowledged), send (final → sent;
    opens the outgoing case in case tracking), new_version (of a final or sent request).
    Access: members of the request's authority; approve: its supervisors."""
    user = _writer_user(request)
    found = access_request_by_id(user, request_id)
    if action == "submit":
        result = services.submit_for_review(user, found)
    elif action == "return":
        result = services.return_to_draft(user, found, payload.reason)
    elif action == "approve":
        result = services.approve_request(user, found, payload.signature_block)
    elif action == "finalise":
        result = services.finalise_request(user, found)
    elif action == "send":
        result = services.send_request(user, found)
    else:
        result = services.new_version(user, found)
    return request_out(result)


__all__ = ["ValidationError", "router"]
