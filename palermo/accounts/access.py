"""Who may do what: the one place where roles become permissions.

Every app's own `access.py` builds on these helpers; views and API endpoints never test roles
by hand. Helpers take any user object, anonymous included, and never raise.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from palermo.accounts.models import (
    ApiToken,
    FocalPoint,
    Membership,
    Organisation,
    User,
    VerificationRequest,
)

Role = Membership.Role
ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponseBase])


def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(
        getattr(user, "is_active", False)
    )


def is_staff(user: Any) -> bool:
    return is_signed_in(user) and bool(user.is_staff)


def is_editor(user: Any) -> bool:
    return is_signed_in(user) and (bool(user.is_editor) or bool(user.is_staff))


def memberships(user: Any) -> list[Membership]:
    """The user's memberships, cached on the user object for the request."""
    if not is_signed_in(user):
        return []
    cached: list[Membership] | None = getattr(user, "_palermo_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, organisation__is_active=True).select_related(
                "organisation", "organisation__country"
            )
        )
        user._palermo_memberships = cached
    return cached


def organisation_ids(user: Any, roles: tuple[str, ...] | None = None) -> set[int]:
    return {m.organisation_id for m in memberships(user) if roles is None or m.role in roles}


def role_in(user: Any, organisation: Organisation | int | None) -> str | None:
    """The user's role in the organisation, or None."""
    if organisation is None:
        return None
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    for membership in memberships(user):
        if membership.organisation_id == org_id:
            return membership.role
    return None


def is_member_of(user: Any, organisation: Organisation | int | None) -> bool:
    return role_in(user, organisation) is not None


def is_supervisor_of(user: Any, organisation: Organisation | int | None) -> bool:
    return role_in(user, organisation) in (Role.SUPERVISOR, Role.AUTHORITY_ADMIN)


def is_authority_admin_of(user: Any, organisation: Organisation | int | None) -> bool:
    return role_in(user, organisation) == Role.AUTHORITY_ADMIN


def administered_organisation_ids(user: Any) -> set[int]:
    return organisation_ids(user, (Role.AUTHORITY_ADMIN,))


def focal_point_country_ids(user: Any) -> set[int]:
    if not is_signed_in(user):
        return set()
    cached: set[int] | None = getattr(user, "_palermo_focal_countries", None)
    if cached is None:
        cached = set(FocalPoint.objects.filter(user=user).values_list("country_id", flat=True))
        user._palermo_focal_countries = cached
    return cached


def is_focal_point_for(user: Any, country_id: int | None) -> bool:
    return country_id is not None and country_id in focal_point_country_ids(user)


def can_edit_country_entries(user: Any, country_id: int | None) -> bool:
    """Focal points edit their own State's entries; editors and staff edit any."""
    return is_editor(user) or is_focal_point_for(user, country_id)


def is_verified_practitioner(user: Any) -> bool:
    """Verified practitioners, and everyone holding a role above practitioner."""
    if not is_signed_in(user):
        return False
    return (
        user.verified_at is not None
        or is_staff(user)
        or is_editor(user)
        or bool(memberships(user))
        or bool(focal_point_country_ids(user))
    )


# Apps with roles of their own (the review mechanism) register a check here in AppConfig.ready.
EXTRA_MFA_ROLE_CHECKS: list[Callable[[Any], bool]] = []


def register_mfa_role(check: Callable[[Any], bool]) -> None:
    """Declare that users for whom `check(user)` holds have a role that needs MFA."""
    if check not in EXTRA_MFA_ROLE_CHECKS:
        EXTRA_MFA_ROLE_CHECKS.append(check)


def requires_mfa(user: Any) -> bool:
    """Every role above practitioner must sign in with a second factor."""
    if not is_signed_in(user):
        return False
    return (
        is_staff(user)
        or is_editor(user)
        or bool(memberships(user))
        or bool(focal_point_country_ids(user))
        or any(check(user) for check in EXTRA_MFA_ROLE_CHECKS)
    )


def has_mfa(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    if not is_signed_in(user):
        return False
    cached: bool | None = getattr(user, "_palermo_has_mfa", None)
    if cached is None:
        cached = Authenticator.objects.filter(
            user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
        ).exists()
        user._palermo_has_mfa = cached
    return cached


def has_mfa_if_required(user: Any) -> bool:
    """Signed in, and holding a second factor if the user's role needs one."""
    return is_signed_in(user) and (not requires_mfa(user) or has_mfa(user))


def verification_country_ids(user: Any) -> set[int]:
    """States whose practitioners the user may verify (as admin of an authority there)."""
    return {m.organisation.country_id for m in memberships(user) if m.role == Role.AUTHORITY_ADMIN}


def can_verify_practitioners(user: Any) -> bool:
    return is_staff(user) or bool(administered_organisation_ids(user))


def can_decide_verification(user: Any, verification: VerificationRequest) -> bool:
    """Staff, and authority admins of an authority in the requester's State."""
    return is_staff(user) or verification.country_id in verification_country_ids(user)


def can_request_verification(user: Any) -> bool:
    """Signed-in people who are not yet verified (nor hold a role that implies it)."""
    return is_signed_in(user) and not is_verified_practitioner(user)


def can_manage_members(user: Any, organisation: Organisation | int | None) -> bool:
    """Authority admins manage their own authority's members; staff manage any authority's."""
    return is_staff(user) or is_authority_admin_of(user, organisation)


def can_manage_some_members(user: Any) -> bool:
    return is_staff(user) or bool(administered_organisation_ids(user))


def can_grant_roles(user: Any) -> bool:
    """Focal point and editor roles are granted and revoked by staff only."""
    return is_staff(user)


def can_manage_api_tokens(user: Any) -> bool:
    """Anyone signed in; privileged roles only once their second factor is set up."""
    return has_mfa_if_required(user)


def can_read_audit_trail(user: Any) -> bool:
    return is_staff(user) or bool(administered_organisation_ids(user))


def access_verification_request_by_id(user: Any, verification_id: int) -> VerificationRequest:
    verification = (
        VerificationRequest.objects.select_related("user", "country", "decided_by")
        .filter(pk=verification_id)
        .first()
    )
    if verification is None or not can_decide_verification(user, verification):
        raise Http404
    return verification


def access_managed_organisation_by_id(user: Any, organisation_id: int) -> Organisation:
    organisation = (
        Organisation.objects.select_related("country")
        .filter(pk=organisation_id, is_active=True)
        .first()
    )
    if organisation is None or not can_manage_members(user, organisation):
        raise Http404
    return organisation


def access_membership_by_id(
    user: Any, organisation: Organisation, membership_id: int
) -> Membership:
    """A membership of an authority the user manages (checked by the caller via `organisation`)."""
    if not can_manage_members(user, organisation):
        raise Http404
    membership = (
        Membership.objects.select_related("user", "organisation")
        .filter(pk=membership_id, organisation=organisation)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def access_focal_point_by_id(user: Any, focal_point_id: int) -> FocalPoint:
    focal_point = (
        FocalPoint.objects.select_related("user", "country").filter(pk=focal_point_id).first()
    )
    if focal_point is None or not can_grant_roles(user):
        raise Http404
    return focal_point


def access_editor_by_id(user: Any, editor_id: int) -> User:
    editor = User.objects.filter(pk=editor_id, is_editor=True).first()
    if editor is None or not can_grant_roles(user):
        raise Http404
    return editor


def access_api_token_by_id(user: Any, token_id: int) -> ApiToken:
    """One of the user's own tokens; nobody else's, whatever their role."""
    token = ApiToken.objects.filter(pk=token_id).first()
    if token is None or not is_signed_in(user) or token.user_id != user.pk:
        raise Http404
    return token


def role_names(user: Any) -> list[str]:
    """Human-facing list of the roles a user holds, for the account page and the header."""
    names: list[str] = []
    if is_staff(user):
        names.append("staff")
    if is_signed_in(user) and user.is_editor:
        names.append("editor")
    names.extend(sorted({m.role for m in memberships(user)}))
    if focal_point_country_ids(user):
        names.append("focal_point")
    if is_signed_in(user) and not names and user.verified_at is not None:
        names.append("practitioner")
    return names


def require(predicate: Callable[[Any], bool]) -> Callable[[ViewFunc], ViewFunc]:
    """View decorator: anonymous users go to sign-in; signed-in users without the right get 403."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not is_signed_in(request.user):
                return redirect_to_login(request.get_full_path())
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def public(view: ViewFunc) -> ViewFunc:
    """Marks a view as open to everyone, anonymous included (an explicit rule, not an omission)."""
    view.palermo_access = "public"  # type: ignore[attr-defined]
    return view


__all__ = [
    "Role",
    "User",
    "access_api_token_by_id",
    "access_editor_by_id",
    "access_focal_point_by_id",
    "access_managed_organisation_by_id",
    "access_membership_by_id",
    "access_verification_request_by_id",
    "administered_organisation_ids",
    "can_decide_verification",
    "can_edit_country_entries",
    "can_grant_roles",
    "can_manage_api_tokens",
    "can_manage_members",
    "can_manage_some_members",
    "can_read_audit_trail",
    "can_request_verification",
    "can_verify_practitioners",
    "focal_point_country_ids",
    "has_mfa",
    "has_mfa_if_required",
    "is_authority_admin_of",
    "is_editor",
    "is_focal_point_for",
    "is_member_of",
    "is_signed_in",
    "is_staff",
    "is_supervisor_of",
    "is_verified_practitioner",
    "memberships",
    "organisation_ids",
    "public",
    "register_mfa_role",
    "require",
    "requires_mfa",
    "role_in",
    "role_names",
    "verification_country_ids",
]
