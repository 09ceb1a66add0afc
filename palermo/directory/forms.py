"""Forms of the directory: editing an entry, its contacts and guides, and the routing lookup."""

from __future__ import annotations

import json
import zoneinfo
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palermo.directory.labels import (
    CERTIFICATION_LABELS,
    CHANNEL_LABELS,
    COMPETENCE_LABELS,
    DUAL_CRIMINALITY_LABELS,
    OFFENCE_LABELS,
    STAGE_LABELS,
    choices,
    known_language_codes,
)
from palermo.directory.models import Authority
from palermo.directory.services import EDITABLE_FIELDS
from palermo.reference.measures import MEASURES, REQUEST_TYPES
from palermo.reference.models import Country

REQUEST_TYPE_CHOICES = [(t.code, t.label) for t in REQUEST_TYPES]
MEASURE_CHOICES = [(m.code, m.label) for m in MEASURES]
YES_NO_UNKNOWN = [
    ("", gettext_lazy("Not recorded")),
    ("true", gettext_lazy("Yes")),
    ("false", gettext_lazy("No")),
]


def parse_language_codes(text: str) -> list[str]:
    """ "fr, ar ,en" -> ["fr", "ar", "en"]; unknown codes raise a ValidationError naming them."""
    codes = [c.strip().lower() for c in text.replace(";", ",").split(",") if c.strip()]
    unknown = [c for c in codes if c not in known_language_codes()]
    if unknown:
        raise forms.ValidationError(
            _(
                "Unknown language code(s): %(codes)s. Use two-letter ISO 639-1 codes such as "
                "en, fr, ar, zh, ru, es."
            )
            % {"codes": ", ".join(unknown)}
        )
    return list(dict.fromkeys(codes))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ListField(forms.CharField):
    """A list of strings edited as one item per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return _lines(super().to_python(value) or "")


class LanguageListField(forms.CharField):
    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return parse_language_codes(super().to_python(value) or "")


class LocalNamesField(forms.CharField):
    """One name per line, as "language: name"."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(f"{e.get('language', '')}: {e.get('name', '')}" for e in value)
        return value

    def to_python(self, value: Any) -> list[dict[str, str]]:  # type: ignore[override]
        names: list[dict[str, str]] = []
        for number, line in enumerate(_lines(super().to_python(value) or ""), start=1):
            language, sep, name = line.partition(":")
            if not sep or not name.strip():
                raise forms.ValidationError(
                    _(
                        "Line %(number)d: write the language code, a colon, then the name, as in "
                        '"fr: Ministère de la Justice".'
                    )
                    % {"number": number}
                )
            names.append({"language": parse_language_codes(language)[0], "name": name.strip()})
        return names


def _multi(labels: dict[str, Any] | list[tuple[str, Any]], label: Any) -> forms.MultipleChoiceField:
    options = choices(labels) if isinstance(labels, dict) else labels
    return forms.MultipleChoiceField(
        label=label, choices=options, required=False, widget=forms.CheckboxSelectMultiple
    )


def _yes_no(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO_UNKNOWN,
        required=False,
        coerce=lambda v: {"true": True, "false": False}.get(v),
        empty_value=None,
    )


class AuthorityForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    local_names = LocalNamesField(
        label=gettext_lazy("Names in the State's languages"),
        required=False,
        help_text=gettext_lazy('One per line: language code, colon, name ("fr: ...").'),
    )
    competences = _multi(COMPETENCE_LABELS, gettext_lazy("Competences"))
    designations = ListField(
        label=gettext_lazy("Designated under"),
        required=False,
        help_text=gettext_lazy("One provision per line, such as UNTOC art. 18(13)."),
    )
    scope_request_types = _multi(REQUEST_TYPE_CHOICES, gettext_lazy("Types of request handled"))
    scope_measures = _multi(MEASURE_CHOICES, gettext_lazy("Measures handled"))
    scope_offences = _multi(OFFENCE_LABELS, gettext_lazy("Offences handled"))
    scope_stages = _multi(STAGE_LABELS, gettext_lazy("Stages of proceedings handled"))
    phones = ListField(
        label=gettext_lazy("Telephone numbers"),
        required=False,
        help_text=gettext_lazy("One per line, with the country code."),
    )
    emails = ListField(
        label=gettext_lazy("E-mail addresses"),
        required=False,
        help_text=gettext_lazy("One per line."),
    )
    accepted_languages = LanguageListField(
        label=gettext_lazy("Languages accepted for incoming requests"),
        required=False,
        help_text=gettext_lazy("ISO 639-1 codes separated by commas, such as fr, en."),
    )
    channels = _multi(CHANNEL_LABELS, gettext_lazy("Channels accepted"))
    website = forms.URLField(label=gettext_lazy("Website"), required=False, assume_scheme="https")
    certification = forms.ChoiceField(
        label=gettext_lazy("Certification"), choices=choices(CERTIFICATION_LABELS)
    )
    untoc_basis_mla = _yes_no(
        gettext_lazy("Accepts the Convention as a legal basis for mutual legal assistance")
    )
    untoc_basis_extradition = _yes_no(
        gettext_lazy("Accepts the Convention as a legal basis for extradition")
    )
    dual_criminality_policy = forms.ChoiceField(
        label=gettext_lazy("Dual criminality"), choices=choices(DUAL_CRIMINALITY_LABELS)
    )
    dual_criminality_measures = _multi(
        MEASURE_CHOICES, gettext_lazy("Measures for which dual criminality is required")
    )

    class Meta:
        model = Authority
        # The website is declared above (https by default), so the model's field is left out.
        fields = [name for name in EDITABLE_FIELDS if name != "website"]
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "urgent_procedure": forms.Textarea(attrs={"rows": 3}),
            "translation_requirement": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_emails(self) -> list[str]:
        emails: list[str] = self.cleaned_data["emails"]
        for email in emails:
            try:
                validate_email(email)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("%(email)s is not a valid e-mail address.") % {"email": email}
                ) from error
        return emails

    def clean_time_zone(self) -> str:
        zone: str = self.cleaned_data["time_zone"].strip()
        if zone and zone not in zoneinfo.available_timezones():
            raise forms.ValidationError(
                _(
                    "Unknown time zone %(zone)s. Use a name such as Europe/Rome or "
                    "America/Sao_Paulo."
                )
                % {"zone": zone}
            )
        return zone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("dual_criminality_policy") == "listed" and not cleaned.get(
            "dual_criminality_measures"
        ):
            self.add_error(
                "dual_criminality_measures",
                _(
                    "Choose the measures for which dual criminality is required, or pick another "
                    "policy."
                ),
            )
        return cleaned

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


class ContactForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    position = forms.CharField(label=gettext_lazy("Position"), max_length=200, required=False)
    languages = LanguageListField(
        label=gettext_lazy("Languages spoken"),
        required=False,
        help_text=gettext_lazy("ISO 639-1 codes separated by commas."),
    )
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    phone = forms.CharField(label=gettext_lazy("Telephone"), max_length=60, required=False)


# What a national guide or template may be: its extension and the bytes such files start with.
GUIDE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".rtf": (b"{\\rtf",),
}


class GuideForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[("guide", gettext_lazy("guide")), ("template", gettext_lazy("template"))],
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    language = forms.CharField(label=gettext_lazy("Language"), max_length=10, required=False)
    url = forms.URLField(label=gettext_lazy("Link"), required=False, assume_scheme="https")
    file = forms.FileField(
        label=gettext_lazy("File"),
        required=False,
        help_text=gettext_lazy("PDF, DOCX, ODT, DOC or RTF."),
    )

    def clean_language(self) -> str:
        code: str = self.cleaned_data["language"]
        return parse_language_codes(code)[0] if code.strip() else ""

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        suffix = Path(upload.name or "").suffix.lower()
        if suffix not in GUIDE_SIGNATURES:
            raise forms.ValidationError(_("Only PDF, DOCX, ODT, DOC or RTF files are accepted."))
        if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB.") % {"size": settings.MAX_UPLOAD_MB}
            )
        head = upload.read(8)
        upload.seek(0)
        if not head.startswith(GUIDE_SIGNATURES[suffix]):
            raise forms.ValidationError(
                _("The file's content does not match its extension %(suffix)s.")
                % {"suffix": suffix}
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("url") and not cleaned.get("file") and not self.errors:
            raise forms.ValidationError(_("Give a link, attach a file, or both."))
        return cleaned


class RouteForm(forms.Form):
    """The guided lookup: requested State, type of request, measure, then the details."""

    requested_state: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=gettext_lazy("Requested State"),
        queryset=Country.objects.order_by("name"),
        to_field_name="iso3",
    )
    requesting_state: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=gettext_lazy("Requesting State (yours)"),
        queryset=Country.objects.order_by("name"),
        to_field_name="iso3",
    )
    request_type = forms.ChoiceField(
        label=gettext_lazy("Type of request"), choices=REQUEST_TYPE_CHOICES
    )
    measure = forms.ChoiceField(
        label=gettext_lazy("Measure"),
        required=False,
        choices=[("", gettext_lazy("Any or not yet known")), *MEASURE_CHOICES],
        widget=forms.Select(
            attrs={"data-types": json.dumps({m.code: m.request_type for m in MEASURES})}
        ),
    )
    urgent = forms.BooleanField(label=gettext_lazy("Urgent"), required=False)
    stage = forms.ChoiceField(
        label=gettext_lazy("Stage of proceedings"),
        required=False,
        choices=[("", gettext_lazy("Any")), *choices(STAGE_LABELS)],
    )
    offence = forms.ChoiceField(
        label=gettext_lazy("Type of offence"),
        required=False,
        choices=[("", gettext_lazy("Any")), *choices(OFFENCE_LABELS)],
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        from palermo.reference.measures import MEASURES_BY_CODE

        measure = cleaned.get("measure")
        request_type = cleaned.get("request_type")
        if measure and request_type and MEASURES_BY_CODE[measure].request_type != request_type:
            self.add_error(
                "measure", _("This measure does not belong to the chosen type of request.")
            )
        return cleaned
