"""Who may see and change knowledge records: the only way views and endpoints fetch them.

The public sees published records. A draft, submitted or returned record is visible to its
contributor, to focal points of its State and to editors; everyone else gets "not found".
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from palermo.accounts import access as roles
from palermo.knowledge.models import RECORD_MODELS, KnowledgeRecord, Status


def can_moderate(user: Any) -> bool:
    """Editors (and staff) publish, return and withdraw records."""
    return roles.is_editor(user)


def can_contribute(user: Any) -> bool:
    """Focal points (of any State) and editors may start records."""
    return roles.is_editor(user) or bool(roles.focal_point_country_ids(user))


def can_edit_record(user: Any, record: KnowledgeRecord) -> bool:
    """Editors edit any record; focal points edit their own State's records."""
    if roles.is_editor(user):
        return True
    if record.country_id is None:
        return record.created_by_id is not None and record.created_by_id == getattr(
            user, "pk", None
        )
    return roles.is_focal_point_for(user, record.country_id)


def can_view_record(user: Any, record: KnowledgeRecord) -> bool:
    if record.status == Status.PUBLISHED:
        return True
    if not roles.is_signed_in(user):
        return False
    return can_edit_record(user, record) or record.created_by_id == user.pk


def record_model(kind: str) -> type[KnowledgeRecord]:
    model = RECORD_MODELS.get(kind)
    if model is None:
        raise Http404
    return model


def access_record(user: Any, kind: str, record_id: int | str) -> KnowledgeRecord:
    """The record if it exists and the user may see it; otherwise Http404."""
    model = record_model(kind)
    try:
        record = model.objects.select_related("country").filter(pk=int(record_id)).first()
    except (TypeError, ValueError):
        record = None
    if record is None or not can_view_record(user, record):
        raise Http404
    return record


def access_record_for_edit(user: Any, kind: str, record_id: int | str) -> KnowledgeRecord:
    """The record if the user may edit it; 404 when they may not even see it."""
    record = access_record(user, kind, record_id)
    if not can_edit_record(user, record):
        raise Http404
    return record


def access_attachment(user: Any, kind: str, record_id: int | str) -> KnowledgeRecord:
    """The record whose attached document the user may download: the record page's own rule
    (published for everyone; drafts for the contributor, their State's focal points and
    editors). Http404 when the record has no document or the user may not see the record."""
    record = access_record(user, kind, record_id)
    if not record.attachment:
        raise Http404
    return record
