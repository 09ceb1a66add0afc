"""The dashboard, statistics as CSV, the register as CSV, and each authority's settings."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access
from palermo.accounts.models import Organisation
from palermo.cases import charts, forms, selectors, services_work
from palermo.cases.access import can_manage_settings, is_case_member
from palermo.cases.deadlines import targets_of
from palermo.cases.models import CaseSettings, Holiday
from palermo.cases.statistics import Statistics, statistics_for
from palermo.cases.views import _filters, form_errors_from
from palermo.cases.workflow import STATE_LABELS


def _organisation(request: HttpRequest) -> Organisation:
    organisation = selectors.organisation_for(request.user, request.GET.get("authority"))
    if organisation is None:
        raise Http404
    return organisation


def _charts(stats: Statistics) -> dict[str, Any]:
    median, p90 = _("median days"), _("90th percentile")

    def durations(title: str, rows: Any) -> Any:
        return charts.duration_chart(
            title,
            _("Days from receipt or sending to execution: median and 90th percentile."),
            [(r.label, r.median, r.p90) for r in rows],
            median,
            p90,
        )

    return {
        "months": charts.months_chart(
            _("Cases opened and finished each month"),
            _("Two lines over the last 36 months: cases opened and cases finished."),
            stats.months,
            _("opened"),
            _("finished"),
        ),
        "by_state": durations(_("Days to execution by counterpart State"), stats.by_state),
        "by_measure": durations(_("Days to execution by measure"), stats.by_measure),
        "by_offence": durations(_("Days to execution by offence type"), stats.by_offence),
        "backlog": charts.bar_chart(
            _("Age of the open cases"),
            _("Open cases by days since receipt or sending."),
            stats.backlog,
        ),
        "refusals": charts.bar_chart(
            _("Refusals by ground"),
            _("Refused requests by ground."),
            [(label, n) for _c, label, n in stats.refusals],
        ),
    }


@access.require(is_case_member)
def dashboard(request: HttpRequest) -> HttpResponse:
    organisation = _organisation(request)
    today = timezone.localdate()
    due_soon_days = targets_of(organisation.pk)[1]
    stats = statistics_for(organisation.pk, today)
    return render(
        request,
        "cases/dashboard.html",
        {
            "organisation": organisation,
            "organisations": selectors.member_organisations(request.user),
            "stats": stats,
            "charts": _charts(stats),
            "today": today,
            "overdue": selectors.in_order(
                selectors.overdue_cases(request.user, today).filter(organisation=organisation), 10
            ),
            "due_soon": selectors.in_order(
                selectors.due_soon_cases(request.user, today, due_soon_days).filter(
                    organisation=organisation
                ),
                10,
            ),
            "workload": selectors.workload(organisation, today),
            "reminders": selectors.reminders_for(request.user)[:20],
            "can_manage_settings": can_manage_settings(request.user, organisation.pk),
        },
    )


def _csv_response(filename: str, rows: Iterable[Iterable[Any]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for row in rows:
        writer.writerow(row)
    return response


FIGURES = ("months", "by_state", "by_measure", "by_offence", "backlog", "refusals")


def statistics_rows(stats: Statistics, figure: str) -> list[list[Any]]:
    """One figure as rows, header first: the same numbers as the charts and the API."""
    if figure == "months":
        return [["month", "opened", "finished"]] + [
            [m.strftime("%Y-%m"), o, f] for m, o, f in stats.months
        ]
    if figure in ("by_state", "by_measure", "by_offence"):
        return [["code", "name", "executed_cases", "median_days", "p90_days"]] + [
            [r.key, r.label, r.cases, _round(r.median), _round(r.p90)]
            for r in getattr(stats, figure)
        ]
    if figure == "backlog":
        return [["age", "open_cases"]] + [[label, n] for label, n in stats.backlog]
    if figure == "refusals":
        return [["ground", "name", "cases"]] + [[c, label, n] for c, label, n in stats.refusals]
    raise Http404


def _round(value: float | None) -> float | str:
    return "" if value is None else round(value, 1)


@access.require(is_case_member)
def statistics_csv(request: HttpRequest, figure: str) -> HttpResponse:
    if figure not in FIGURES:
        raise Http404
    organisation = _organisation(request)
    stats = statistics_for(organisation.pk, timezone.localdate())
    return _csv_response(f"cases-{figure}.csv", statistics_rows(stats, figure))


@access.require(is_case_member)
def export_cases(request: HttpRequest) -> HttpResponse:
    """The register as the user sees it, with the same filters as the list, as CSV."""
    today = timezone.localdate()
    cases = selectors.list_cases(request.user, _filters(request), today)

    def rows() -> Iterable[list[Any]]:
        yield [
            "our_reference",
            "their_reference",
            "direction",
            "counterpart_state",
            "title",
            "status",
            "received_on",
            "sent_on",
            "next_deadline",
            "caseworker",
            "days_to_execution",
            "use_limitation",
        ]
        for case in cases.iterator(chunk_size=2000):
            yield [
                case.our_reference,
                case.their_reference,
                case.direction,
                case.counterpart_state.iso3,
                case.title,
                str(STATE_LABELS[case.state]),
                case.received_on or "",
                case.sent_on or "",
                case.next_due_on or "",
                case.assigned_to.display_name if case.assigned_to else "",
                case.days_to_execution if case.days_to_execution is not None else "",
                case.use_limitation,
            ]

    return _csv_response("cases.csv", rows())


@access.require(is_case_member)
def case_settings(request: HttpRequest) -> HttpResponse:
    """Internal targets and holidays of the authority (supervisors and authority admins)."""
    organisation = _organisation(request)
    if not can_manage_settings(request.user, organisation.pk):
        raise Http404
    current = CaseSettings.objects.filter(organisation=organisation).first() or CaseSettings(
        organisation=organisation
    )
    initial = {name: getattr(current, name) for name in forms.CaseSettingsForm.base_fields}
    form = forms.CaseSettingsForm(request.POST or None, initial=initial)
    holiday_form = forms.HolidayForm()
    if request.method == "POST" and "add_holiday" in request.POST:
        form = forms.CaseSettingsForm(initial=initial)
        holiday_form = forms.HolidayForm(request.POST)
        if holiday_form.is_valid():
            try:
                services_work.add_holiday(request.user, organisation, **holiday_form.cleaned_data)
            except ValidationError as error:
                form_errors_from(holiday_form, error)
            else:
                messages.success(request, _("Holiday added."))
                return redirect(f"{request.path}?authority={organisation.pk}")
    elif request.method == "POST" and form.is_valid():
        services_work.save_case_settings(request.user, organisation, **form.cleaned_data)
        messages.success(request, _("Targets saved."))
        return redirect(f"{request.path}?authority={organisation.pk}")
    return render(
        request,
        "cases/settings.html",
        {
            "organisation": organisation,
            "form": form,
            "holiday_form": holiday_form,
            "holidays": Holiday.objects.filter(organisation=organisation),
        },
        status=422 if (form.errors or holiday_form.errors) else 200,
    )


@require_POST
@access.require(is_case_member)
def remove_holiday(request: HttpRequest, holiday_id: int) -> HttpResponse:
    holiday = Holiday.objects.filter(
        pk=holiday_id, organisation_id__in=access.organisation_ids(request.user)
    ).first()
    if holiday is None or not can_manage_settings(request.user, holiday.organisation_id):
        raise Http404
    organisation_id = holiday.organisation_id
    services_work.remove_holiday(request.user, holiday)
    messages.success(request, _("Holiday removed."))
    return redirect(
        f"{request.path.rsplit('/holidays/', 1)[0]}/settings/?authority={organisation_id}"
    )


@require_POST
@access.require(is_case_member)
def dismiss_reminder(request: HttpRequest, reminder_id: int) -> HttpResponse:
    reminder = next((r for r in selectors.reminders_for(request.user) if r.pk == reminder_id), None)
    if reminder is None:
        raise Http404
    reminder.dismissed_at = timezone.now()
    reminder.save(update_fields=["dismissed_at"])
    return redirect("cases:dashboard")
