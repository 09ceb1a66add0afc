"""Pages of case tracking: the register, one case, registering, editing, lifecycle steps."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access
from palermo.cases import forms, selectors, services
from palermo.cases.access import (
    access_case_by_id,
    can_supervise,
    cases_visible_to,
    is_case_member,
)
from palermo.cases.deadlines import case_deadlines, targets_of
from palermo.cases.models import Case
from palermo.cases.workflow import STATE_CHOICES
from palermo.reference.models import Country

PER_PAGE = 50


def stale_message() -> str:
    return _(
        "Someone else changed this case while you were working on it. Nothing was saved: "
        "the page shows the latest version; check it and submit again."
    )


def form_errors_from(form: Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field_name, field_errors in error.message_dict.items():
            target = field_name if field_name in form.fields else None
            for message in field_errors:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _filters(request: HttpRequest) -> selectors.CaseFilters:
    get = request.GET
    return selectors.CaseFilters(
        direction=get.get("direction", "") if get.get("direction") in Case.Direction.values else "",
        state=get.get("state", "") if get.get("state") in dict(STATE_CHOICES) else "",
        counterpart=get.get("counterpart", "")[:3],
        due=get.get("due", "") if get.get("due") in ("overdue", "due_soon") else "",
        mine=get.get("mine") == "1",
        open_only=get.get("all") != "1",
        query=get.get("q", "")[:100].strip(),
    )


@access.require(is_case_member)
def index(request: HttpRequest) -> HttpResponse:
    """The register: the cases the user may see, filtered, newest first."""
    today = timezone.localdate()
    organisation = selectors.member_organisations(request.user)[0]
    due_soon_days = targets_of(organisation.pk)[1]
    cases = selectors.list_cases(request.user, _filters(request), today, due_soon_days)
    page = Paginator(cases.values_list("pk", flat=True), PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.rows_for(list(page.object_list))
    return render(
        request,
        "cases/index.html",
        {
            "page": page,
            "filters": _filters(request),
            "today": today,
            "state_choices": STATE_CHOICES,
            "direction_choices": Case.Direction.choices,
            "countries": Country.objects.order_by("name").only("iso3", "name"),
            "due_soon_days": due_soon_days,
        },
    )


@access.require(is_case_member)
def register(request: HttpRequest) -> HttpResponse:
    """Register an incoming request, or an outgoing one drafted outside Palermo."""
    organisation = selectors.organisation_for(request.user, request.GET.get("authority"))
    if organisation is None:
        raise PermissionDenied
    initial = {
        "direction": request.GET.get("direction", "incoming"),
        "correspondence_language": "en",
        "channel": Case.Channel.CENTRAL_AUTHORITY,
        "request_type": "mla",
    }
    form = forms.CaseRegisterForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("document")
        document = (upload.name, upload.read()) if upload else None
        try:
            case = services.register_case(request.user, organisation, form.to_input(), document)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request, _("Case %(reference)s registered.") % {"reference": case.our_reference}
            )
            return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "cases/register.html",
        {"form": form, "organisation": organisation},
        status=422 if form.errors else 200,
    )


def detail_context(request: HttpRequest, case: Case, **bound: Any) -> dict[str, Any]:
    members = selectors.assignable_members(case.organisation_id)
    rules = services.available_transitions(request.user, case)
    context: dict[str, Any] = {
        "case": case,
        "deadlines": case_deadlines(case),
        "today": timezone.localdate(),
        "measures": list(case.measures.all()),
        "transitions": case.transitions.select_related("actor").order_by("-occurred_on", "-id"),
        "documents": case.documents.select_related("uploaded_by"),
        "notes": case.notes.select_related("author"),
        "tasks": case.tasks.select_related("assigned_to"),
        "correspondence": case.correspondence.select_related("document"),
        "links": case.links.select_related("related_case"),
        "linked_from": cases_visible_to(request.user).filter(links__related_case=case).distinct(),
        "persons": case.persons.select_related("nationality"),
        "offences": case.offences.select_related("crime_type"),
        "named_members": case.named_members.all() if case.confidential else [],
        "rules": rules,
        "transition_form": forms.TransitionForm(initial={"version": case.version}),
        "assign_form": forms.AssignForm(
            initial={"version": case.version, "assigned_to": case.assigned_to_id}, members=members
        ),
        "confidentiality_form": forms.ConfidentialityForm(
            initial={
                "version": case.version,
                "confidential": case.confidential,
                "named_members": list(case.named_members.values_list("pk", flat=True)),
            },
            members=members,
        ),
        "can_supervise": can_supervise(request.user, case),
        "note_form": forms.NoteForm(),
        "task_form": forms.TaskForm(),
        "document_form": forms.DocumentForm(),
        "correspondence_form": forms.CorrespondenceForm(),
        "link_form": forms.LinkForm(),
        "person_form": forms.PersonForm(),
        "offence_form": forms.OffenceForm(),
    }
    context.update(bound)
    return context


@access.require(is_case_member)
def detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    return render(request, "cases/detail.html", detail_context(request, case))


@access.require(is_case_member)
def edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    initial = {name: getattr(case, name) for name in forms.CaseEditForm.base_fields}
    form = forms.CaseEditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case(
                request.user, case, version=form.cleaned_data["version"], changes=form.changes()
            )
        except services.StaleCase:
            case = access_case_by_id(request.user, case_id, record_opening=False)
            data = request.POST.copy()
            data["version"] = str(case.version)
            form = forms.CaseEditForm(data, initial=initial)
            form.is_valid()
            form.add_error(None, stale_message())
            status = 409
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("cases:detail", case_id=case.pk)
    if form.errors and status == 200:
        status = 422
    return render(request, "cases/edit.html", {"case": case, "form": form}, status=status)


@require_POST
@access.require(is_case_member)
def take_transition(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    form = forms.TransitionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.transition_case(
                request.user,
                case,
                data["code"],
                reason=data["reason"],
                occurred_on=data["occurred_on"],
                version=data["version"],
                refusal_ground=data["refusal_ground"],
                executing_authority=data["executing_authority"],
            )
        except services.StaleCase:
            messages.error(request, stale_message())
            return redirect("cases:detail", case_id=case.pk)
        except services.InvalidTransition as error:
            messages.error(request, str(error))
            return redirect("cases:detail", case_id=case.pk)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Status is now: %(state)s.") % {"state": case.state_label})
            return redirect("cases:detail", case_id=case.pk)
    case = access_case_by_id(request.user, case_id, record_opening=False)
    return render(
        request,
        "cases/detail.html",
        detail_context(
            request, case, transition_form=form, failed_transition=request.POST.get("code", "")
        ),
        status=422,
    )


@require_POST
@access.require(is_case_member)
def assign(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    form = forms.AssignForm(
        request.POST, members=selectors.assignable_members(case.organisation_id)
    )
    if form.is_valid():
        try:
            services.assign_case(
                request.user,
                case,
                form.cleaned_data["assigned_to"],
                version=form.cleaned_data["version"],
            )
        except services.StaleCase:
            messages.error(request, stale_message())
            return redirect("cases:detail", case_id=case.pk)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Assignment saved."))
            if access_case_visible(request, case.pk):
                return redirect("cases:detail", case_id=case.pk)
            return redirect("cases:index")
    return render(
        request, "cases/detail.html", detail_context(request, case, assign_form=form), status=422
    )


def access_case_visible(request: HttpRequest, case_id: int) -> bool:
    return cases_visible_to(request.user).filter(pk=case_id).exists()


@require_POST
@access.require(is_case_member)
def confidentiality(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    form = forms.ConfidentialityForm(
        request.POST, members=selectors.assignable_members(case.organisation_id)
    )
    if form.is_valid():
        try:
            services.set_confidentiality(
                request.user,
                case,
                confidential=form.cleaned_data["confidential"],
                members=list(form.cleaned_data["named_members"]),
                version=form.cleaned_data["version"],
            )
        except services.StaleCase:
            messages.error(request, stale_message())
            return redirect("cases:detail", case_id=case.pk)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Confidentiality saved."))
            return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "cases/detail.html",
        detail_context(request, case, confidentiality_form=form),
        status=422,
    )
