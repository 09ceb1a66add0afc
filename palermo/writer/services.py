"""Every write of the writer: creating and changing requests, autosave, acknowledging
warnings, the workflow, new versions, and rendering with storage of what was rendered."""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.accounts.access import memberships
from palermo.accounts.models import Organisation
from palermo.core.audit import diff_fields, record_event
from palermo.core.documents.models import GeneratedDocument
from palermo.core.documents.services import read_document, store_generated_document
from palermo.reference.models import Country
from palermo.writer import access, exports
from palermo.writer.catalogue import STEP_NAMES, STEPS, empty_request
from palermo.writer.models import Status, WriterRequest
from palermo.writer.selectors import checklist_for, routing_for
from palermo.writer.validation import LANGUAGE_CODES, clean_content

MAX_PENDING = 200_000  # characters of unsaved input kept per step


def find_state(code: str) -> Country | None:
    code = (code or "").strip().upper()
    if not code:
        return None
    field = "iso2" if len(code) == 2 else "iso3"
    found = Country.objects.filter(**{field: code}).first()
    if found is None:
        raise ValidationError(
            {
                "requested_state": [
                    _("Unknown State code %(code)s: use an ISO 3166 code such as FRA or FR.")
                    % {"code": code}
                ]
            }
        )
    return found


def prefilled_content(actor: Any, organisation: Organisation | None) -> dict[str, Any]:
    content = empty_request()
    if organisation is not None:
        content["requesting_authority"] = {
            "name": organisation.name,
            "state": organisation.country.iso3,
            "address": "",
        }
    elif getattr(actor, "country", None) is not None:
        content["requesting_authority"]["state"] = actor.country.iso3  # type: ignore[index]
    content["contact"] = {
        "name": actor.display_name,
        "position": actor.position,
        "email": actor.email,
        "phone": "",
    }
    language = getattr(actor, "preferred_language", "en") or "en"
    content["source_language"] = language if language in LANGUAGE_CODES else "en"
    return content


def apply_content(request: WriterRequest, content: dict[str, Any]) -> dict[str, Any]:
    """Validate, then set the content and the fields derived from it. Returns what changed."""
    cleaned = clean_content(content)
    requesting_code = str(cleaned["requesting_authority"].get("state") or "")
    requesting = find_state(requesting_code) if requesting_code else None
    requested = find_state(str(cleaned.get("requested_state") or ""))
    before = request.content
    request.content = cleaned
    request.title = str(cleaned.get("title") or "")[:300]
    request.requesting_state = requesting or (
        request.organisation.country if request.organisation else None
    )
    request.requested_state = requested
    return diff_fields(before if isinstance(before, dict) else {}, cleaned)


@transaction.atomic
def create_request(
    actor: Any, *, content: dict[str, Any] | None = None, organisation: Organisation | None = None
) -> WriterRequest:
    """A new draft: in the actor's authority (the first one, unless named), else private."""
    if not access.can_use_writer(actor):
        raise PermissionDenied(_("Only verified practitioners can write requests."))
    member_of = [m.organisation for m in memberships(actor)]
    if organisation is None and member_of:
        organisation = member_of[0]
    if organisation is not None and organisation not in member_of:
        raise PermissionDenied(_("You are not a member of this authority."))
    request = WriterRequest(organisation=organisation, author=actor)
    base = prefilled_content(actor, organisation)
    if content:
        base.update(content)
    apply_content(request, base)
    request.save()
    record_event(actor, "writer.request_created", request, organisation=organisation)
    return request


def _editable(actor: Any, request: WriterRequest) -> None:
    if not access.can_view_request(actor, request):
        raise PermissionDenied
    if request.status != Status.DRAFT:
        raise ValidationError(
            _("Only drafts can be changed; this request is %(status)s.")
            % {"status": request.get_status_display()}
        )


@transaction.atomic
def update_request(
    actor: Any, request: WriterRequest, changes: dict[str, Any], *, replace: bool = False
) -> WriterRequest:
    """Change the content (PATCH merges top-level parts; PUT replaces them all).

    A final or sent request is locked: the change makes a new version, which is returned.
    """
    if request.is_locked:
        request = new_version(actor, request)
    _editable(actor, request)
    content = changes if replace else {**request.content, **changes}
    changed = apply_content(request, content)
    if changed:
        request.revision += 1
    request.save()
    record_event(
        actor, "writer.request_changed", request, changes=changed, organisation=request.organisation
    )
    return request


@transaction.atomic
def save_step(
    actor: Any, request: WriterRequest, step: str, values: dict[str, Any]
) -> WriterRequest:
    """Save one step of the wizard; its unsaved input is dropped once saved."""
    keys = dict(STEPS)[step]
    request = update_request(actor, request, {k: values[k] for k in keys if k in values})
    if step == "authorities":
        _propose_requested_authority(actor, request)
    if step in request.pending_input:
        request.pending_input = {k: v for k, v in request.pending_input.items() if k != step}
        request.save(update_fields=["pending_input"])
    return request


def _propose_requested_authority(actor: Any, request: WriterRequest) -> None:
    """Fill the requested authority from the directory's routing when the user left it empty."""
    requested = dict(request.content.get("requested_authority") or {})
    if requested.get("name") or request.requested_state is None:
        return
    primary = [a for a in routing_for(request).authorities if a["role"] == "primary"]
    if not primary:
        return
    requested.update(
        name=primary[0]["name"], address=primary[0]["address"], directory_id=primary[0]["id"]
    )
    update_request(actor, request, {"requested_authority": requested})


def autosave_step(actor: Any, request: WriterRequest, step: str, raw_input: dict[str, Any]) -> None:
    """Keep what the user typed in a step, valid or not, so nothing is lost. Not audited as a
    change: the request's content is untouched until the step is saved."""
    _editable(actor, request)
    if step not in STEP_NAMES:
        raise ValidationError(_("Unknown step."))
    if sum(len(str(v)) for v in raw_input.values()) > MAX_PENDING:
        raise ValidationError(_("Too much text to keep at once."))
    request.pending_input = {**request.pending_input, step: raw_input}
    request.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        request.save(update_fields=["pending_input", "updated_at"])
    finally:
        del request.skip_history_when_saving  # type: ignore[attr-defined]


@transaction.atomic
def acknowledge_warnings(actor: Any, request: WriterRequest, rules: list[str]) -> WriterRequest:
    if not access.can_view_request(actor, request) or request.is_locked:
        raise PermissionDenied
    current = {w.rule for w in checklist_for(request).warnings}
    request.acknowledged_warnings = sorted(set(rules) & current)
    request.save(update_fields=["acknowledged_warnings", "updated_at"])
    record_event(
        actor,
        "writer.warnings_acknowledged",
        request,
        changes={"warnings": [None, request.acknowledged_warnings]},
        organisation=request.organisation,
    )
    return request


def _require_no_errors(request: WriterRequest, *, warnings_too: bool) -> None:
    checklist = checklist_for(request)
    if checklist.errors:
        raise ValidationError(
            _("The checklist still has %(count)d error(s): fix them first.")
            % {"count": len(checklist.errors)}
        )
    if warnings_too and checklist.blocks_finalising(set(request.acknowledged_warnings)):
        raise ValidationError(_("Acknowledge every warning of the checklist first."))


def _transition(actor: Any, request: WriterRequest, action: str, reason: str = "") -> None:
    request.save()
    record_event(
        actor,
        f"writer.{action}",
        request,
        changes={"status": [None, request.status], "reason": [None, reason]},
        organisation=request.organisation,
    )


@transaction.atomic
def submit_for_review(actor: Any, request: WriterRequest) -> WriterRequest:
    _editable(actor, request)
    if request.organisation_id is None:
        raise ValidationError(_("Private drafts have no supervisor to review them."))
    _require_no_errors(request, warnings_too=False)
    request.submit_for_review()
    _transition(actor, request, "submitted_for_review")
    return request


@transaction.atomic
def return_to_draft(actor: Any, request: WriterRequest, reason: str) -> WriterRequest:
    if not access.can_view_request(actor, request):
        raise PermissionDenied
    if request.status not in (Status.READY_FOR_REVIEW, Status.APPROVED):
        raise ValidationError(_("Only requests under review or approved go back to draft."))
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the request goes back to draft.")]})
    request.return_to_draft()
    _transition(actor, request, "returned_to_draft", reason)
    return request


@transaction.atomic
def approve_request(actor: Any, request: WriterRequest, signature_block: str) -> WriterRequest:
    if not access.can_view_request(actor, request) or not access.can_approve_request(
        actor, request
    ):
        raise PermissionDenied(_("Only a supervisor of the authority can approve."))
    if request.status != Status.READY_FOR_REVIEW:
        raise ValidationError(_("Only requests ready for review can be approved."))
    if not signature_block.strip():
        raise ValidationError(
            {
                "signature_block": [
                    _("Write the signature block: name, position and authority of the signatory.")
                ]
            }
        )
    _require_no_errors(request, warnings_too=False)
    request.approve()
    request.approved_by = actor
    request.approved_at = timezone.now()
    request.signature_block = signature_block.strip()[:2000]
    _transition(actor, request, "approved")
    return request


@transaction.atomic
def finalise_request(actor: Any, request: WriterRequest) -> WriterRequest:
    if not access.can_view_request(actor, request):
        raise PermissionDenied
    if request.status != Status.APPROVED:
        raise ValidationError(_("Only approved requests can be made final."))
    _require_no_errors(request, warnings_too=True)
    request.finalise()
    request.finalised_at = timezone.now()
    _transition(actor, request, "finalised")
    return request


@transaction.atomic
def send_request(actor: Any, request: WriterRequest) -> WriterRequest:
    """Mark a final request as sent and open the outgoing case in case tracking."""
    if not access.can_view_request(actor, request):
        raise PermissionDenied
    if request.status != Status.FINAL or request.organisation is None:
        raise ValidationError(_("Only final requests of an authority can be sent."))
    language = str(request.content.get("target_language") or "en")
    document = render_request(actor, request, "pdf", language)
    from palermo.cases.services import open_outgoing_case

    offences = request.content.get("offences") or []
    case = open_outgoing_case(
        actor,
        organisation=request.organisation,
        requested_state=request.requested_state,
        title=request.title or str(request),
        measures=request.measure_codes,
        offence_summary="; ".join(str(o.get("description") or "") for o in offences)[:2000],
        document_bytes=read_document(document),
        document_name=document.download_name,
        writer_request_id=request.pk,
        requested_authority_name=str(
            (request.content.get("requested_authority") or {}).get("name") or ""
        ),
    )
    request.mark_sent()
    request.sent_at = timezone.now()
    request.case_id = case.pk
    _transition(actor, request, "sent")
    return request


@transaction.atomic
def new_version(actor: Any, request: WriterRequest) -> WriterRequest:
    """A locked request stays as it was; its next version starts as a draft."""
    if not access.can_view_request(actor, request):
        raise PermissionDenied
    if not request.is_locked:
        raise ValidationError(_("Only final or sent requests need a new version."))
    successor = WriterRequest.objects.create(
        organisation=request.organisation,
        author=actor,
        title=request.title,
        requesting_state=request.requesting_state,
        requested_state=request.requested_state,
        content=copy.deepcopy(request.content),
        previous_version=request,
        version_number=request.version_number + 1,
    )
    record_event(
        actor,
        "writer.new_version",
        successor,
        changes={"previous_version": [None, request.pk]},
        organisation=request.organisation,
    )
    return successor


@transaction.atomic
def render_request(
    actor: Any, request: WriterRequest, fmt: str, language: str, kind: str = "request"
) -> GeneratedDocument:
    """Render and keep the file with its hash and the exact data it was made from."""
    if not access.can_view_request(actor, request):
        raise PermissionDenied
    content = exports.render(request, fmt, language, kind)
    return store_generated_document(
        actor=actor,
        kind=f"writer-{kind}",
        target=request,
        fmt=fmt,
        language=language,
        content=content,
        source_data=exports.source_data(request),
        data_version=f"v{request.version_number}.r{request.revision}",
        organisation=request.organisation,
    )
