"""Pages for the work on a case: notes, tasks, documents, correspondence, links, persons,
offences, measure deadlines and the chase letter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access
from palermo.cases import forms, services_work
from palermo.cases.access import access_case_by_id, cases_visible_to, is_case_member
from palermo.cases.models import Case, CaseDocument
from palermo.cases.views import detail_context, form_errors_from
from palermo.core.audit import record_event


def _post_action(
    request: HttpRequest,
    case_id: int,
    form_class: type[Form],
    context_name: str,
    act: Callable[[Case, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    """Shared shape of the small forms on a case page: check, act, or show the form again."""
    case = access_case_by_id(request.user, case_id)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            act(case, form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, done)
            return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "cases/detail.html",
        detail_context(request, case, **{context_name: form}),
        status=422,
    )


@require_POST
@access.require(is_case_member)
def add_note(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post_action(
        request,
        case_id,
        forms.NoteForm,
        "note_form",
        lambda case, d: services_work.add_note(request.user, case, d["text"]),
        _("Note added."),
    )


@require_POST
@access.require(is_case_member)
def add_task(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post_action(
        request,
        case_id,
        forms.TaskForm,
        "task_form",
        lambda case, d: services_work.add_task(
            request.user, case, title=d["title"], due_on=d["due_on"], assigned_to=request.user
        ),
        _("Task added."),
    )


@require_POST
@access.require(is_case_member)
def complete_task(request: HttpRequest, case_id: int, task_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    task = case.tasks.filter(pk=task_id).first()
    if task is None:
        raise Http404
    services_work.complete_task(request.user, task)
    messages.success(request, _("Task done."))
    return redirect("cases:detail", case_id=case.pk)


def _upload(request: HttpRequest, case: Case, data: dict[str, Any]) -> CaseDocument:
    upload = data["file"]
    return services_work.add_document(
        request.user, case, name=upload.name, content=upload.read(), kind=data["kind"]
    )


@require_POST
@access.require(is_case_member)
def add_document(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post_action(
        request,
        case_id,
        forms.DocumentForm,
        "document_form",
        lambda case, d: _upload(request, case, d),
        _("Document added."),
    )


@access.require(is_case_member)
def document(request: HttpRequest, case_id: int, document_id: int) -> HttpResponse:
    """A document of a case, for those who may see the case; each opening is audited."""
    case = access_case_by_id(request.user, case_id)
    found = case.documents.filter(pk=document_id).first()
    if found is None:
        raise Http404
    record_event(
        request.user,
        "case.document_opened",
        case,
        organisation=case.organisation,
        changes={"document": [None, found.original_name]},
    )
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )
    if case.use_limitation:
        # Carried with the file for systems that keep headers; the page shows it in full.
        response["X-Use-Limitation"] = (
            " ".join(case.use_limitation.split())[:500].encode("ascii", "replace").decode("ascii")
        )
    return cast(HttpResponse, response)  # streamed; access.require's type names HttpResponse


@require_POST
@access.require(is_case_member)
def add_correspondence(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post_action(
        request,
        case_id,
        forms.CorrespondenceForm,
        "correspondence_form",
        lambda case, d: services_work.record_correspondence(
            request.user, case, kind=d["kind"], occurred_on=d["occurred_on"], summary=d["summary"]
        ),
        _("Correspondence recorded."),
    )


def _link(request: HttpRequest, case: Case, data: dict[str, Any]) -> Any:
    related = (
        cases_visible_to(request.user)
        .filter(organisation=case.organisation, our_reference=data["related_reference"].strip())
        .first()
    )
    if related is None:
        raise ValidationError({"related_reference": _("No case of yours has this reference.")})
    return services_work.link_cases(request.user, case, related, data["kind"])


@require_POST
@access.require(is_case_member)
def add_link(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post_action(
        request,
        case_id,
        forms.LinkForm,
        "link_form",
        lambda case, d: _link(request, case, d),
        _("Cases linked."),
    )


@require_POST
@access.require(is_case_member)
def add_person(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post_action(
        request,
        case_id,
        forms.PersonForm,
        "person_form",
        lambda case, d: services_work.add_person(
            request.user, case, name=d["name"], role=d["role"], nationality=d["nationality"]
        ),
        _("Person added."),
    )


@require_POST
@access.require(is_case_member)
def add_offence(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post_action(
        request,
        case_id,
        forms.OffenceForm,
        "offence_form",
        lambda case, d: services_work.add_offence(
            request.user,
            case,
            description=d["description"],
            crime_type_id=d["crime_type"].pk if d["crime_type"] else None,
        ),
        _("Offence added."),
    )


@require_POST
@access.require(is_case_member)
def measure_deadline(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    form = forms.MeasureDeadlineForm(request.POST)
    if form.is_valid():
        measure = case.measures.filter(pk=form.cleaned_data["measure"]).first()
        if measure is None:
            raise Http404
        try:
            services_work.set_measure_deadline(
                request.user,
                measure,
                deadline=form.cleaned_data["deadline"],
                reason=form.cleaned_data["deadline_reason"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Deadline saved."))
    else:
        messages.error(request, _("Give a valid date."))
    return redirect("cases:detail", case_id=case.pk)
