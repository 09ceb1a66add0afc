"""Who may see and do what in the review mechanism, and the only way to fetch its records.

A user sees a review only when they hold a role in it: focal point, governmental expert or
observer acting for the State under review or a reviewing State, or secretariat of the cycle.
Every fetch answers "not found" both when the record does not exist and when it is not visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from palermo.accounts.access import is_signed_in
from palermo.review.models import (
    Cycle,
    Questionnaire,
    QuestionnaireTemplate,
    Review,
    ReviewRole,
)

Role = ReviewRole.Role


def holds_review_role(user: Any) -> bool:
    """Any role in the review mechanism (registered with accounts as needing MFA)."""
    return is_signed_in(user) and ReviewRole.objects.filter(user=user).exists()


def secretariat_cycle_ids(user: Any) -> set[int]:
    if not is_signed_in(user):
        return set()
    cached: set[int] | None = getattr(user, "_palermo_secretariat_cycles", None)
    if cached is None:
        cached = set(
            ReviewRole.objects.filter(user=user, role=Role.SECRETARIAT).values_list(
                "cycle_id", flat=True
            )
        )
        user._palermo_secretariat_cycles = cached
    return cached


def is_secretariat(user: Any) -> bool:
    return bool(secretariat_cycle_ids(user))


def is_secretariat_of(user: Any, cycle: Cycle | int) -> bool:
    cycle_id = cycle if isinstance(cycle, int) else cycle.pk
    return cycle_id in secretariat_cycle_ids(user)


def visible_reviews(user: Any) -> QuerySet[Review]:
    """Reviews where the user holds a role, directly or as secretariat of the cycle."""
    if not is_signed_in(user):
        return Review.objects.none()
    return Review.objects.filter(
        Q(cycle_id__in=secretariat_cycle_ids(user)) | Q(roles__user=user)
    ).distinct()


def visible_cycles(user: Any) -> QuerySet[Cycle]:
    if not is_signed_in(user):
        return Cycle.objects.none()
    return Cycle.objects.filter(roles__user=user).distinct()


@dataclass(frozen=True)
class Standing:
    """What the user is in one review: roles, and for which State they act."""

    secretariat: bool
    roles: frozenset[tuple[str, int]]  # (role, country id)
    state_id: int
    reviewer_ids: frozenset[int]

    @property
    def visible(self) -> bool:
        return self.secretariat or bool(self.roles)

    def _acts(self, roles: tuple[str, ...], country_ids: set[int] | frozenset[int]) -> bool:
        return any(role in roles and country in country_ids for role, country in self.roles)

    @property
    def for_state_under_review(self) -> bool:
        return self._acts((Role.FOCAL_POINT, Role.EXPERT), {self.state_id})

    @property
    def focal_point_of_state(self) -> bool:
        return self._acts((Role.FOCAL_POINT,), {self.state_id})

    @property
    def for_reviewing_state(self) -> bool:
        return self._acts((Role.FOCAL_POINT, Role.EXPERT), self.reviewer_ids)

    def acting_for(self) -> int | None:
        """The State the user speaks for in this review (None for the secretariat)."""
        for role, country in sorted(self.roles):
            if role != Role.OBSERVER:
                return country
        return None


def standing(user: Any, review: Review) -> Standing:
    roles: frozenset[tuple[str, int]] = frozenset()
    if is_signed_in(user):
        cache: dict[int, frozenset[tuple[str, int]]] = getattr(user, "_palermo_review_roles", {})
        if review.pk not in cache:
            cache[review.pk] = frozenset(
                (role, country)
                for role, country in ReviewRole.objects.filter(
                    user=user, review=review
                ).values_list("role", "country_id")
            )
            user._palermo_review_roles = cache
        roles = cache[review.pk]
    return Standing(
        secretariat=is_secretariat_of(user, review.cycle_id),
        roles=roles,
        state_id=review.state_id,
        reviewer_ids=frozenset(review.reviewing_state_ids),
    )


# Rules per action on a questionnaire.


def can_answer(user: Any, questionnaire: Questionnaire) -> bool:
    """The State's focal points and experts draft answers together until submission."""
    return (
        questionnaire.status == Questionnaire.Status.DRAFT
        and questionnaire.template_id is not None
        and standing(user, questionnaire.review).for_state_under_review
    )


def can_submit(user: Any, questionnaire: Questionnaire) -> bool:
    return (
        questionnaire.status == Questionnaire.Status.DRAFT
        and standing(user, questionnaire.review).focal_point_of_state
    )


def can_comment(user: Any, questionnaire: Questionnaire) -> bool:
    """Everyone but observers, until the questionnaire is completed."""
    if questionnaire.status == Questionnaire.Status.COMPLETED:
        return False
    s = standing(user, questionnaire.review)
    return (
        s.secretariat
        or s.for_state_under_review
        or (s.for_reviewing_state and questionnaire.status == Questionnaire.Status.SUBMITTED)
    )


def can_propose_observation(user: Any, questionnaire: Questionnaire) -> bool:
    if questionnaire.status != Questionnaire.Status.SUBMITTED:
        return False
    s = standing(user, questionnaire.review)
    return s.secretariat or s.for_reviewing_state


def can_reply_to_observations(user: Any, questionnaire: Questionnaire) -> bool:
    return (
        questionnaire.status == Questionnaire.Status.SUBMITTED
        and standing(user, questionnaire.review).for_state_under_review
    )


def can_consolidate(user: Any, questionnaire: Questionnaire) -> bool:
    return questionnaire.status == Questionnaire.Status.SUBMITTED and is_secretariat_of(
        user, questionnaire.review.cycle_id
    )


def can_request_redraw(user: Any, review: Review) -> bool:
    """The State under review may ask once, before any questionnaire has been submitted."""
    return (
        review.draw_id is not None
        and review.redrawn_at is None
        and standing(user, review).focal_point_of_state
        and not review.questionnaires.exclude(status=Questionnaire.Status.DRAFT).exists()
    )


def can_manage_roles(user: Any, review: Review) -> bool:
    return is_secretariat_of(user, review.cycle_id)


def can_edit_templates(user: Any) -> bool:
    return is_secretariat(user)


# The only way in.


def access_review_by_id(user: Any, review_id: int) -> Review:
    review = (
        Review.objects.select_related(
            "cycle",
            "group",
            "state",
            "state__regional_group",
            "instrument",
            "same_group_reviewer",
            "other_group_reviewer",
            "draw",
        )
        .filter(pk=review_id)
        .first()
    )
    if review is None or not standing(user, review).visible:
        raise Http404
    return review


def access_questionnaire_by_id(user: Any, questionnaire_id: int) -> Questionnaire:
    questionnaire = (
        Questionnaire.objects.select_related(
            "review",
            "review__cycle",
            "review__state",
            "review__instrument",
            "cluster",
            "template",
            "review__same_group_reviewer",
            "review__other_group_reviewer",
        )
        .filter(pk=questionnaire_id)
        .first()
    )
    if questionnaire is None or not standing(user, questionnaire.review).visible:
        raise Http404
    return questionnaire


def access_cycle_by_id(user: Any, cycle_id: int) -> Cycle:
    """A cycle in which the user holds any role."""
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None or not visible_cycles(user).filter(pk=cycle.pk).exists():
        raise Http404
    return cycle


def access_managed_cycle_by_id(user: Any, cycle_id: int) -> Cycle:
    """A cycle the user runs as secretariat."""
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None or not is_secretariat_of(user, cycle):
        raise Http404
    return cycle


def access_template_by_id(user: Any, template_id: int) -> QuestionnaireTemplate:
    template = (
        QuestionnaireTemplate.objects.select_related("cluster", "instrument")
        .filter(pk=template_id)
        .first()
    )
    if template is None or not can_edit_templates(user):
        raise Http404
    return template
