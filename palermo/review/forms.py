"""Forms of the review app. Services do the checking that needs the database."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from palermo.reference.models import Country
from palermo.review.models import Answer, Observation, ReviewGroup, ReviewRole


def parse_references(text: str) -> list[dict[str, str]]:
    """One reference per line: kind:number for a knowledge-base record, or a link."""
    references: list[dict[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(("https://", "http://", "/")):
            references.append({"url": line})
            continue
        kind, _sep, number = line.partition(":")
        if not number.strip().isdigit():
            raise ValidationError(
                _("Line “%(line)s”: write kind:number (for example legislation:12) or a link.")
                % {"line": line[:80]}
            )
        references.append({"kind": kind.strip().lower(), "id": number.strip()})
    return references


def format_references(references: list[dict[str, str]]) -> str:
    return "\n".join(r["url"] if "url" in r else f"{r['kind']}:{r['id']}" for r in references)


class AnswerForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Answer"), choices=Answer.Response.choices, widget=forms.RadioSelect
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea,
        required=False,
        help_text=_("How the law and practice of your State meet the requirement."),
    )
    examples = forms.CharField(
        label=_("Examples of implementation"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Cases, statistics or other evidence that the measure works in practice."),
    )
    assistance_needed = forms.CharField(
        label=_("Technical-assistance needs"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Leave empty if your State needs no assistance on this point."),
    )
    references = forms.CharField(
        label=_("References to the knowledge base"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One per line: legislation:12, caselaw:7, or a link to the record."),
    )

    def clean_references(self) -> list[dict[str, str]]:
        return parse_references(self.cleaned_data["references"])


class CommentForm(forms.Form):
    question = forms.IntegerField(widget=forms.HiddenInput, required=False)
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class ObservationForm(forms.Form):
    question = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("Kind of observation"), choices=Observation.Kind.choices)
    text = forms.CharField(label=_("Observation"), widget=forms.Textarea(attrs={"rows": 4}))


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply of the State under review"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ConsolidationForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    included = forms.MultipleChoiceField(
        label=_("Observations on the list"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args: Any, observations: list[Observation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["included"].choices = [  # type: ignore[attr-defined]
            (str(o.pk), f"{o.get_kind_display()}: {o.text[:120]}") for o in observations
        ]


class DrawForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Review group"), queryset=ReviewGroup.objects.none())
    instrument = forms.ChoiceField(label=_("Instrument"))
    seed = forms.IntegerField(
        label=_("Seed (optional)"),
        required=False,
        min_value=0,
        max_value=2**63 - 1,
        help_text=_(
            "Leave empty for a random seed. Either way the seed is recorded, "
            "so the draw can be repeated."
        ),
    )

    def __init__(self, *args: Any, cycle: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = cycle.groups.all()  # type: ignore[attr-defined]
        self.fields["instrument"].choices = [  # type: ignore[attr-defined]
            (str(i.pk), i.short_name) for i in cycle.instruments.all()
        ]


class RedrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why does your State ask for a redraw?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RoleForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[c for c in ReviewRole.Role.choices if c[0] != ReviewRole.Role.SECRETARIAT],
    )
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Acting for"), queryset=Country.objects.none()
    )

    def __init__(self, *args: Any, countries: list[Country], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.filter(pk__in=[c.pk for c in countries])  # type: ignore[attr-defined]


class QuestionForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999)
    articles = forms.CharField(label=_("Articles"), required=False, max_length=100)
    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    guidance = forms.CharField(
        label=_("Guidance"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
