"""Versions of a record (django-simple-history) and what changed between two of them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from palermo.knowledge.access import can_edit_record, can_moderate
from palermo.knowledge.models import KnowledgeRecord, Status

HIDDEN_FIELDS = {
    "id",
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user",
    "history_user_id",
    "created_at",
    "updated_at",
    "published_at",
    "created_by",
    "created_by_id",
    "attachment",
    "status",
    "review_comment",
    "source_kind",
}


@dataclass
class FieldChange:
    name: str
    label: str
    before: str
    after: str
    html: SafeString


def visible_versions(user: Any, record: KnowledgeRecord) -> list[Any]:
    """Every version for those who may edit or moderate; published versions for everyone else."""
    versions = record.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )  # type: ignore[attr-defined]
    if not (can_moderate(user) or can_edit_record(user, record)):
        versions = versions.filter(status=Status.PUBLISHED)
    return list(versions[:200])


def version_of(user: Any, record: KnowledgeRecord, history_id: int) -> Any | None:
    for version in visible_versions(user, record):
        if version.history_id == history_id:
            return version
    return None


def last_published_version(record: KnowledgeRecord) -> Any | None:
    return (
        record.history.filter(status=Status.PUBLISHED)
        .order_by("-history_date", "-history_id")
        .first()
    )  # type: ignore[attr-defined]


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "\n".join(
            f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
            for k, v in sorted(value.items())
        )
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def word_diff(before: str, after: str) -> SafeString:
    """Words removed in <del>, words added in <ins>; everything escaped."""
    a, b = before.split(" "), after.split(" ")
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))


def changes_between(old: Any, new: Any) -> list[FieldChange]:
    """Field-by-field changes from version (or record) `old` to `new`; `old` may be None."""
    model = type(new.instance) if hasattr(new, "instance") else type(new)
    changes: list[FieldChange] = []
    for model_field in model._meta.concrete_fields:
        name = model_field.attname
        if name in HIDDEN_FIELDS or model_field.name in HIDDEN_FIELDS:
            continue
        before = _as_text(getattr(old, name, None)) if old is not None else ""
        after = _as_text(getattr(new, name, None))
        if before != after:
            changes.append(
                FieldChange(
                    name, str(model_field.verbose_name), before, after, word_diff(before, after)
                )
            )
    return changes
