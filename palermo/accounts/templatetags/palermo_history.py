"""`{% history_rows %}`: a django-simple-history queryset as rows a person can read.

Used by accounts/history_table.html, which other apps include to show a record's history:
who changed it, when, and which fields changed from what to what. Queries are bounded: one
for the history itself (select_related("history_user") on it is the caller's job, or done
here), one per related model for the names of linked records, and at most one per record for
the state just before the oldest change shown.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()

HIDDEN_FIELDS = {"password", "last_login", "token_hash"}


@dataclass
class FieldChange:
    name: str
    before: str
    after: str


@dataclass
class HistoryRow:
    when: dt.datetime
    who: str
    kind: str
    record: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)


@register.simple_tag
def history_rows(history: Any, limit: int = 100) -> dict[str, Any]:
    """{"rows": [HistoryRow, ...], "truncated": bool} for the newest `limit` records."""
    if isinstance(history, models.QuerySet):
        history = history.select_related("history_user")
    records = list(history[: limit + 1])
    truncated = len(records) > limit
    records = records[:limit]
    if not records:
        return {"rows": [], "truncated": False}
    fields = _shown_fields(records[0])
    previous = _previous_records(records)
    related = _related_objects(records + list(previous.values()), fields)
    rows = []
    for record in records:
        changes = _changes(previous.get(record.history_id), record, fields, related)
        if record.history_type == "~" and not changes and not record.history_change_reason:
            continue  # only hidden fields (a password, a last sign-in) changed
        rows.append(
            HistoryRow(
                when=record.history_date,
                who=_person(record.history_user),
                kind=_kind(record.history_type),
                record=_record_label(record, fields, related),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return {"rows": rows, "truncated": truncated}


def _shown_fields(record: Any) -> list[models.Field[Any, Any]]:
    return [
        f
        for f in record.tracked_fields
        if f.editable and not f.primary_key and f.name not in HIDDEN_FIELDS
    ]


def _previous_records(records: list[Any]) -> dict[int, Any]:
    """For each record, the one before it of the same object (history_id → record)."""
    previous: dict[int, Any] = {}
    oldest_seen: dict[Any, Any] = {}
    for record in records:  # newest first
        object_id = record.id
        newer = oldest_seen.get(object_id)
        if newer is not None:
            previous[newer.history_id] = record
        oldest_seen[object_id] = record
    for record in oldest_seen.values():
        if record.history_type != "+":
            before = record.prev_record
            if before is not None:
                previous[record.history_id] = before
    return previous


def _related_objects(
    records: list[Any], fields: list[models.Field[Any, Any]]
) -> dict[tuple[type[models.Model], Any], models.Model]:
    wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
    for f in fields:
        if isinstance(f, models.ForeignKey):
            for record in records:
                value = getattr(record, f.attname)
                if value is not None:
                    wanted[f.related_model].add(value)  # type: ignore[index]
    found: dict[tuple[type[models.Model], Any], models.Model] = {}
    for model, ids in wanted.items():
        for pk, obj in model._base_manager.in_bulk(list(ids)).items():
            found[(model, pk)] = obj
    return found


def _display(
    f: models.Field[Any, Any],
    value: Any,
    related: dict[tuple[type[models.Model], Any], models.Model],
) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(f, models.ForeignKey):
        obj = related.get((f.related_model, value))  # type: ignore[arg-type]
        return str(obj) if obj is not None else _("#%(id)s (deleted)") % {"id": value}
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return pgettext("accounts", "yes") if value else pgettext("accounts", "no")
    if isinstance(value, dt.datetime | dt.date):
        return formats.localize(value)
    return str(value)


def _changes(
    before: Any,
    after: Any,
    fields: list[models.Field[Any, Any]],
    related: dict[tuple[type[models.Model], Any], models.Model],
) -> list[FieldChange]:
    if after.history_type == "-":
        return []
    changes = []
    for f in fields:
        new = getattr(after, f.attname)
        old = getattr(before, f.attname) if before is not None else None
        if before is None and (new is None or new == ""):
            continue
        if before is not None and old == new:
            continue
        changes.append(
            FieldChange(
                name=str(f.verbose_name),
                before=_display(f, old, related) if before is not None else "",
                after=_display(f, new, related),
            )
        )
    return changes


def _record_label(
    record: Any,
    fields: list[models.Field[Any, Any]],
    related: dict[tuple[type[models.Model], Any], models.Model],
) -> str:
    instance = record.history_object
    for f in fields:
        if isinstance(f, models.ForeignKey):
            obj = related.get((f.related_model, getattr(record, f.attname)))  # type: ignore[arg-type]
            if obj is not None:
                f.set_cached_value(instance, obj)
    try:
        return str(instance)
    except ObjectDoesNotExist:
        return f"{record.instance_type._meta.verbose_name} #{record.id}"


def _person(user: Any) -> str:
    if user is None:
        return pgettext("accounts", "not recorded")
    return str(getattr(user, "display_name", user))


def _kind(history_type: str) -> str:
    return {
        "+": pgettext("history", "added"),
        "~": pgettext("history", "changed"),
        "-": pgettext("history", "deleted"),
    }.get(history_type, history_type)
