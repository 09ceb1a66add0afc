"""Forms for contributing records; a form that fails keeps everything the user typed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.forms import inlineformset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from palermo.accounts import access as roles
from palermo.knowledge.attachments import ACCEPTED_SUFFIXES, validate_attachment
from palermo.knowledge.models import (
    COOPERATION_KINDS,
    INVESTIGATIVE_TECHNIQUES,
    TREATY_SUBJECTS,
    CaseLaw,
    CaseParty,
    KnowledgeRecord,
    Legislation,
    Provision,
    Publication,
    Strategy,
    Treaty,
    format_partial_date,
    parse_partial_date,
)
from palermo.knowledge.services import Terms
from palermo.reference.models import Article, Country
from palermo.reference.selectors import sort_by_name

COMMON_FIELDS = ["title", "country", "language", "summary", "source_url", "source"]
TERM_FIELDS = ["crime_types", "cross_cutting_issues", "articles"]
MULTIPLE_HINT = _("Hold Ctrl (⌘ on a Mac) and click to choose several.")


def article_label(article: Article) -> str:
    """The name of an article, such as "UNTOC art. 18", in the reader's language."""
    return gettext("%(instrument)s art. %(number)s") % {
        "instrument": article.instrument.short_name,
        "number": article.number,
    }


def _states_by_name(field: Any) -> None:
    """List a State field's options by name as readers of the active language sort them (the
    database would put "Émirats" after "Zimbabwe"); the field still validates against its
    queryset."""
    options: list[tuple[Any, str]] = [(c.pk, c.name) for c in sort_by_name(field.queryset)]
    if not isinstance(field, forms.ModelMultipleChoiceField) and field.empty_label is not None:
        options.insert(0, ("", field.empty_label))
    field.widget.choices = options


def _formfield(model_field: Any, **kwargs: Any) -> Any:
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class RecordForm(forms.ModelForm):
    """Fields every record shares; the State list is limited to what the user may edit."""

    formfield_callback = _formfield

    attachment_file = forms.FileField(
        label=_("Attach the document"),
        required=False,
        help_text=_("PDF, DOCX, HTML or text. Its text is extracted and made searchable."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_SUFFIXES)}),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.attachment_text: str | None = None
        if "country" in self.fields:
            countries = Country.objects.order_by("name")
            if not roles.is_editor(user):
                countries = countries.filter(pk__in=roles.focal_point_country_ids(user))
                self.fields["country"].required = True
            self.fields["country"].queryset = countries  # type: ignore[attr-defined]
            own = list(countries[:2]) if not roles.is_editor(user) else []
            if len(own) == 1 and not self.instance.country_id and not self.is_bound:
                # A focal point of one State has nothing to choose.
                self.initial["country"] = own[0].pk
            _states_by_name(self.fields["country"])
        for name in ("cooperating_states", "party_states"):
            if name in self.fields:
                self.fields[name].help_text = MULTIPLE_HINT
                _states_by_name(self.fields[name])
        # A widget swapped in after the field was built has no options of its own: the
        # queryset is assigned again below so its options reach the new widget.
        for name in TERM_FIELDS:
            if name in self.fields:
                self.fields[name].widget = forms.CheckboxSelectMultiple()
                self.fields[name].required = False
        if "articles" in self.fields:
            self.fields["articles"].widget = forms.SelectMultiple(attrs={"size": 8})
            self.fields["articles"].help_text = MULTIPLE_HINT
        for name in TERM_FIELDS:
            if name in self.fields:
                field = self.fields[name]
                queryset = (
                    Article.objects.select_related("instrument")
                    if name == "articles"
                    else field.queryset  # type: ignore[attr-defined]
                )
                field.queryset = queryset  # type: ignore[attr-defined]
        if "articles" in self.fields:
            self.fields["articles"].label_from_instance = article_label  # type: ignore[attr-defined]
            self.fields["articles"].widget.choices = self.fields["articles"].choices  # type: ignore[attr-defined]

    def clean_attachment_file(self) -> Any:
        upload = self.cleaned_data.get("attachment_file")
        if upload:
            self.attachment_text = validate_attachment(upload)
        return upload

    def terms(self) -> Terms:
        return Terms(
            list(self.cleaned_data.get("crime_types") or []),
            list(self.cleaned_data.get("cross_cutting_issues") or []),
            list(self.cleaned_data.get("articles") or []),
        )

    def save_attachment(self, record: KnowledgeRecord) -> None:
        upload = self.cleaned_data.get("attachment_file")
        if upload:
            record.attachment = upload


class CaseLawForm(RecordForm):
    decision_date_text = forms.CharField(
        label=_("Decision date"),
        required=False,
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD: give only what is known."),
    )
    investigative_techniques = forms.MultipleChoiceField(
        label=_("Investigative techniques used"),
        choices=INVESTIGATIVE_TECHNIQUES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cooperation_kinds = forms.MultipleChoiceField(
        label=_("International cooperation involved"),
        choices=COOPERATION_KINDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cooperating_states: forms.ModelMultipleChoiceField[Country] = forms.ModelMultipleChoiceField(
        label=_("States that cooperated"),
        queryset=Country.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = CaseLaw
        formfield_callback = _formfield
        fields = [
            *COMMON_FIELDS[:2],
            "court",
            "court_level",
            "case_number",
            "legal_system",
            *COMMON_FIELDS[2:3],
            "summary",
            "procedural_history",
            "commentary",
            "investigative_techniques",
            "cooperation_kinds",
            *TERM_FIELDS,
            "source_url",
            "source",
        ]
        labels = {"title": _("Case name"), "summary": _("Summary of the facts")}

    # The decision date and the cooperating States are declared on the form; without an order
    # they would come after everything else, far from the court and the cooperation involved.
    field_order = [
        *COMMON_FIELDS[:2],
        "court",
        "court_level",
        "decision_date_text",
        "case_number",
        "legal_system",
        *COMMON_FIELDS[2:3],
        "summary",
        "procedural_history",
        "commentary",
        "investigative_techniques",
        "cooperation_kinds",
        "cooperating_states",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["decision_date_text"] = format_partial_date(
                self.instance.decision_date, self.instance.decision_date_precision
            )
            self.initial["cooperating_states"] = list(
                Country.objects.filter(iso3__in=self.instance.cooperating_states)
            )

    def clean_decision_date_text(self) -> str:
        text = (self.cleaned_data.get("decision_date_text") or "").strip()
        if text:
            parse_partial_date(text)
        return text

    def save(self, commit: bool = True) -> CaseLaw:
        case: CaseLaw = super().save(commit=False)
        text = self.cleaned_data.get("decision_date_text")
        if text:
            case.decision_date, case.decision_date_precision = parse_partial_date(text)
        else:
            case.decision_date = None
        case.cooperating_states = sorted(c.iso3 for c in self.cleaned_data["cooperating_states"])
        self.save_attachment(case)
        return case


class LegislationForm(RecordForm):
    class Meta:
        model = Legislation
        formfield_callback = _formfield
        fields = [
            *COMMON_FIELDS[:3],
            "kind",
            "adopted_on",
            "in_force_on",
            "amended_on",
            "official_url",
            "summary",
            *TERM_FIELDS,
            "source_url",
            "source",
        ]
        widgets = {
            name: forms.DateInput(attrs={"type": "date"})
            for name in ("adopted_on", "in_force_on", "amended_on")
        }

    def save(self, commit: bool = True) -> Legislation:
        law: Legislation = super().save(commit=False)
        self.save_attachment(law)
        return law


class TreatyForm(RecordForm):
    subjects = forms.MultipleChoiceField(
        label=_("Subjects"), choices=TREATY_SUBJECTS, widget=forms.CheckboxSelectMultiple
    )
    party_states: forms.ModelMultipleChoiceField[Country] = forms.ModelMultipleChoiceField(
        label=_("Parties"),
        queryset=Country.objects.order_by("name"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Treaty
        formfield_callback = _formfield
        fields = [
            "title",
            "kind",
            "language",
            "signed_on",
            "in_force_on",
            "terminated_on",
            "summary",
            *TERM_FIELDS,
            "source_url",
            "source",
        ]
        widgets = {
            name: forms.DateInput(attrs={"type": "date"})
            for name in ("signed_on", "in_force_on", "terminated_on")
        }

    field_order = ["title", "kind", "party_states", "subjects", "language"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.user = user
        if self.instance.pk and not self.is_bound:
            self.initial["party_states"] = list(self.instance.parties.all())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        parties = list(data.get("party_states") or [])
        if len(parties) < 2:
            self.add_error("party_states", _("A treaty has at least two parties."))
        elif not roles.is_editor(self.user) and not any(
            roles.is_focal_point_for(self.user, p.pk) for p in parties
        ):
            self.add_error("party_states", _("Your State must be one of the parties."))
        if data.get("kind") == "bilateral" and len(parties) > 2:
            self.add_error("party_states", _("A bilateral treaty has exactly two parties."))
        signed, in_force = data.get("signed_on"), data.get("in_force_on")
        if signed and in_force and in_force < signed:
            self.add_error(
                "in_force_on", _("A treaty cannot enter into force before it is signed.")
            )
        return data

    def save(self, commit: bool = True) -> Treaty:
        treaty: Treaty = super().save(commit=False)
        parties = list(self.cleaned_data["party_states"])
        # A treaty belongs to the contributor's State when they are a focal point of a party.
        mine = [p for p in parties if roles.is_focal_point_for(self.user, p.pk)]
        treaty.country = treaty.country or (mine[0] if mine else None)
        self.save_attachment(treaty)
        return treaty


class StrategyForm(RecordForm):
    class Meta:
        model = Strategy
        formfield_callback = _formfield
        fields = [
            *COMMON_FIELDS[:3],
            "scope",
            "regional_group",
            "issuing_body",
            "adopted_on",
            "period_start",
            "period_end",
            "summary",
            *TERM_FIELDS,
            "source_url",
            "source",
        ]
        widgets = {"adopted_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data

    def save(self, commit: bool = True) -> Strategy:
        strategy: Strategy = super().save(commit=False)
        self.save_attachment(strategy)
        return strategy


class PublicationForm(RecordForm):
    keywords_text = forms.CharField(
        label=_("Keywords"), required=False, help_text=_("Separate keywords with commas.")
    )

    class Meta:
        model = Publication
        formfield_callback = _formfield
        fields = [
            "title",
            "authors",
            "year",
            "publisher",
            "publication_kind",
            "country",
            "language",
            "summary",
            *TERM_FIELDS,
            "source_url",
            "source",
        ]
        labels = {"summary": _("Abstract")}

    field_order = ["title", "authors", "year", "publisher", "publication_kind", "keywords_text"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["keywords_text"] = ", ".join(self.instance.keywords)

    def save(self, commit: bool = True) -> Publication:
        publication: Publication = super().save(commit=False)
        text = self.cleaned_data.get("keywords_text") or ""
        publication.keywords = [k.strip() for k in text.split(",") if k.strip()]
        self.save_attachment(publication)
        return publication


class PartyForm(forms.ModelForm):
    class Meta:
        model = CaseParty
        fields = ["kind", "name", "is_protected", "nationality", "role", "outcome", "sentence"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _states_by_name(self.fields["nationality"])


class ProvisionForm(forms.ModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        articles = self.fields["articles"]
        articles.label_from_instance = article_label  # type: ignore[attr-defined]
        articles.queryset = Article.objects.select_related("instrument")  # type: ignore[attr-defined]

    class Meta:
        model = Provision
        fields = ["reference", "heading", "text", "articles", "crime_types", "cross_cutting_issues"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "articles": forms.SelectMultiple(attrs={"size": 5}),
            "crime_types": forms.SelectMultiple(attrs={"size": 5}),
            "cross_cutting_issues": forms.SelectMultiple(attrs={"size": 5}),
        }
        help_texts = {
            "articles": MULTIPLE_HINT,
            "crime_types": MULTIPLE_HINT,
            "cross_cutting_issues": MULTIPLE_HINT,
        }


PartyFormSet = inlineformset_factory(CaseLaw, CaseParty, form=PartyForm, extra=2, can_delete=True)
ProvisionFormSet = inlineformset_factory(
    Legislation, Provision, form=ProvisionForm, extra=2, can_delete=True
)

FORMS: dict[str, type[RecordForm]] = {
    "caselaw": CaseLawForm,
    "legislation": LegislationForm,
    "treaty": TreatyForm,
    "strategy": StrategyForm,
    "bibliography": PublicationForm,
}
CHILD_FORMSETS: dict[str, Any] = {"caselaw": PartyFormSet, "legislation": ProvisionFormSet}


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
