"""The wizard's forms, built from the field tables of catalogue.py. Field names flatten the
content's paths with "__" ("proceedings__subject", "offences__0__provisions",
"measures__1__bank"), so a checklist field path maps to one form field.

Forms check the form of what is typed (dates, numbers, lengths, choices); completeness is the
checklist's job, so a step can be saved half-done and resumed later.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from palermo.directory.labels import OFFENCE_LABELS
from palermo.directory.vocabulary import OFFENCES
from palermo.reference.measures import REQUEST_TYPES, measures_for
from palermo.reference.models import Country
from palermo.writer.catalogue import (
    ANNEX_FIELDS,
    CHANNELS,
    LEGAL_BASES,
    LINK_TO_FACTS,
    MEASURE_FIELDS,
    NATURES,
    OFFENCE_FIELDS,
    PERSON_FIELDS,
    FieldSpec,
)
from palermo.writer.labels import FIELD_LABELS, choice_label, field_label, measure_label
from palermo.writer.validation import MAX_LINE, MAX_TEXT

SEP = "__"
LIST_STEPS: dict[str, tuple[FieldSpec, ...]] = {
    "offences": OFFENCE_FIELDS,
    "persons": PERSON_FIELDS,
    "annexes": ANNEX_FIELDS,
}
# Plain steps: (content path, field spec) in the order shown.
PLAIN_STEPS: dict[str, tuple[tuple[str, FieldSpec], ...]] = {
    "proceedings": (
        ("proceedings.subject", FieldSpec("subject", "long")),
        ("proceedings.nature", FieldSpec("nature", "choice", choices=NATURES)),
        ("proceedings.conducting_authority", FieldSpec("conducting_authority")),
        ("proceedings.case_reference", FieldSpec("case_reference")),
    ),
    "facts": (
        ("facts.summary", FieldSpec("summary", "long")),
        ("facts.transnational_nature", FieldSpec("transnational_nature", "long")),
        ("facts.organized_criminal_group", FieldSpec("organized_criminal_group", "long")),
    ),
    "procedures": (
        ("procedures.procedures", FieldSpec("procedures", "long")),
        ("procedures.certification", FieldSpec("certification", "bool")),
        ("procedures.officials_present", FieldSpec("officials_present", "bool")),
        ("procedures.oath", FieldSpec("oath", "bool")),
        ("procedures.reasons", FieldSpec("reasons", "long")),
        ("purpose", FieldSpec("purpose", "long")),
    ),
    "handling": (
        ("confidentiality.requested", FieldSpec("requested", "bool")),
        ("confidentiality.reasons", FieldSpec("reasons", "long")),
        ("urgency.urgent", FieldSpec("urgent", "bool")),
        ("urgency.deadline", FieldSpec("deadline", "date")),
        ("urgency.reasons", FieldSpec("reasons", "long")),
        ("contact.name", FieldSpec("name")),
        ("contact.position", FieldSpec("position")),
        ("contact.email", FieldSpec("email", "email")),
        ("contact.phone", FieldSpec("phone")),
        ("assurances", FieldSpec("assurances", "long")),
    ),
    "authorities": (
        ("title", FieldSpec("title")),
        ("requesting_authority.name", FieldSpec("name")),
        ("requesting_authority.address", FieldSpec("address", "long")),
        ("requested_state", FieldSpec("requested_state", "state")),
        ("requested_authority.name", FieldSpec("name")),
        ("requested_authority.address", FieldSpec("address", "long")),
        ("target_language", FieldSpec("target_language", "language")),
        ("source_language", FieldSpec("source_language", "language")),
        ("channel", FieldSpec("channel", "choice", choices=CHANNELS)),
    ),
    "legal_basis": (
        ("legal_basis.chosen", FieldSpec("chosen", "basis", choices=LEGAL_BASES)),
        ("legal_basis.instrument", FieldSpec("instrument")),
        ("legal_basis.override_reason", FieldSpec("override_reason", "long")),
    ),
}


def name_of(path: str) -> str:
    return path.replace(".", SEP)


def form_field(spec: FieldSpec, label: str) -> forms.Field:
    common: dict[str, Any] = {"label": label, "required": False}
    if spec.kind == "long":
        return forms.CharField(
            max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5}), **common
        )
    if spec.kind == "bool":
        return forms.BooleanField(**common)
    if spec.kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if spec.kind == "number":
        return forms.DecimalField(min_value=0, max_value=10_000, decimal_places=2, **common)
    if spec.kind == "email":
        return forms.EmailField(max_length=254, **common)
    if spec.kind == "choice":
        if spec.name == "crime_type":
            choices = [("", "—")] + [(c, str(OFFENCE_LABELS.get(c, c))) for c in OFFENCES]
        else:
            choices = [("", "—")] + [(c, choice_label(c)) for c in spec.choices]
        return forms.ChoiceField(choices=choices, **common)
    if spec.kind == "basis":
        return forms.ChoiceField(
            choices=[(c, choice_label(c)) for c in spec.choices], widget=forms.RadioSelect, **common
        )
    if spec.kind == "language":
        return forms.ChoiceField(choices=settings.LANGUAGES, **common)
    if spec.kind == "state":
        return forms.ChoiceField(choices=state_choices, **common)
    return forms.CharField(max_length=MAX_LINE, **common)


def state_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(c.iso3, c.name) for c in Country.objects.order_by("name")]


class StepForm(forms.Form):
    """One step of the wizard, with fields for the content it edits."""

    def __init__(self, step: str, content: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.step = step
        self.content = content
        self.groups: list[dict[str, Any]] = []
        if step in PLAIN_STEPS:
            for path, spec in PLAIN_STEPS[step]:
                self.fields[name_of(path)] = form_field(spec, str(FIELD_LABELS[path]))
                self.initial[name_of(path)] = lookup(content, path)
        elif step in LIST_STEPS:
            self._list_fields(step)
        elif step == "measures":
            self._measure_fields()

    def _add_group(
        self,
        prefix: str,
        title: str,
        specs: tuple[FieldSpec, ...],
        values: dict[str, Any],
        removable: bool,
    ) -> None:
        names = []
        for spec in specs:
            name = f"{prefix}{SEP}{spec.name}"
            kind_spec = spec
            if spec.name == "crime_type":
                kind_spec = FieldSpec("crime_type", "choice", choices=OFFENCES)
            self.fields[name] = form_field(kind_spec, field_label(spec.name))
            self.initial[name] = values.get(spec.name, "")
            names.append(name)
        if removable:
            name = f"{prefix}{SEP}remove"
            self.fields[name] = forms.BooleanField(label=_("Remove"), required=False)
            names.append(name)
        self.groups.append({"title": title, "names": names})

    def _list_fields(self, step: str) -> None:
        items = [i for i in self.content.get(step) or [] if isinstance(i, dict)]
        for index, item in enumerate(items):
            self._add_group(f"{step}{SEP}{index}", f"{index + 1}", LIST_STEPS[step], item, True)
        self._add_group(
            f"{step}{SEP}{len(items)}", str(_("Add another")), LIST_STEPS[step], {}, False
        )

    def _measure_fields(self) -> None:
        measures = [m for m in self.content.get("measures") or [] if isinstance(m, dict)]
        for index, measure in enumerate(measures):
            code = str(measure.get("code"))
            prefix = f"measures{SEP}{index}"
            self.fields[f"{prefix}{SEP}code"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=code
            )
            self._add_group(
                prefix,
                measure_label(code),
                (*MEASURE_FIELDS.get(code, ()), LINK_TO_FACTS),
                measure.get("fields") or {},
                True,
            )
        self.fields["add_measure"] = forms.ChoiceField(
            label=_("Add a measure"), required=False, choices=measure_choices()
        )

    def bound_groups(self) -> list[dict[str, Any]]:
        return [
            {"title": g["title"], "fields": [self[name] for name in g["names"]]}
            for g in self.groups
        ]

    def to_content(self) -> dict[str, Any]:
        """The cleaned input as content parts of this step."""
        data = self.cleaned_data
        if self.step in PLAIN_STEPS:
            parts: dict[str, Any] = {}
            for path, _spec in PLAIN_STEPS[self.step]:
                place(parts, self.content, path, stored(data.get(name_of(path))))
            return parts
        if self.step in LIST_STEPS:
            return {self.step: collect(data, self.step, LIST_STEPS[self.step])}
        measures = []
        index = 0
        while f"measures{SEP}{index}{SEP}code" in self.fields:
            prefix = f"measures{SEP}{index}"
            if not data.get(f"{prefix}{SEP}remove"):
                code = data.get(f"{prefix}{SEP}code") or ""
                specs = (*MEASURE_FIELDS.get(code, ()), LINK_TO_FACTS)
                measures.append(
                    {
                        "code": code,
                        "fields": {
                            s.name: stored(data.get(f"{prefix}{SEP}{s.name}")) for s in specs
                        },
                    }
                )
            index += 1
        if data.get("add_measure"):
            measures.append({"code": data["add_measure"], "fields": {}})
        return {"measures": measures}


def measure_choices() -> list[tuple[str, Any]]:
    grouped: list[tuple[str, Any]] = [("", "—")]
    for request_type in REQUEST_TYPES:
        options = [(m.code, measure_label(m.code)) for m in measures_for(request_type.code)]
        if options:
            grouped.append((str(request_type.label), options))
    return grouped


def stored(value: Any) -> Any:
    """Form values as the content keeps them: dates as ISO text, numbers as int or float."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None:
        return ""
    if hasattr(value, "as_integer_ratio") and not isinstance(value, bool | int | float):
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def lookup(content: dict[str, Any], path: str) -> Any:
    value: Any = content
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def place(parts: dict[str, Any], content: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    if len(keys) == 1:
        parts[keys[0]] = value
        return
    top = parts.setdefault(keys[0], dict(content.get(keys[0]) or {}))
    top[keys[1]] = value


def collect(data: dict[str, Any], step: str, specs: tuple[FieldSpec, ...]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    index = 0
    while f"{step}{SEP}{index}{SEP}{specs[0].name}" in data:
        prefix = f"{step}{SEP}{index}{SEP}"
        item = {s.name: stored(data.get(prefix + s.name)) for s in specs}
        empty = all(v in ("", None, False) for v in item.values())
        if not data.get(prefix + "remove") and not empty:
            found.append(item)
        index += 1
    return found


class SignatureForm(forms.Form):
    signature_block = forms.CharField(
        label=_("Signature block"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Name, position and authority of the signatory, one per line."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
