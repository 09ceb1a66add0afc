"""Writes to the directory. Each takes the acting user first, runs in a transaction, keeps the
record's history and writes the domain event log.

Editing uses optimistic locking: the form carries the version it was read at, and a save on an
older version raises EditConflict with the other person's change instead of overwriting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from palermo.core.audit import diff_fields, record_event
from palermo.directory.access import can_edit_authority
from palermo.directory.models import Authority, ContactPerson, NationalGuide
from palermo.reference.models import Country

# Fields people edit through the form or the import (everything but links and bookkeeping).
EDITABLE_FIELDS: tuple[str, ...] = (
    "name",
    "local_names",
    "transliteration",
    "competences",
    "designations",
    "scope_request_types",
    "scope_measures",
    "scope_offences",
    "scope_stages",
    "scope_region",
    "postal_address",
    "phones",
    "emails",
    "fax",
    "website",
    "office_hours",
    "time_zone",
    "accepted_languages",
    "channels",
    "advance_copy_by_email",
    "urgent_procedure",
    "requires_original",
    "requires_signature",
    "requires_seal",
    "certification",
    "translation_requirement",
    "untoc_basis_mla",
    "untoc_basis_extradition",
    "dual_criminality_policy",
    "dual_criminality_measures",
    "processing_time",
    "notes",
)


@dataclass
class EditConflict(Exception):
    """Someone else saved the entry since the form was opened."""

    current: Authority
    their_changes: dict[str, list[Any]]
    changed_by: Any
    changed_at: datetime | None


def snapshot(authority: Authority) -> dict[str, Any]:
    return {name: getattr(authority, name) for name in EDITABLE_FIELDS}


def local_names_text(local_names: list[dict[str, str]]) -> str:
    return " ".join(str(entry.get("name", "")) for entry in local_names if isinstance(entry, dict))


def _require_edit(user: Any, authority: Authority) -> None:
    if not can_edit_authority(user, authority):
        raise PermissionDenied


def _apply(authority: Authority, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name in EDITABLE_FIELDS:
            setattr(authority, name, value)
    authority.local_names_text = local_names_text(authority.local_names)


@transaction.atomic
def create_authority(user: Any, country: Country, values: dict[str, Any]) -> Authority:
    authority = Authority(country=country)
    _require_edit(user, authority)
    _apply(authority, values)
    authority.last_verified_at = timezone.now()
    authority.last_verified_by = user
    authority._history_user = user  # type: ignore[attr-defined]
    authority.save()
    record_event(
        user, "directory.authority.created", authority, changes=diff_fields({}, snapshot(authority))
    )
    return authority


@transaction.atomic
def update_authority(
    user: Any, authority: Authority, values: dict[str, Any], expected_version: int
) -> Authority:
    """Save the user's values on top of `expected_version`; saving counts as verifying."""
    current = Authority.objects.select_for_update().get(pk=authority.pk)
    _require_edit(user, current)
    if current.version != expected_version:
        raise _conflict(current, expected_version)
    before = snapshot(current)
    _apply(current, values)
    current.version += 1
    current.last_verified_at = timezone.now()
    current.last_verified_by = user
    current._history_user = user  # type: ignore[attr-defined]
    current.save()
    record_event(
        user, "directory.authority.updated", current, changes=diff_fields(before, snapshot(current))
    )
    return current


def _conflict(current: Authority, expected_version: int) -> EditConflict:
    base = current.history.filter(version=expected_version).order_by("-history_date").first()
    latest = current.history.order_by("-history_date").first()
    before = {name: getattr(base, name) for name in EDITABLE_FIELDS} if base else {}
    return EditConflict(
        current=current,
        their_changes=diff_fields(before, snapshot(current)) if base else {},
        changed_by=latest.history_user if latest else None,
        changed_at=latest.history_date if latest else None,
    )


@transaction.atomic
def verify_authority(user: Any, authority: Authority) -> Authority:
    """The user confirms the entry is still correct as it stands."""
    _require_edit(user, authority)
    authority.last_verified_at = timezone.now()
    authority.last_verified_by = user
    authority._history_user = user  # type: ignore[attr-defined]
    authority._change_reason = "verified"  # type: ignore[attr-defined]
    authority.save(update_fields=["last_verified_at", "last_verified_by", "updated_at"])
    record_event(user, "directory.authority.verified", authority)
    return authority


@transaction.atomic
def add_contact(user: Any, authority: Authority, values: dict[str, Any]) -> ContactPerson:
    _require_edit(user, authority)
    contact = ContactPerson(authority=authority, **values)
    contact._history_user = user  # type: ignore[attr-defined]
    contact.save()
    record_event(user, "directory.contact.added", contact, changes=diff_fields({}, values))
    return contact


@transaction.atomic
def remove_contact(user: Any, contact: ContactPerson) -> None:
    _require_edit(user, contact.authority)
    record_event(user, "directory.contact.removed", contact)
    contact._history_user = user  # type: ignore[attr-defined]
    contact.delete()


@transaction.atomic
def add_guide(
    user: Any,
    authority: Authority,
    *,
    kind: str,
    title: str,
    language: str = "",
    url: str = "",
    file: UploadedFile | None = None,
) -> NationalGuide:
    _require_edit(user, authority)
    guide = NationalGuide(authority=authority, kind=kind, title=title, language=language, url=url)
    if file is not None:
        guide.file.save(file.name or "guide", file, save=False)
    guide._history_user = user  # type: ignore[attr-defined]
    guide.save()
    record_event(
        user, "directory.guide.added", guide, changes={"title": [None, title], "url": [None, url]}
    )
    return guide


@transaction.atomic
def remove_guide(user: Any, guide: NationalGuide) -> None:
    _require_edit(user, guide.authority)
    record_event(user, "directory.guide.removed", guide)
    guide._history_user = user  # type: ignore[attr-defined]
    if guide.file:
        guide.file.delete(save=False)
    guide.delete()
