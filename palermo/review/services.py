"""Writes of the review mechanism: cycles, the drawing of lots, roles and reviews.

Questionnaire work (answers, comments, observations, consolidation, templates) is in
services_questionnaire.py. Every service takes the acting user first, checks the rule, runs in
one transaction and records an audit event.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.accounts.access import is_staff
from palermo.core.audit import record_event
from palermo.reference.models import Country, Instrument
from palermo.review import access
from palermo.review.deadlines import add_months
from palermo.review.lots import (
    OTHER_GROUP,
    SAME_GROUP,
    Candidate,
    DrawFailure,
    DrawImpossible,
    draw_reviewers,
)
from palermo.review.models import (
    Cluster,
    Cycle,
    Draw,
    Phase,
    Questionnaire,
    Review,
    ReviewGroup,
    ReviewRole,
)
from palermo.review.selectors import (
    latest_published_template,
    party_pool,
    reviewer_loads,
)


@transaction.atomic
def create_cycle(
    user: Any,
    name: str,
    starts_on: date,
    ends_on: date,
    instruments: list[Instrument],
    phases: list[tuple[Cluster, date, date]],
) -> Cycle:
    """Staff open a cycle and become its first secretariat member."""
    if not is_staff(user):
        raise PermissionDenied
    if ends_on <= starts_on:
        raise ValidationError({"ends_on": _("The cycle must end after it starts.")})
    cycle = Cycle.objects.create(name=name, starts_on=starts_on, ends_on=ends_on)
    cycle.instruments.set(instruments)
    for cluster, phase_start, phase_end in phases:
        Phase.objects.create(cycle=cycle, cluster=cluster, starts_on=phase_start, ends_on=phase_end)
    ReviewRole.objects.get_or_create(
        user=user, cycle=cycle, review=None, role=ReviewRole.Role.SECRETARIAT
    )
    record_event(user, "review.cycle_created", cycle)
    return cycle


@transaction.atomic
def grant_secretariat(user: Any, cycle: Cycle, member: Any) -> ReviewRole:
    if not (is_staff(user) or access.is_secretariat_of(user, cycle)):
        raise PermissionDenied
    role, _created = ReviewRole.objects.get_or_create(
        user=member, cycle=cycle, review=None, role=ReviewRole.Role.SECRETARIAT
    )
    record_event(user, "review.role_granted", role, changes={"role": [None, role.role]})
    return role


@transaction.atomic
def grant_review_role(
    user: Any, review: Review, member: Any, role: str, country: Country
) -> ReviewRole:
    """The secretariat names focal points, experts and observers of the States in a review."""
    if not access.can_manage_roles(user, review):
        raise PermissionDenied
    if role == ReviewRole.Role.SECRETARIAT:
        raise ValidationError({"role": _("The secretariat is named for the whole cycle.")})
    if role != ReviewRole.Role.OBSERVER and country.pk not in {
        review.state_id,
        *review.reviewing_state_ids,
    }:
        raise ValidationError(
            {
                "country": _(
                    "Focal points and experts act for the State under review or a reviewing State."
                )
            }
        )
    granted, _created = ReviewRole.objects.get_or_create(
        user=member, cycle=review.cycle, review=review, role=role, defaults={"country": country}
    )
    record_event(
        user,
        "review.role_granted",
        review,
        changes={"role": [None, f"{member} {role} {country.iso3}"]},
    )
    return granted


@transaction.atomic
def revoke_review_role(user: Any, role: ReviewRole) -> None:
    if role.review is None or not access.can_manage_roles(user, role.review):
        raise PermissionDenied
    record_event(
        user,
        "review.role_revoked",
        role.review,
        changes={"role": [f"{role.user} {role.role}", None]},
    )
    role.delete()


@transaction.atomic
def place_states(
    user: Any, group: ReviewGroup, states: list[Country], instruments: list[Instrument]
) -> list[Review]:
    """Put States in a review group: one review per State and instrument, one questionnaire
    per cluster of the cycle (on the latest published template, if any)."""
    if not access.is_secretariat_of(user, group.cycle_id):
        raise PermissionDenied
    parties = {i.pk: {c.code for c in party_pool(i)} for i in instruments}
    not_parties = [
        _("%(state)s is not recorded as a party to %(instrument)s, so it cannot be reviewed on it.")
        % {"state": state.name, "instrument": instrument.short_name}
        for state in states
        for instrument in instruments
        if state.iso3 not in parties[instrument.pk]
    ]
    if not_parties:
        raise ValidationError(not_parties)
    created = []
    phases = list(group.cycle.phases.select_related("cluster"))
    for state in states:
        for instrument in instruments:
            review, is_new = Review.objects.get_or_create(
                cycle=group.cycle, state=state, instrument=instrument, defaults={"group": group}
            )
            if not is_new:
                continue
            for phase in phases:
                template = latest_published_template(phase.cluster_id, instrument.pk)
                Questionnaire.objects.create(
                    review=review,
                    cluster=phase.cluster,
                    template=template,
                    answers_due=add_months(phase.starts_on, group.cycle.questionnaire_months),
                )
            record_event(user, "review.state_placed", review)
            created.append(review)
    return created


@transaction.atomic
def open_review_group(user: Any, cycle: Cycle, name: str) -> ReviewGroup:
    """The group of that name in the cycle, opened if new (secretariat only)."""
    if not access.is_secretariat_of(user, cycle):
        raise PermissionDenied
    if not name.strip():
        raise ValidationError({"group_name": _("Name the review group.")})
    group, created = ReviewGroup.objects.get_or_create(cycle=cycle, name=name.strip())
    if created:
        record_event(user, "review.group_opened", group)
    return group


@transaction.atomic
def place_states_in_group(
    user: Any, cycle: Cycle, group_name: str, states: list[Country], instruments: list[Instrument]
) -> tuple[ReviewGroup, list[Review]]:
    """Open the group if new and place the States in it, all or nothing."""
    group = open_review_group(user, cycle, group_name)
    return group, place_states(user, group, states, instruments)


def describe_failure(failure: DrawFailure, instrument: Instrument, names: dict[str, str]) -> str:
    """A sentence saying which constraint failed and for whom."""
    state = names.get(failure.state, failure.state)
    group = names.get(f"group:{failure.group}", failure.group)
    if failure.constraint == "not_party":
        return _(
            "%(state)s is not recorded as a party to %(instrument)s, "
            "so it cannot be reviewed on it."
        ) % {"state": state, "instrument": instrument.short_name}
    if failure.constraint == "no_group":
        return _("%(state)s has no UN regional group recorded.") % {"state": state}
    if failure.constraint == SAME_GROUP:
        return _(
            "Same regional group: no other State of %(group)s is recorded as a party to "
            "%(instrument)s "
            "(or every one is excluded), so nobody can review %(state)s from its own group."
        ) % {"group": group, "instrument": instrument.short_name, "state": state}
    return _(
        "Other regional group: no State outside %(group)s is recorded as a party to %(instrument)s "
        "(or every one is excluded), so nobody can review %(state)s from another group."
    ) % {"group": group, "instrument": instrument.short_name, "state": state}


def _refuse(error: DrawImpossible, instrument: Instrument) -> ValidationError:
    countries = Country.objects.filter(iso3__in=[f.state for f in error.failures]).select_related(
        "regional_group"
    )
    names: dict[str, str] = {}
    for country in countries:
        names[country.iso3] = country.name
        if country.regional_group:
            names[f"group:{country.regional_group.code}"] = country.regional_group.name
    return ValidationError([describe_failure(f, instrument, names) for f in error.failures])


def _pool_record(pool: list[Candidate]) -> list[list[str]]:
    return [[c.code, c.group] for c in pool]


def _apply(review: Review, pair: dict[str, str], draw: Draw, countries: dict[str, Country]) -> None:
    review.same_group_reviewer = countries[pair[SAME_GROUP]]
    review.other_group_reviewer = countries[pair[OTHER_GROUP]]
    review.draw = draw
    review.drawn_on = timezone.localdate()


@transaction.atomic
def draw_lots(
    user: Any, group: ReviewGroup, instrument: Instrument, seed: int | None = None
) -> Draw:
    """Draw the reviewing States of every review in the group on the instrument not yet drawn.

    Raises ValidationError naming each failed constraint and State; nothing is saved then.
    """
    if not access.is_secretariat_of(user, group.cycle_id):
        raise PermissionDenied
    reviews = list(
        group.reviews.filter(instrument=instrument, draw__isnull=True).select_related("state")
    )
    if not reviews:
        raise ValidationError(
            _("Every review of this group on this instrument has been drawn already.")
        )
    seed = secrets.randbits(63) if seed is None else seed
    pool = party_pool(instrument)
    loads = reviewer_loads(group.cycle)
    under_review = sorted(r.state.iso3 for r in reviews)
    try:
        outcome = draw_reviewers(under_review, pool, seed, loads)
    except DrawImpossible as error:
        raise _refuse(error, instrument) from error
    draw = Draw.objects.create(
        group=group,
        instrument=instrument,
        kind=Draw.Kind.INITIAL,
        seed=str(seed),
        candidate_pool=_pool_record(pool),
        prior_loads=loads,
        under_review=under_review,
        result=outcome.pairs,
        performed_by=user,
    )
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=[c.code for c in pool])}
    for review in reviews:
        _apply(review, outcome.pairs[review.state.iso3], draw, countries)
        review.save()
    record_event(
        user,
        "review.lots_drawn",
        draw,
        changes={"result": [None, outcome.pairs], "seed": [None, str(seed)]},
    )
    return draw


@transaction.atomic
def request_redraw(user: Any, review: Review, reason: str, seed: int | None = None) -> Draw:
    """The State under review asks, once and with a reason, for new reviewing States."""
    if not access.can_request_redraw(user, review):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the State asks for a redraw.")})
    seed = secrets.randbits(63) if seed is None else seed
    pool = party_pool(review.instrument)
    loads = reviewer_loads(review.cycle, exclude_review=review)
    code = review.state.iso3
    previous = [c.iso3 for c in (review.same_group_reviewer, review.other_group_reviewer) if c]
    excluded = {code: previous}
    try:
        outcome = draw_reviewers([code], pool, seed, loads, excluded)
    except DrawImpossible as error:
        raise _refuse(error, review.instrument) from error
    draw = Draw.objects.create(
        group=review.group,
        instrument=review.instrument,
        kind=Draw.Kind.REDRAW,
        seed=str(seed),
        candidate_pool=_pool_record(pool),
        prior_loads=loads,
        excluded=excluded,
        under_review=[code],
        result=outcome.pairs,
        reason=reason.strip(),
        performed_by=user,
    )
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=[c.code for c in pool])}
    _apply(review, outcome.pairs[code], draw, countries)
    review.redraw_reason = reason.strip()
    review.redrawn_at = timezone.now()
    review.save()
    record_event(
        user,
        "review.redrawn",
        review,
        changes={
            "reviewers": [previous, list(outcome.pairs[code].values())],
            "reason": [None, reason],
        },
    )
    return draw


def reproduce_draw(draw: Draw) -> bool:
    """Whether running the recorded seed, pool and loads again gives the recorded result."""
    pool = [Candidate(code, group) for code, group in draw.candidate_pool]
    try:
        outcome = draw_reviewers(
            draw.under_review, pool, int(draw.seed), draw.prior_loads, draw.excluded
        )
    except DrawImpossible:
        return False
    return outcome.pairs == draw.result
