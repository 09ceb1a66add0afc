"""Forms of the accounts pages. Each keeps what the user typed when it comes back with errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from palermo.accounts.models import Membership, User, VerificationRequest
from palermo.reference.models import Country


def country_field(required: bool, label: Any = None) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"),
        required=required,
        label=label or pgettext_lazy("accounts", "State"),
        empty_label=pgettext_lazy("accounts", "Choose a State"),
    )


class ProfileForm(forms.Form):
    """The person's own details. A plain form: services.update_profile does the writing."""

    full_name = forms.CharField(
        label=pgettext_lazy("accounts", "Full name"), max_length=200, required=False
    )
    position = forms.CharField(
        label=pgettext_lazy("accounts", "Position"),
        max_length=200,
        required=False,
        help_text=_("Your job title, for example “prosecutor” or “head of unit”."),
    )
    country = country_field(required=False, label=pgettext_lazy("accounts", "Country"))
    preferred_language = forms.ChoiceField(
        label=pgettext_lazy("accounts", "Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("Palermo opens in this language after you sign in, and writes to you in it."),
    )

    @classmethod
    def initial_for(cls, user: User) -> dict[str, Any]:
        return {
            "full_name": user.full_name,
            "position": user.position,
            "country": user.country_id,
            "preferred_language": user.preferred_language,
        }


class VerificationRequestForm(forms.ModelForm):
    country = country_field(required=True)

    class Meta:
        model = VerificationRequest
        fields = ["organisation_name", "position", "country", "reason"]
        labels = {
            "organisation_name": _("Organisation you work for"),
            "position": _("Your position"),
            "reason": _("Why you need access"),
        }
        help_texts = {
            "country": _("An administrator of a central authority of this State will decide."),
            "reason": _(
                "Say what your work involves and which information you need. Administrators "
                "decide on what you write here."
            ),
        }
        widgets = {"reason": forms.Textarea(attrs={"rows": 5})}


class VerificationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=pgettext_lazy("accounts", "Decision"),
        choices=[
            ("approve", pgettext_lazy("accounts", "Approve")),
            ("reject", pgettext_lazy("accounts", "Reject")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason for the decision"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The person asking will read this in the e-mail that tells them."),
    )


class AddMemberForm(forms.Form):
    email = forms.EmailField(
        label=pgettext_lazy("accounts", "E-mail address of the person"),
        help_text=_("The person must already have a Palermo account with this address."),
    )
    role = forms.ChoiceField(
        label=pgettext_lazy("accounts", "Role"), choices=Membership.Role.choices
    )


class ChangeRoleForm(forms.Form):
    role = forms.ChoiceField(
        label=pgettext_lazy("accounts", "New role"), choices=Membership.Role.choices
    )


class GrantFocalPointForm(forms.Form):
    email = forms.EmailField(label=pgettext_lazy("accounts", "E-mail address of the person"))
    country = country_field(required=True)


class GrantEditorForm(forms.Form):
    email = forms.EmailField(label=pgettext_lazy("accounts", "E-mail address of the person"))


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        help_text=_("Say where it will be used, for example “statistics export script”."),
    )


class AuditFilterForm(forms.Form):
    action = forms.CharField(
        label=pgettext_lazy("accounts", "Action starts with"), max_length=80, required=False
    )
    record_type = forms.ChoiceField(label=pgettext_lazy("accounts", "Record type"), required=False)
    who = forms.CharField(
        label=pgettext_lazy("accounts", "Who"),
        max_length=200,
        required=False,
        help_text=_("Part of a name or e-mail address."),
    )
    date_from = forms.DateField(
        label=pgettext_lazy("accounts", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=pgettext_lazy("accounts", "To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, record_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        record_type = self.fields["record_type"]
        assert isinstance(record_type, forms.ChoiceField)
        record_type.choices = [("", pgettext_lazy("accounts", "Any type")), *record_types]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned
