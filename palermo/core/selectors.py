"""Reads for the core app: the audit trail a user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from palermo.accounts import access
from palermo.core.models import AuditEvent


def list_audit_events(user: Any, *, action: str = "", target_type: str = "") -> QuerySet[AuditEvent]:
    """Staff see every event; authority admins see their authorities' events only."""
    events = AuditEvent.objects.select_related("actor", "organisation")
    if not access.is_staff(user):
        events = events.filter(organisation_id__in=access.administered_organisation_ids(user))
    if action:
        events = events.filter(action__startswith=action)
    if target_type:
        events = events.filter(target_type=target_type)
    return events
