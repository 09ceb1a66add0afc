"""Every write of the accounts app: profile, verification of practitioners, members of an
authority, focal points and editors. Each takes the acting user first, checks the rule in
accounts/access.py, runs in one transaction and records an audit event.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.accounts import access
from palermo.accounts.models import FocalPoint, Membership, Organisation, User, VerificationRequest
from palermo.core.audit import diff_fields, record_event
from palermo.reference.models import Country

PROFILE_FIELDS = ("full_name", "position", "country", "preferred_language")


def _snapshot(user: User) -> dict[str, Any]:
    return {
        "full_name": user.full_name,
        "position": user.position,
        "country": str(user.country) if user.country_id else None,
        "preferred_language": user.preferred_language,
    }


@transaction.atomic
def update_profile(actor: User, user: User, **values: Any) -> User:
    """Change the person's own name, position, country and preferred language."""
    if not access.is_signed_in(actor) or actor.pk != user.pk:
        raise PermissionDenied
    before = _snapshot(user)
    for field in PROFILE_FIELDS:
        if field in values:
            setattr(user, field, values[field])
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=list(PROFILE_FIELDS))
    changes = diff_fields(before, _snapshot(user))
    if changes:
        record_event(actor, "account.profile_updated", user, changes=changes)
    return user


@transaction.atomic
def request_verification(
    actor: User, *, organisation_name: str, position: str, country: Country, reason: str
) -> VerificationRequest:
    """Ask to be verified as a practitioner; the authority admins of `country` decide."""
    if not access.can_request_verification(actor):
        raise ValidationError(_("Your account is already verified."))
    if VerificationRequest.objects.filter(
        user=actor, status=VerificationRequest.Status.PENDING
    ).exists():
        raise ValidationError(_("You have already asked; your request is waiting for a decision."))
    verification = VerificationRequest(
        user=actor,
        organisation_name=organisation_name.strip(),
        position=position.strip(),
        country=country,
        reason=reason.strip(),
    )
    verification._history_user = actor  # type: ignore[attr-defined]
    verification.save()
    record_event(
        actor,
        "verification.requested",
        verification,
        changes={
            "organisation_name": [None, verification.organisation_name],
            "country": [None, str(country)],
        },
    )
    return verification


@transaction.atomic
def decide_verification(
    actor: User,
    verification: VerificationRequest,
    *,
    approve: bool,
    reason: str,
    site_url: str = "",
) -> VerificationRequest:
    """Approve or reject a pending request, with a reason the requester will read in an e-mail
    (sent by a background task; `site_url` is the address the e-mail links back to)."""
    verification = VerificationRequest.objects.select_for_update().get(pk=verification.pk)
    if not access.can_decide_verification(actor, verification):
        raise PermissionDenied
    if verification.status != VerificationRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for your decision."))
    now = timezone.now()
    verification.status = (
        VerificationRequest.Status.APPROVED if approve else VerificationRequest.Status.REJECTED
    )
    verification.decided_at = now
    verification.decided_by = actor
    verification.decision_reason = reason.strip()
    verification._history_user = actor  # type: ignore[attr-defined]
    verification.save()
    requester = verification.user
    if approve:
        requester.verified_at = now
        requester.verified_by = actor
        requester.verification_note = verification.reason[:500]
        requester._history_user = actor  # type: ignore[attr-defined]
        requester.save(update_fields=["verified_at", "verified_by", "verification_note"])
    record_event(
        actor,
        "verification.approved" if approve else "verification.rejected",
        verification,
        changes={"status": [VerificationRequest.Status.PENDING, verification.status]},
        organisation=_deciding_authority(actor, verification),
    )
    from palermo.accounts.tasks import send_verification_decision

    send_verification_decision.enqueue(verification.pk, site_url)
    return verification


def _deciding_authority(actor: User, verification: VerificationRequest) -> Organisation | None:
    """The authority on whose behalf an authority admin decided (None for staff acting alone),
    so that the decision shows in that authority's audit trail."""
    for membership in access.memberships(actor):
        if (
            membership.role == Membership.Role.AUTHORITY_ADMIN
            and membership.organisation.country_id == verification.country_id
        ):
            return membership.organisation
    return None


def _existing_user(email: str) -> User:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None or not user.is_active:
        raise ValidationError(
            _("No active account uses this e-mail address. Ask the person to sign up first.")
        )
    return user


def _require_manager(actor: User, organisation: Organisation) -> None:
    if not access.can_manage_members(actor, organisation):
        raise PermissionDenied


def _keeps_an_admin(membership: Membership, new_role: str | None) -> bool:
    """Whether the authority still has an authority admin after `membership` changes."""
    if membership.role != Membership.Role.AUTHORITY_ADMIN or new_role == membership.role:
        return True
    return (
        Membership.objects.filter(
            organisation_id=membership.organisation_id, role=Membership.Role.AUTHORITY_ADMIN
        )
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def add_member(actor: User, organisation: Organisation, *, email: str, role: str) -> Membership:
    _require_manager(actor, organisation)
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose one of the roles offered."))
    user = _existing_user(email)
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(_("This person is already a member of the authority."))
    membership = Membership(user=user, organisation=organisation, role=role)
    membership._history_user = actor  # type: ignore[attr-defined]
    membership.save()
    record_event(
        actor,
        "membership.added",
        membership,
        changes={"role": [None, role]},
        organisation=organisation,
    )
    return membership


@transaction.atomic
def change_member_role(actor: User, membership: Membership, *, role: str) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("organisation", "user")
        .get(pk=membership.pk)
    )
    _require_manager(actor, membership.organisation)
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose one of the roles offered."))
    if role == membership.role:
        return membership
    if not _keeps_an_admin(membership, role):
        raise ValidationError(
            _(
                "The authority needs at least one authority administrator. Make someone else "
                "administrator first."
            )
        )
    before = membership.role
    membership.role = role
    membership._history_user = actor  # type: ignore[attr-defined]
    membership.save(update_fields=["role"])
    record_event(
        actor,
        "membership.role_changed",
        membership,
        changes={"role": [before, role]},
        organisation=membership.organisation,
    )
    return membership


@transaction.atomic
def remove_member(actor: User, membership: Membership) -> None:
    membership = (
        Membership.objects.select_for_update()
        .select_related("organisation", "user")
        .get(pk=membership.pk)
    )
    _require_manager(actor, membership.organisation)
    if not _keeps_an_admin(membership, None):
        raise ValidationError(
            _(
                "The authority needs at least one authority administrator. Make someone else "
                "administrator first."
            )
        )
    record_event(
        actor,
        "membership.removed",
        membership,
        changes={"role": [membership.role, None]},
        organisation=membership.organisation,
    )
    membership._history_user = actor  # type: ignore[attr-defined]
    membership.delete()


@transaction.atomic
def grant_focal_point(actor: User, *, email: str, country: Country) -> FocalPoint:
    if not access.can_grant_roles(actor):
        raise PermissionDenied
    user = _existing_user(email)
    if FocalPoint.objects.filter(user=user, country=country).exists():
        raise ValidationError(_("This person is already a focal point for this State."))
    focal_point = FocalPoint(user=user, country=country)
    focal_point._history_user = actor  # type: ignore[attr-defined]
    focal_point.save()
    record_event(
        actor, "focal_point.granted", focal_point, changes={"country": [None, str(country)]}
    )
    return focal_point


@transaction.atomic
def revoke_focal_point(actor: User, focal_point: FocalPoint) -> None:
    if not access.can_grant_roles(actor):
        raise PermissionDenied
    record_event(
        actor,
        "focal_point.revoked",
        focal_point,
        changes={"country": [str(focal_point.country), None]},
    )
    focal_point._history_user = actor  # type: ignore[attr-defined]
    focal_point.delete()


@transaction.atomic
def set_editor(actor: User, user: User, *, is_editor: bool) -> User:
    """Grant or revoke the editor role of the knowledge base."""
    if not access.can_grant_roles(actor):
        raise PermissionDenied
    if user.is_editor == is_editor:
        if is_editor:
            raise ValidationError(_("This person is already an editor."))
        return user
    user.is_editor = is_editor
    user._history_user = actor  # type: ignore[attr-defined]
    user.save(update_fields=["is_editor"])
    record_event(
        actor,
        "editor.granted" if is_editor else "editor.revoked",
        user,
        changes={"is_editor": [not is_editor, is_editor]},
    )
    return user


def grant_editor(actor: User, *, email: str) -> User:
    return set_editor(actor, _existing_user(email), is_editor=True)
