"""Pages of the writer: the list of requests, the wizard's steps (with autosave), the review
page with the checklist and the workflow, and downloads. Every request is fetched through
access.access_request_by_id."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access as accounts_access
from palermo.core.documents.rendering import DOCUMENT_LANGUAGES
from palermo.core.documents.responses import attachment_response
from palermo.core.documents.selectors import documents_for
from palermo.writer import exports, services
from palermo.writer.access import access_request_by_id, can_approve_request, can_use_writer
from palermo.writer.catalogue import STEP_NAMES
from palermo.writer.forms import ReasonForm, SignatureForm, StepForm
from palermo.writer.labels import STEP_LABELS, choice_label
from palermo.writer.messages import checklist_items
from palermo.writer.models import Status
from palermo.writer.routing import proposed_bases
from palermo.writer.selectors import checklist_for, list_requests, routing_for

require_writer = accounts_access.require(can_use_writer)


def steps_nav(current: str) -> list[dict[str, Any]]:
    return [
        {"slug": s, "label": STEP_LABELS[s], "current": s == current}
        for s in (*STEP_NAMES, "review")
    ]


@require_writer
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "writer/index.html", {"requests": list_requests(request.user)[:200]})


@require_writer
@require_POST
def create(request: HttpRequest) -> HttpResponse:
    created = services.create_request(request.user)
    return redirect("writer:step", pk=created.pk, step=STEP_NAMES[0])


def raw_input(request: HttpRequest) -> dict[str, Any]:
    return {
        k: v if len(v) > 1 else v[0] for k, v in request.POST.lists() if k != "csrfmiddlewaretoken"
    }


@require_writer
def step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    writer_request = access_request_by_id(request.user, pk)
    if step not in STEP_NAMES:
        raise Http404
    if writer_request.status != Status.DRAFT:
        messages.info(
            request, _("This request is no longer a draft; open it to see what to do next.")
        )
        return redirect("writer:review", pk=pk)
    content = writer_request.content
    restored = False
    if request.method == "POST":
        form = StepForm(step, content, data=request.POST)
        if form.is_valid():
            try:
                services.save_step(request.user, writer_request, step, form.to_content())
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                return redirect(next_url(pk, step, request.POST.get("go", "next")))
        services.autosave_step(request.user, writer_request, step, raw_input(request))
    elif step in writer_request.pending_input:
        form = StepForm(step, content, data=writer_request.pending_input[step])
        restored = True
    else:
        form = StepForm(step, content)
    routing = routing_for(writer_request) if step in ("authorities", "legal_basis") else None
    proposed = proposed_bases(routing) if routing else []
    if (
        step == "legal_basis"
        and not form.is_bound
        and proposed
        and not (content.get("legal_basis") or {}).get("chosen")
    ):
        form.initial["legal_basis__chosen"] = proposed[0]  # the best proposal, preselected
    findings = [
        i for i in checklist_items(checklist_for(writer_request, routing)) if i["step"] == step
    ]
    for item in findings:
        item["anchor"] = field_anchor(item["field"], form)
    return render(
        request,
        "writer/step.html",
        {
            "writer_request": writer_request,
            "form": form,
            "step": step,
            "step_label": STEP_LABELS[step],
            "steps": steps_nav(step),
            "findings": findings,
            "routing": routing,
            "proposed": [choice_label(code) for code in proposed],
            "restored": restored,
            "updated_ms": int(writer_request.updated_at.timestamp() * 1000),
        },
        status=422 if request.method == "POST" else 200,
    )


def field_anchor(path: str, form: StepForm) -> str:
    """The id of the form field a checklist item points to (the form's top when none)."""
    name = path.replace(".", "__")
    return f"id_{name}" if name in form.fields else "main"


def next_url(pk: int, step: str, go: str) -> str:
    if go == "stay":
        return reverse("writer:step", kwargs={"pk": pk, "step": step})
    position = STEP_NAMES.index(step)
    if go == "next" and position + 1 < len(STEP_NAMES):
        return reverse("writer:step", kwargs={"pk": pk, "step": STEP_NAMES[position + 1]})
    return reverse("writer:review", kwargs={"pk": pk})


@require_writer
@require_POST
def autosave(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    writer_request = access_request_by_id(request.user, pk)
    try:
        services.autosave_step(request.user, writer_request, step, raw_input(request))
    except ValidationError as error:
        return JsonResponse({"saved": False, "message": " ".join(error.messages)}, status=422)
    return JsonResponse({"saved": True, "at": writer_request.updated_at.isoformat()})


@require_writer
def review(request: HttpRequest, pk: int) -> HttpResponse:
    writer_request = access_request_by_id(request.user, pk)
    checklist = checklist_for(writer_request)
    items = checklist_items(checklist)
    acknowledged = set(writer_request.acknowledged_warnings)
    for item in items:
        item["acknowledged"] = item["rule"] in acknowledged
        item["url"] = reverse("writer:step", kwargs={"pk": pk, "step": item["step"]})
    return render(
        request,
        "writer/review.html",
        {
            "writer_request": writer_request,
            "steps": steps_nav("review"),
            "errors": [i for i in items if i["severity"] == "error"],
            "warnings": [i for i in items if i["severity"] == "warning"],
            "languages": [(code, name) for code, name in _language_names()],
            "documents": documents_for(writer_request)[:20],
            "can_approve": can_approve_request(request.user, writer_request),
            "signature_form": SignatureForm(),
            "reason_form": ReasonForm(),
            "blocks": checklist.blocks_finalising(acknowledged),
        },
    )


def _language_names() -> list[tuple[str, str]]:
    from django.conf import settings

    names = dict(settings.LANGUAGES)
    return [(code, names[code]) for code in DOCUMENT_LANGUAGES]


@require_writer
@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    writer_request = access_request_by_id(request.user, pk)
    services.acknowledge_warnings(request.user, writer_request, request.POST.getlist("rule"))
    messages.success(request, _("Your acknowledgement of the warnings is recorded."))
    return redirect("writer:review", pk=pk)


TRANSITIONS = ("submit", "return", "approve", "finalise", "send", "new_version")


@require_writer
@require_POST
def transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    writer_request = access_request_by_id(request.user, pk)
    if action not in TRANSITIONS:
        raise Http404
    user = request.user
    try:
        if action == "submit":
            services.submit_for_review(user, writer_request)
        elif action == "return":
            services.return_to_draft(user, writer_request, request.POST.get("reason", ""))
        elif action == "approve":
            services.approve_request(user, writer_request, request.POST.get("signature_block", ""))
        elif action == "finalise":
            services.finalise_request(user, writer_request)
        elif action == "send":
            services.send_request(user, writer_request)
        else:
            successor = services.new_version(user, writer_request)
            messages.success(
                request,
                _("Version %(number)d created as a draft.") % {"number": successor.version_number},
            )
            return redirect("writer:review", pk=successor.pk)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Status: %(status)s.") % {"status": writer_request.get_status_display()}
        )
    return redirect("writer:review", pk=pk)


@require_writer
def download(request: HttpRequest, pk: int, kind: str, fmt: str, language: str) -> HttpResponse:
    writer_request = access_request_by_id(request.user, pk)
    if (
        kind not in exports.KINDS
        or fmt not in exports.FORMATS
        or (language not in DOCUMENT_LANGUAGES)
    ):
        raise Http404
    document = services.render_request(request.user, writer_request, fmt, language, kind)
    return attachment_response(document)


@require_writer
def stored_document(request: HttpRequest, pk: int, document_id: int) -> HttpResponse:
    """A file exactly as it was generated (for example, as sent), checked against its hash."""
    writer_request = access_request_by_id(request.user, pk)
    document = documents_for(writer_request).filter(pk=document_id).first()
    if document is None:
        raise Http404
    return attachment_response(document)
