"""Writing the domain event log. Services call `record_event` inside their transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from palermo.core.models import AuditEvent


def record_event(
    actor: Any,
    action: str,
    target: models.Model | None = None,
    *,
    changes: dict[str, Any] | None = None,
    organisation: Any = None,
) -> AuditEvent:
    """Record that `actor` did `action` to `target`; `changes` maps field to [before, after]."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:300] if target is not None else "",
        organisation=organisation,
        changes=_jsonable(changes or {}),
    )


def diff_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields whose values differ, as {field: [before, after]}."""
    keys = sorted(set(before) | set(after))
    return {
        key: [before.get(key), after.get(key)] for key in keys if before.get(key) != after.get(key)
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
