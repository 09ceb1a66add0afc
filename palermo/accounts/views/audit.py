"""The audit trail: what was done, by whom, when, to which record. Staff see everything;
authority admins see their own authorities' events."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from palermo.accounts import access, selectors
from palermo.accounts.forms import AuditFilterForm

PAGE_SIZE = 50


@access.require(access.can_read_audit_trail)
def audit_trail(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET, record_types=selectors.audit_record_types(request.user))
    form.is_valid()  # invalid filters are shown with their errors; the valid ones still apply
    filters = form.cleaned_data
    events = selectors.list_audit_events(
        request.user,
        action=filters.get("action", ""),
        record_type=filters.get("record_type", ""),
        who=filters.get("who", ""),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    for event in page:
        event.record_type_name = selectors.record_type_name(event.target_type)  # type: ignore[attr-defined]
    return render(request, "accounts/audit.html", {"form": form, "page": page})
