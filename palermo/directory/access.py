"""The only way to fetch directory records: who may see and who may change them.

Authorities are public (their fields are filtered by visibility.py); contact persons are
restricted as a whole; changes are for the State's focal points, editors and staff.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from palermo.accounts import access
from palermo.directory import visibility
from palermo.directory.models import Authority, ContactPerson, NationalGuide


def can_edit_authority(user: Any, authority: Authority) -> bool:
    return access.can_edit_country_entries(user, authority.country_id)


def can_see_stale_list(user: Any) -> bool:
    """Focal points see their own States' stale entries; editors and staff see all."""
    return access.is_editor(user) or bool(access.focal_point_country_ids(user))


def can_see_history(user: Any, authority: Authority) -> bool:
    """History shows restricted values as they were, so it is for practitioners and up."""
    return visibility.sees_restricted(user)


def access_authority_by_id(user: Any, authority_id: int) -> Authority:
    authority = (
        Authority.objects.select_related("country", "last_verified_by", "organisation")
        .filter(pk=authority_id)
        .first()
    )
    if authority is None:
        raise Http404
    return authority


def access_authority_for_edit(user: Any, authority_id: int) -> Authority:
    """404 when missing; 403 for signed-in users who may not change this State's entries
    (the entry itself is public, so refusing says nothing new)."""
    authority = access_authority_by_id(user, authority_id)
    if not can_edit_authority(user, authority):
        raise PermissionDenied
    return authority


def access_contact_by_id(user: Any, contact_id: int) -> ContactPerson:
    contact = (
        ContactPerson.objects.select_related("authority__country").filter(pk=contact_id).first()
    )
    if contact is None or not visibility.may_see(user, "contacts"):
        raise Http404
    return contact


def access_guide_by_id(user: Any, guide_id: int) -> NationalGuide:
    guide = NationalGuide.objects.select_related("authority").filter(pk=guide_id).first()
    if guide is None or not visibility.may_see(user, "guides"):
        raise Http404
    return guide
