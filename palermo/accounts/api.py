"""REST endpoints of the accounts app, mounted under /api/v1/accounts/."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from palermo.accounts import access
from palermo.core.api_auth import signed_in

router = Router(tags=["accounts"])


class MeOut(Schema):
    email: str
    full_name: str
    roles: list[str]
    verified_practitioner: bool
    organisations: list[dict[str, object]]
    focal_point_country_ids: list[int]


@router.get("/me", response=MeOut, auth=signed_in, summary="The signed-in user and their roles")
def me(request: HttpRequest) -> MeOut:
    """Access: any signed-in user, about themselves."""
    user = request.auth  # type: ignore[attr-defined]
    return MeOut(
        email=user.email,
        full_name=user.full_name,
        roles=access.role_names(user),
        verified_practitioner=access.is_verified_practitioner(user),
        organisations=[
            {"id": m.organisation_id, "name": m.organisation.name, "role": m.role}
            for m in access.memberships(user)
        ],
        focal_point_country_ids=sorted(access.focal_point_country_ids(user)),
    )
