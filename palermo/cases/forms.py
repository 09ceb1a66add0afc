"""Forms of case tracking. They parse input; the services check it and save it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.cases.models import (
    UN_LANGUAGES,
    Case,
    CaseDocument,
    CaseLink,
    CasePerson,
    Correspondence,
)
from palermo.cases.services import CaseInput, MeasureInput
from palermo.reference.measures import MEASURES, REQUEST_TYPES
from palermo.reference.models import Country, CrimeType

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CountryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.iso3})"


class CaseRegisterForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Direction"), choices=Case.Direction.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    counterpart_state = CountryChoiceField(
        label=_("Counterpart State"),
        queryset=Country.objects.order_by("name"),
        help_text=_(
            "The requesting State for an incoming request, the requested State for an outgoing one."
        ),
        error_messages={"invalid_choice": _("Unknown State: choose one from the list.")},
    )
    counterpart_authority = forms.CharField(
        label=_("Counterpart authority"), max_length=300, required=False
    )
    request_type = forms.ChoiceField(
        label=_("Type of request"), choices=[(t.code, t.label) for t in REQUEST_TYPES]
    )
    measures = forms.MultipleChoiceField(
        label=_("Measures requested"),
        choices=[(m.code, m.label) for m in MEASURES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Case.Channel.choices)
    our_reference = forms.CharField(
        label=_("Our reference"),
        max_length=60,
        required=False,
        help_text=_("Leave empty to number the case automatically."),
    )
    their_reference = forms.CharField(label=_("Their reference"), max_length=100, required=False)
    received_on = forms.DateField(
        label=_("Date received"),
        required=False,
        widget=DATE,
        help_text=_("Incoming requests only."),
    )
    sent_on = forms.DateField(
        label=_("Date sent"),
        required=False,
        widget=DATE,
        help_text=_("Outgoing requests already sent; leave empty for a draft."),
    )
    requesting_deadline = forms.DateField(
        label=_("Deadline of the requesting State"), required=False, widget=DATE
    )
    requesting_deadline_reason = forms.CharField(
        label=_("Reasons given for the deadline"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    offence_summary = forms.CharField(
        label=_("Summary of the offences and facts"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    crime_type: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Main offence type"), required=False, queryset=CrimeType.objects.all()
    )
    correspondence_language = forms.ChoiceField(
        label=_("Language of correspondence"), choices=UN_LANGUAGES, initial="en"
    )
    use_limitation = forms.CharField(
        label=_("Use-limitation conditions (art. 18(19))"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    confidential = forms.BooleanField(label=_("Confidential (art. 18(20))"), required=False)
    document = forms.FileField(label=_("The request (PDF, DOCX, ODT)"), required=False)

    def to_input(self) -> CaseInput:
        data = self.cleaned_data
        deadline = data.get("requesting_deadline")
        return CaseInput(
            direction=data["direction"],
            title=data["title"],
            counterpart_state=data["counterpart_state"],
            our_reference=data["our_reference"],
            their_reference=data["their_reference"],
            request_type=data["request_type"],
            counterpart_authority=data["counterpart_authority"],
            channel=data["channel"],
            received_on=data.get("received_on"),
            sent_on=data.get("sent_on"),
            requesting_deadline=deadline,
            requesting_deadline_reason=data["requesting_deadline_reason"],
            offence_summary=data["offence_summary"],
            crime_type_id=data["crime_type"].pk if data.get("crime_type") else None,
            confidential=data["confidential"],
            use_limitation=data["use_limitation"],
            correspondence_language=data["correspondence_language"],
            measures=[MeasureInput(code) for code in data["measures"]],
        )


class CaseEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=300)
    their_reference = forms.CharField(label=_("Their reference"), max_length=100, required=False)
    counterpart_authority = forms.CharField(
        label=_("Counterpart authority"), max_length=300, required=False
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Case.Channel.choices)
    received_on = forms.DateField(label=_("Date received"), required=False, widget=DATE)
    requesting_deadline = forms.DateField(
        label=_("Deadline of the requesting State"), required=False, widget=DATE
    )
    requesting_deadline_reason = forms.CharField(
        label=_("Reasons given for the deadline"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    offence_summary = forms.CharField(
        label=_("Summary of the offences and facts"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    executing_authority = forms.CharField(
        label=_("Executing authority"), max_length=300, required=False
    )
    use_limitation = forms.CharField(
        label=_("Use-limitation conditions (art. 18(19))"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    correspondence_language = forms.ChoiceField(
        label=_("Language of correspondence"), choices=UN_LANGUAGES
    )

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class TransitionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    code = forms.CharField(widget=forms.HiddenInput)
    occurred_on = forms.DateField(
        label=_("Date"), required=False, widget=DATE, help_text=_("Leave empty for today.")
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    refusal_ground = forms.ChoiceField(
        label=_("Ground of refusal"),
        required=False,
        choices=[("", "—"), *Case.RefusalGround.choices],
    )
    executing_authority = forms.CharField(
        label=_("Executing authority"), required=False, max_length=300
    )


class AssignForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    assigned_to: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Caseworker"), queryset=None, required=False, empty_label=_("nobody (unassigned)")
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = members  # type: ignore[attr-defined]


class ConfidentialityForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    confidential = forms.BooleanField(label=_("Confidential (art. 18(20))"), required=False)
    named_members: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Members who may see it"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["named_members"].queryset = members  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    due_on = forms.DateField(label=_("Due"), required=False, widget=DATE)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CaseDocument.Kind.choices)
    file = forms.FileField(label=_("File (PDF, DOCX, ODT, PNG, JPEG or text)"))


class CorrespondenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Correspondence.Kind.choices)
    occurred_on = forms.DateField(label=_("Date"), widget=DATE)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 2}))


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("This case is"), choices=CaseLink.Kind.choices)
    related_reference = forms.CharField(label=_("Reference of the other case"), max_length=60)


class PersonForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.ChoiceField(label=_("Role"), choices=CasePerson.Role.choices)
    nationality = CountryChoiceField(
        label=_("Nationality"), queryset=Country.objects.order_by("name"), required=False
    )


class OffenceForm(forms.Form):
    description = forms.CharField(label=_("Offence and legal provision"), max_length=500)
    crime_type: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Offence type"), queryset=CrimeType.objects.all(), required=False
    )


class MeasureDeadlineForm(forms.Form):
    measure = forms.IntegerField(widget=forms.HiddenInput)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DATE)
    deadline_reason = forms.CharField(label=_("Reasons"), required=False, max_length=500)


class CaseSettingsForm(forms.Form):
    acknowledge_within = forms.IntegerField(
        min_value=0,
        max_value=365,
        label=_("Register and acknowledge incoming requests within (working days)"),
    )
    completeness_check_within = forms.IntegerField(
        min_value=0, max_value=365, label=_("Complete the completeness check within (working days)")
    )
    execution_within = forms.IntegerField(
        min_value=0, max_value=3650, label=_("Execute incoming requests within (working days)")
    )
    chase_after = forms.IntegerField(
        min_value=0,
        max_value=365,
        label=_("Chase an unanswered outgoing request after (working days)"),
    )
    due_soon_days = forms.IntegerField(
        min_value=0, max_value=90, label=_("A deadline is due soon within (calendar days)")
    )


class HolidayForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DATE)
    name = forms.CharField(label=_("Holiday"), max_length=120)
