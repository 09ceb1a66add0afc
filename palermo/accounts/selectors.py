"""Reads of the accounts app: the audit trail, the verification queue, members, roles, tokens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from palermo.accounts import access
from palermo.accounts.models import (
    ApiToken,
    FocalPoint,
    Membership,
    Organisation,
    User,
    VerificationRequest,
)
from palermo.core.models import AuditEvent

ROLE_LABELS: dict[str, Any] = {
    "staff": pgettext_lazy("role", "staff"),
    "editor": pgettext_lazy("role", "editor"),
    "focal_point": _("focal point"),
    "practitioner": _("verified practitioner"),
    **dict(Membership.Role.choices),
}


def role_labels(user: Any) -> list[str]:
    """The user's roles in words of the interface language."""
    return [str(ROLE_LABELS.get(name, name)) for name in access.role_names(user)]


# The audit trail ---------------------------------------------------------------------------


def visible_audit_events(user: Any) -> QuerySet[AuditEvent]:
    """Staff see every event; authority admins see their authorities' events only."""
    events = AuditEvent.objects.all()
    if not access.is_staff(user):
        events = events.filter(organisation_id__in=access.administered_organisation_ids(user))
    return events


def list_audit_events(
    user: Any,
    *,
    action: str = "",
    record_type: str = "",
    who: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    events = visible_audit_events(user).select_related("actor", "organisation")
    if action:
        events = events.filter(action__startswith=action)
    if record_type:
        events = events.filter(target_type=record_type)
    if who:
        events = events.filter(Q(actor__email__icontains=who) | Q(actor__full_name__icontains=who))
    if date_from:
        events = events.filter(created_at__gte=_start_of(date_from))
    if date_to:
        events = events.filter(created_at__lt=_start_of(date_to + dt.timedelta(days=1)))
    return events


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def audit_record_types(user: Any) -> list[tuple[str, str]]:
    """The record types in the events the user may see, with their names, for the filter."""
    labels = (
        visible_audit_events(user)
        .exclude(target_type="")
        .order_by("target_type")
        .values_list("target_type", flat=True)
        .distinct()
    )
    return sorted(((label, record_type_name(label)) for label in labels), key=lambda c: c[1])


def record_type_name(label: str) -> str:
    """`accounts.membership` → "membership" (the model's name in the interface language)."""
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


# Verification of practitioners --------------------------------------------------------------


def verification_queue(user: Any) -> QuerySet[VerificationRequest]:
    """Pending requests the user may decide, oldest first."""
    pending = VerificationRequest.objects.filter(
        status=VerificationRequest.Status.PENDING
    ).select_related("user", "country")
    if not access.is_staff(user):
        pending = pending.filter(country_id__in=access.verification_country_ids(user))
    return pending.order_by("created_at", "id")


def recent_decisions(user: Any, limit: int = 20) -> list[VerificationRequest]:
    decided = VerificationRequest.objects.exclude(
        status=VerificationRequest.Status.PENDING
    ).select_related("user", "country", "decided_by")
    if not access.is_staff(user):
        decided = decided.filter(country_id__in=access.verification_country_ids(user))
    return list(decided.order_by("-decided_at", "-id")[:limit])


def latest_verification_request(user: Any) -> VerificationRequest | None:
    if not access.is_signed_in(user):
        return None
    return (
        VerificationRequest.objects.filter(user=user)
        .select_related("country")
        .order_by("-created_at", "-id")
        .first()
    )


# Members and roles ---------------------------------------------------------------------------


def managed_organisations(user: Any) -> QuerySet[Organisation]:
    """Authorities whose members the user manages: their own as admin; every one for staff."""
    organisations = Organisation.objects.filter(is_active=True).select_related("country")
    if not access.is_staff(user):
        organisations = organisations.filter(pk__in=access.administered_organisation_ids(user))
    return organisations.order_by("country__name", "name")


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def membership_history(organisation: Organisation) -> QuerySet[Any]:
    """Every change to the authority's memberships, removed members included."""
    return (
        Membership.history.filter(organisation_id=organisation.pk)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )


def focal_points() -> QuerySet[FocalPoint]:
    return FocalPoint.objects.select_related("user", "country").order_by(
        "country__name", "user__email"
    )


def editors() -> QuerySet[User]:
    return User.objects.filter(is_editor=True, is_active=True).order_by("full_name", "email")


def focal_point_history() -> QuerySet[Any]:
    return FocalPoint.history.select_related("history_user").order_by(  # type: ignore[attr-defined]
        "-history_date", "-history_id"
    )


def editor_events(limit: int = 50) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(action__startswith="editor.")
        .select_related("actor")
        .order_by("-created_at", "-id")[:limit]
    )


# API tokens ----------------------------------------------------------------------------------


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")
