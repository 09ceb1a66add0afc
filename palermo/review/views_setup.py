"""Setting up a cycle: staff open it with its phases; its secretariat places States in review
groups (one review per State and instrument) before drawing lots."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from palermo.accounts.access import is_staff, require
from palermo.reference.models import Country, Instrument, Participation
from palermo.review import access, services
from palermo.review.models import Cluster
from palermo.review.views import _cycle_context, apply_errors, signed_in

REVIEWED_INSTRUMENTS = ("untoc", "tip", "som", "firearms")


class CycleForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    starts_on = forms.DateField(
        label=gettext_lazy("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=gettext_lazy("Ends on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    instruments: forms.ModelMultipleChoiceField[Instrument] = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Instruments reviewed"),
        queryset=Instrument.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instruments"].queryset = Instrument.objects.filter(  # type: ignore[attr-defined]
            code__in=REVIEWED_INSTRUMENTS
        )
        for cluster in Cluster.objects.all():
            self.fields[f"phase_{cluster.number}_starts"] = forms.DateField(
                label=_("Cluster %(number)d starts on") % {"number": cluster.number},
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            self.fields[f"phase_{cluster.number}_ends"] = forms.DateField(
                label=_("Cluster %(number)d ends on") % {"number": cluster.number},
                widget=forms.DateInput(attrs={"type": "date"}),
            )

    def phases(self) -> list[tuple[Cluster, Any, Any]]:
        data = self.cleaned_data
        return [
            (c, data[f"phase_{c.number}_starts"], data[f"phase_{c.number}_ends"])
            for c in Cluster.objects.all()
        ]


class PlaceForm(forms.Form):
    group_name = forms.CharField(label=gettext_lazy("Review group"), max_length=100)
    states: forms.ModelMultipleChoiceField[Country] = forms.ModelMultipleChoiceField(
        label=gettext_lazy("States under review"),
        queryset=Country.objects.none(),
        help_text=gettext_lazy(
            "Only States recorded as parties to an instrument of the cycle are listed."
        ),
    )
    instruments: forms.ModelMultipleChoiceField[Instrument] = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Instruments"),
        queryset=Instrument.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, cycle: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instruments = cycle.instruments.all()
        parties = Participation.objects.filter(
            instrument__in=instruments, consent_date__isnull=False
        ).values("country_id")
        self.fields["states"].queryset = Country.objects.filter(  # type: ignore[attr-defined]
            pk__in=parties, regional_group__isnull=False
        ).order_by("name")
        self.fields["instruments"].queryset = instruments  # type: ignore[attr-defined]


@require(is_staff)
def cycle_create(request: HttpRequest) -> HttpResponse:
    """Staff open a cycle and become its first secretariat member."""
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.create_cycle(
                request.user,
                form.cleaned_data["name"],
                form.cleaned_data["starts_on"],
                form.cleaned_data["ends_on"],
                list(form.cleaned_data["instruments"]),
                form.phases(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Cycle opened. You are its secretariat."))
            return redirect("review:cycle", cycle_id=cycle.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "review/cycle_form.html", {"form": form}, status=status)


@signed_in
@require_POST
def cycle_place(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """The cycle's secretariat places States in a review group."""
    cycle = access.access_managed_cycle_by_id(request.user, cycle_id)
    form = PlaceForm(request.POST, cycle=cycle)
    if form.is_valid():
        try:
            group, reviews = services.place_states_in_group(
                request.user,
                cycle,
                form.cleaned_data["group_name"],
                list(form.cleaned_data["states"]),
                list(form.cleaned_data["instruments"]),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(count)d reviews opened in %(group)s.")
                % {"count": len(reviews), "group": group.name},
            )
            return redirect("review:cycle", cycle_id=cycle.pk)
    context = _cycle_context(request, cycle)
    context["place_form"] = form
    return render(request, "review/cycle.html", context, status=400)
