"""Who may see and change which case: the only way to fetch a case (STYLE: one way in).

Members of an authority see its cases: supervisors and authority admins all of them,
caseworkers their own and, where the authority allows it (Organisation.caseworkers_see_unassigned),
the unassigned ones. A confidential case (art. 18(20)) is seen by its named members only.
Everyone else gets "not found", whether or not the case exists.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from palermo.accounts import access
from palermo.accounts.models import Membership
from palermo.cases.models import Case
from palermo.cases.workflow import TransitionRule
from palermo.core.audit import record_event

Role = Membership.Role
SUPERVISING = (Role.SUPERVISOR, Role.AUTHORITY_ADMIN)


def is_case_member(user: Any) -> bool:
    """A member of any authority: may use case tracking at all."""
    return bool(access.organisation_ids(user))


def supervised_organisation_ids(user: Any) -> set[int]:
    return access.organisation_ids(user, SUPERVISING)


def _one_of(field: str, values: set[int]) -> Q:
    """An equality for one value (the database can then read an index in order), else IN."""
    if len(values) == 1:
        return Q(**{field: next(iter(values))})
    return Q(**{f"{field}__in": values})


def cases_visible_to(user: Any) -> QuerySet[Case]:
    if not access.is_signed_in(user):
        return Case.objects.none()
    supervised: set[int] = set()
    own_only: set[int] = set()
    with_unassigned: set[int] = set()
    for membership in access.memberships(user):
        if membership.role in SUPERVISING:
            supervised.add(membership.organisation_id)
        elif membership.organisation.caseworkers_see_unassigned:
            with_unassigned.add(membership.organisation_id)
        else:
            own_only.add(membership.organisation_id)
    if not supervised | own_only | with_unassigned:
        return Case.objects.none()
    # Built from the memberships in Python so that the query needs no join (see the indexes).
    scope = Q(pk__in=[])
    if supervised:
        scope |= _one_of("organisation_id", supervised)
    if own_only | with_unassigned:
        scope |= _one_of("organisation_id", own_only | with_unassigned) & Q(assigned_to=user)
    if with_unassigned:
        scope |= _one_of("organisation_id", with_unassigned) & Q(assigned_to__isnull=True)
    named = Case.named_members.through.objects.filter(user_id=user.pk).values("case_id")
    return Case.objects.filter(scope).filter(Q(confidential=False) | Q(pk__in=named))


def can_view_case(user: Any, case: Case) -> bool:
    if not access.is_signed_in(user):
        return False
    role = access.role_in(user, case.organisation_id)
    if role is None:
        return False
    if case.confidential and not case.named_members.filter(pk=user.pk).exists():
        return False
    if role in SUPERVISING:
        return True
    return case.assigned_to_id == user.pk or (
        case.assigned_to_id is None and case.organisation.caseworkers_see_unassigned
    )


def access_case_by_id(user: Any, case_id: int, *, record_opening: bool = True) -> Case:
    """The case, if the user may see it; Http404 otherwise. Each opening is audited."""
    case = (
        Case.objects.select_related(
            "organisation", "counterpart_state", "assigned_to", "crime_type"
        )
        .filter(pk=case_id)
        .first()
    )
    if case is None or not can_view_case(user, case):
        raise Http404
    if record_opening:
        record_event(user, "case.opened", case, organisation=case.organisation)
    return case


def can_supervise(user: Any, case: Case) -> bool:
    return access.is_supervisor_of(user, case.organisation_id)


def can_take_transition(user: Any, case: Case, rule: TransitionRule) -> bool:
    """Called by django-fsm-2 through each transition's permission hook."""
    if not can_view_case(user, case):
        return False
    return can_supervise(user, case) if rule.supervisor_only else True


def can_assign(user: Any, case: Case, assignee: Any) -> bool:
    """Supervisors assign anyone; a caseworker may take an unassigned case."""
    if can_supervise(user, case):
        return True
    return case.assigned_to_id is None and assignee is not None and assignee.pk == user.pk


def can_manage_settings(user: Any, organisation_id: int) -> bool:
    return access.is_supervisor_of(user, organisation_id)
