"""How knowledge values read on a page: in the reader's language, not as stored codes."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palermo.knowledge.forms import article_label
from palermo.knowledge.models import (
    COOPERATION_KINDS,
    INVESTIGATIVE_TECHNIQUES,
    TREATY_SUBJECTS,
    KnowledgeRecord,
    format_partial_date,
)
from palermo.knowledge.versions import FieldChange, changes_between, word_diff
from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    RegionalGroup,
)

__all__ = ["article_label", "change_reason", "labelled", "readable_changes", "text_lang"]

# What a version's "reason" says when the workflow wrote it rather than a person's comment.
CHANGE_REASONS: dict[str, Any] = {
    "created": gettext_lazy("created"),
    "edited": gettext_lazy("edited"),
    "import": gettext_lazy("imported"),
    "submit": gettext_lazy("submitted for review"),
    "publish": gettext_lazy("published"),
    "return_to_contributor": gettext_lazy("returned to the contributor"),
    "withdraw": gettext_lazy("withdrawn from publication"),
    "verified": gettext_lazy("marked as verified by an editor"),
    "verification removed": gettext_lazy("no longer marked as verified"),
}
CLASSIFICATION_LABELS: dict[str, Any] = {
    "crime_types": gettext_lazy("Crime types"),
    "cross_cutting_issues": gettext_lazy("Cross-cutting issues"),
    "articles": gettext_lazy("Articles"),
}


def labelled(label: Any, values: list[str]) -> str:
    """A label and its values, punctuated as the reader's language does (French: " : ")."""
    return _("%(label)s: %(values)s") % {"label": label, "values": ", ".join(values)}


def text_lang(language: str) -> str:
    """The lang attribute for text written in a record's language ("" when unknown)."""
    if not language or language == "other":
        return ""
    return "zh-Hans" if language == "zh" else language


def change_reason(reason: str | None) -> str:
    """A version's reason: the workflow's step in words, or what the person wrote."""
    if not reason:
        return ""
    return str(CHANGE_REASONS.get(reason, reason))


def _names(model: Any, key: str, values: list[str]) -> list[str]:
    found = {str(getattr(o, key)): o for o in model.objects.filter(**{f"{key}__in": values})}
    return [
        article_label(found[v])
        if model is Article and v in found
        else (found[v].name if v in found else v)
        for v in values
    ]


def _articles(references: list[str]) -> list[str]:
    by_reference = {a.reference: a for a in Article.objects.select_related("instrument")}
    return [article_label(by_reference[r]) if r in by_reference else r for r in references]


def _readable(record: Any, name: str, value: Any) -> str:
    """One stored value as a reader would write it."""
    if value in (None, "", [], {}) or value is False:
        return ""
    if value is True:
        return str(_("yes"))
    if name == "decision_date":
        # Shown with only as much of the date as is known (2021, 2021-02 or 2021-02-14).
        return format_partial_date(value, getattr(record, "decision_date_precision", "day"))
    model = type(record.instance) if hasattr(record, "instance") else type(record)
    field = next((f for f in model._meta.concrete_fields if f.attname == name), None)
    if name in ("country_id", "regional_group_id"):
        related: Any = RegionalGroup if name == "regional_group_id" else Country
        shown = related.objects.filter(pk=value).first()
        return str(shown.name) if shown is not None else str(value)
    if name == "classification" and isinstance(value, dict):
        lines = []
        for key, label in CLASSIFICATION_LABELS.items():
            codes = list(value.get(key) or [])
            if not codes:
                continue
            if key == "articles":
                names = _articles(codes)
            elif key == "crime_types":
                names = _names(CrimeType, "code", codes)
            else:
                names = _names(CrossCuttingIssue, "code", codes)
            lines.append(labelled(label, names))
        return "\n".join(lines)
    if name == "cooperating_states" and isinstance(value, list):
        return ", ".join(_names(Country, "iso3", value))
    labels = {
        "investigative_techniques": dict(INVESTIGATIVE_TECHNIQUES),
        "cooperation_kinds": dict(COOPERATION_KINDS),
        "subjects": dict(TREATY_SUBJECTS),
    }.get(name)
    if labels is not None and isinstance(value, list):
        return ", ".join(str(labels.get(v, v)) for v in value)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def readable_changes(old: Any, new: KnowledgeRecord) -> list[FieldChange]:
    """What changed from `old` (a version, or None) to `new`, with names instead of codes.

    Versions do not keep the attached document's text, so it is compared only for a new record
    (otherwise every comparison would show the whole text as added)."""
    changes = []
    for change in changes_between(old, new):
        if change.name == "full_text" and old is not None and not hasattr(old, "full_text"):
            continue
        if change.name == "decision_date_precision":
            continue  # the decision date above is shown with its precision
        if change.name == "attachment_type":
            continue  # follows from the attached document's name, shown above
        before = _readable(old, change.name, getattr(old, change.name, None)) if old else ""
        after = _readable(new, change.name, getattr(new, change.name, None))
        if before == after:
            continue
        changes.append(
            FieldChange(change.name, change.label, before, after, word_diff(before, after))
        )
    return changes
