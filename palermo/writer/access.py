"""Who may see and change requests being written. Views, API endpoints, renders and exports
fetch requests only through `access_request_by_id`, which answers "not found" both when the
request does not exist and when the user may not see it.

A request of an authority is visible to the members of that authority only; a private draft
(no authority) to its author only. Staff and editors have no special right here.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from palermo.accounts.access import (
    is_member_of,
    is_signed_in,
    is_supervisor_of,
    is_verified_practitioner,
    organisation_ids,
)
from palermo.writer.models import Status, WriterRequest


def can_use_writer(user: Any) -> bool:
    """Verified practitioners and members of authorities draft requests."""
    return is_verified_practitioner(user)


def can_view_request(user: Any, request: WriterRequest) -> bool:
    if not is_signed_in(user):
        return False
    if request.organisation_id is None:
        return bool(request.author_id == user.pk)
    return is_member_of(user, request.organisation_id)


def can_edit_request(user: Any, request: WriterRequest) -> bool:
    return can_view_request(user, request) and request.status == Status.DRAFT


def can_approve_request(user: Any, request: WriterRequest) -> bool:
    """Supervisors (and authority admins) of the request's authority approve and sign."""
    return request.organisation_id is not None and is_supervisor_of(user, request.organisation_id)


def visible_requests(user: Any) -> QuerySet[WriterRequest]:
    if not is_signed_in(user):
        return WriterRequest.objects.none()
    return WriterRequest.objects.filter(
        Q(organisation_id__in=organisation_ids(user))
        | Q(organisation__isnull=True, author_id=user.pk)
    )


def access_request_by_id(user: Any, request_id: int | str) -> WriterRequest:
    try:
        pk = int(request_id)
    except (TypeError, ValueError):
        raise Http404 from None
    found = (
        WriterRequest.objects.select_related(
            "organisation", "author", "requesting_state", "requested_state", "approved_by"
        )
        .filter(pk=pk)
        .first()
    )
    if found is None or not can_view_request(user, found):
        raise Http404
    return found
