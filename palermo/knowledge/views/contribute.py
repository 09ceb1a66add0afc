"""Contributing and moderating: drafts, submission, review with a diff, publication."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from palermo.accounts import access
from palermo.knowledge import selectors, services
from palermo.knowledge.access import (
    access_record,
    access_record_for_edit,
    can_contribute,
    can_moderate,
    record_model,
)
from palermo.knowledge.attachments import describe_upload
from palermo.knowledge.forms import CHILD_FORMSETS, FORMS, TransitionForm
from palermo.knowledge.labels import KIND_LABELS, KIND_SINGULAR
from palermo.knowledge.models import KnowledgeRecord, Treaty
from palermo.knowledge.versions import last_published_version
from palermo.knowledge.views.display import readable_changes

TRANSITION_LABELS = {
    "submit": gettext_lazy("Submit for review"),
    "publish": gettext_lazy("Publish"),
    "return": gettext_lazy("Return to the contributor"),
    "withdraw": gettext_lazy("Withdraw from publication"),
}


@access.require(can_contribute)
def contribute(request: HttpRequest) -> HttpResponse:
    queue = selectors.moderation_queue() if can_moderate(request.user) else None
    return render(
        request,
        "knowledge/contribute.html",
        {
            "mine": selectors.contributions_of(request.user),
            # Grouped under the kind's name, so an editor sees a case from a law at a glance.
            "queue": None
            if queue is None
            else [(KIND_LABELS[code], code, records) for code, records in queue.items() if records],
            "kinds": KIND_LABELS,
        },
    )


def _edit(request: HttpRequest, kind: str, record: KnowledgeRecord | None) -> HttpResponse:
    form_class = FORMS[kind]
    formset_class = CHILD_FORMSETS.get(kind)
    instance = record if record is not None else record_model(kind)()
    was_published = record is not None and record.is_published
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, instance=instance, user=request.user)
        formset = (
            formset_class(request.POST, instance=instance, prefix="parts")
            if formset_class
            else None
        )
        if form.is_valid() and (formset is None or formset.is_valid()):
            saved = form.save(commit=False)
            upload = form.cleaned_data.get("attachment_file")
            if upload:
                # Stored under a random name: the uploaded name and type are kept beside it.
                describe_upload(saved, upload)
            try:
                saved = services.save_record(
                    request.user,
                    saved,
                    form.terms(),
                    children=[formset] if formset is not None else [],
                    attachment_text=form.attachment_text,
                    treaty_parties=list(form.cleaned_data["party_states"])
                    if isinstance(saved, Treaty)
                    else None,
                )
            except PermissionDenied:
                form.add_error("country", _("You may not keep records of this State."))
            else:
                messages.success(request, _saved_message(saved, was_published))
                return redirect("knowledge:record", kind, saved.pk)
        messages.error(
            request, _("The record was not saved: please correct the fields marked below.")
        )
    else:
        form = form_class(instance=instance, user=request.user)
        formset = formset_class(instance=instance, prefix="parts") if formset_class else None
    return render(
        request,
        "knowledge/edit.html",
        {
            # Browsers never send a chosen file back with a form shown again.
            "file_not_kept": request.method == "POST" and bool(request.FILES),
            "form": form,
            "formset": formset,
            "record": record,
            "kind": kind,
            "kind_label": KIND_SINGULAR[kind],
        },
        status=400 if request.method == "POST" else 200,
    )


def _saved_message(record: KnowledgeRecord, was_published: bool) -> str:
    if record.is_published:
        return _("Saved and published.")
    if was_published:
        return _(
            "Saved and sent back for review: the record is not public until an editor "
            "publishes it again."
        )
    if record.status == "submitted":
        return _("Saved. It still waits for an editor's review.")
    return _("Saved as a draft. Submit it for review when it is ready.")


@access.require(can_contribute)
def create_record(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in FORMS:
        raise Http404
    return _edit(request, kind, None)


@access.require(access.is_signed_in)
def edit_record(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    record = access_record_for_edit(request.user, kind, record_id)
    return _edit(request, kind, record)


@access.require(access.is_signed_in)
def review_record(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    """What changed since the last published version (or everything, for a new record)."""
    record = access_record_for_edit(request.user, kind, record_id)
    published = last_published_version(record)
    return render(
        request,
        "knowledge/review.html",
        {
            "record": record,
            "kind": kind,
            "published": published,
            "changes": readable_changes(published, record),
            "form": TransitionForm(),
            "transitions": available_transitions(request.user, record),
            "can_verify": kind == "caselaw" and can_moderate(request.user),
        },
    )


def available_transitions(user: Any, record: KnowledgeRecord) -> list[tuple[str, str]]:
    names = {t.name for t in record.get_available_user_status_transitions(user)}  # type: ignore[attr-defined]
    mapping = {
        "submit": "submit",
        "publish": "publish",
        "return_to_contributor": "return",
        "withdraw": "withdraw",
    }
    return [(mapping[n], str(TRANSITION_LABELS[mapping[n]])) for n in mapping if n in names]


@require_POST
@access.require(access.is_signed_in)
def transition_record(request: HttpRequest, kind: str, record_id: int, action: str) -> HttpResponse:
    record = access_record(request.user, kind, record_id)
    service = services.TRANSITIONS.get(action)
    if service is None:
        raise Http404
    form = TransitionForm(request.POST)
    comment = form.data.get("comment", "")[:4000]
    try:
        service(request.user, record, comment)
    except PermissionDenied:
        raise
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("knowledge:review", kind, record.pk)
    messages.success(
        request,
        {
            "submit": _("Submitted for review."),
            "publish": _("Published."),
            "return": _("Returned to the contributor with your comments."),
            "withdraw": _("Withdrawn from publication."),
            "verify": _("Marked as verified by an editor."),
            "unverify": _("No longer marked as verified."),
        }[action],
    )
    return redirect("knowledge:record", kind, record.pk)
