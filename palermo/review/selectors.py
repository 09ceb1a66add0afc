"""Reads of the review mechanism: candidate pools, loads, deadlines, progress."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from palermo.reference.models import Country, Instrument, Participation, RegionalGroup
from palermo.review.deadlines import add_days
from palermo.review.lots import Candidate
from palermo.review.models import (
    Answer,
    Cluster,
    Cycle,
    Draw,
    Observation,
    Question,
    Questionnaire,
    QuestionnaireTemplate,
    Review,
    ReviewRole,
)


def party_pool(instrument: Instrument) -> list[Candidate]:
    """States recorded as parties to the instrument (a consent date is recorded), with a group.

    States whose participation is not recorded are not in the pool: the draw only uses what
    Palermo's reference data says.
    """
    rows = (
        Participation.objects.filter(instrument=instrument, consent_date__isnull=False)
        .select_related("country__regional_group")
        .order_by("country__iso3")
    )
    return [
        Candidate(
            row.country.iso3, row.country.regional_group.code if row.country.regional_group else ""
        )
        for row in rows
    ]


def reviewer_loads(cycle: Cycle, exclude_review: Review | None = None) -> dict[str, int]:
    """How many reviews each State performs in the cycle, by ISO alpha-3 code."""
    loads: Counter[str] = Counter()
    reviews = cycle.reviews.select_related("same_group_reviewer", "other_group_reviewer")
    if exclude_review is not None:
        reviews = reviews.exclude(pk=exclude_review.pk)
    for review in reviews:
        for reviewer in (review.same_group_reviewer, review.other_group_reviewer):
            if reviewer is not None:
                loads[reviewer.iso3] += 1
    return dict(loads)


def latest_published_template(cluster_id: int, instrument_id: int) -> QuestionnaireTemplate | None:
    return (
        QuestionnaireTemplate.objects.filter(
            cluster_id=cluster_id, instrument_id=instrument_id, published_at__isnull=False
        )
        .order_by("-version")
        .first()
    )


def draws_of_cycle(cycle: Cycle) -> QuerySet[Draw]:
    return Draw.objects.filter(group__cycle=cycle).select_related(
        "group", "instrument", "performed_by"
    )


def reviews_of_cycle(cycle: Cycle, reviews: QuerySet[Review]) -> QuerySet[Review]:
    return (
        reviews.filter(cycle=cycle)
        .select_related(
            "state",
            "state__regional_group",
            "instrument",
            "group",
            "same_group_reviewer",
            "other_group_reviewer",
            "draw",
        )
        .order_by("group__name", "state__name", "instrument__sort_order")
    )


def questions_with_answers(questionnaire: Questionnaire) -> list[tuple[Question, Answer | None]]:
    if questionnaire.template_id is None:
        return []
    answers = {a.question_id: a for a in questionnaire.answers.select_related("updated_by")}
    questions = Question.objects.filter(template_id=questionnaire.template_id).order_by("number")
    return [(question, answers.get(question.pk)) for question in questions]


def roles_of_review(review: Review) -> QuerySet[ReviewRole]:
    return (
        ReviewRole.objects.filter(review=review)
        .select_related("user", "country")
        .order_by("country__name", "role")
    )


def country_by_iso3(codes: list[str]) -> dict[str, Country]:
    return {c.iso3: c for c in Country.objects.filter(iso3__in=codes)}


# Progress, overdue items and technical-assistance needs (the dashboard).

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETED = "completed"


def questionnaire_progress(questionnaire: Questionnaire, answer_count: int) -> str:
    if questionnaire.status == Questionnaire.Status.COMPLETED:
        return COMPLETED
    if questionnaire.status == Questionnaire.Status.DRAFT and answer_count == 0:
        return NOT_STARTED
    return IN_PROGRESS


def review_progress(states: list[str]) -> str:
    if states and all(s == COMPLETED for s in states):
        return COMPLETED
    if not states or all(s == NOT_STARTED for s in states):
        return NOT_STARTED
    return IN_PROGRESS


@dataclass
class OverdueItem:
    review: Review
    what: str  # focal_point, experts, answers, feedback
    due: date
    country: Country | None = None
    cluster_name: str = ""


def overdue_items(reviews: QuerySet[Review], today: date) -> list[OverdueItem]:
    """Nominations and questionnaires past their deadline, oldest first."""
    items: list[OverdueItem] = []
    reviews = reviews.select_related(
        "cycle", "state", "same_group_reviewer", "other_group_reviewer"
    )
    roles: dict[int, set[tuple[str, int]]] = {}
    for review_id, role, country_id in ReviewRole.objects.filter(review__in=reviews).values_list(
        "review_id", "role", "country_id"
    ):
        roles.setdefault(review_id, set()).add((role, country_id))
    for review in reviews:
        if review.drawn_on is None:
            continue
        held = roles.get(review.pk, set())
        focal_due = add_days(review.drawn_on, review.cycle.focal_point_days)
        if focal_due < today and (ReviewRole.Role.FOCAL_POINT, review.state_id) not in held:
            items.append(OverdueItem(review, "focal_point", focal_due, review.state))
        experts_due = add_days(review.drawn_on, review.cycle.experts_days)
        for country in (review.state, review.same_group_reviewer, review.other_group_reviewer):
            if (
                country is not None
                and experts_due < today
                and (ReviewRole.Role.EXPERT, country.pk) not in held
            ):
                items.append(OverdueItem(review, "experts", experts_due, country))
    questionnaires = Questionnaire.objects.filter(review__in=reviews).select_related(
        "review", "review__state", "cluster"
    )
    for q in questionnaires:
        if q.status == Questionnaire.Status.DRAFT and q.answers_due and q.answers_due < today:
            items.append(
                OverdueItem(q.review, "answers", q.answers_due, q.review.state, str(q.cluster))
            )
        if q.status == Questionnaire.Status.SUBMITTED and q.feedback_due and q.feedback_due < today:
            items.append(OverdueItem(q.review, "feedback", q.feedback_due, None, str(q.cluster)))
    return sorted(items, key=lambda item: (item.due, str(item.review)))


@dataclass
class ProgressRow:
    review: Review
    by_cluster: dict[int, str]  # cluster number -> progress
    overall: str


def progress_table(reviews: QuerySet[Review]) -> list[ProgressRow]:
    questionnaires = (
        Questionnaire.objects.filter(review__in=reviews)
        .annotate(answer_count=Count("answers", filter=~Q(answers__response="")))
        .select_related("cluster")
    )
    per_review: dict[int, dict[int, str]] = {}
    for q in questionnaires:
        per_review.setdefault(q.review_id, {})[q.cluster.number] = questionnaire_progress(
            q, q.answer_count
        )
    rows = []
    for review in reviews.select_related("state", "instrument"):
        by_cluster = per_review.get(review.pk, {})
        rows.append(ProgressRow(review, by_cluster, review_progress(list(by_cluster.values()))))
    return rows


def assistance_needs(reviews: QuerySet[Review]) -> list[dict[str, Any]]:
    """Technical-assistance needs (answers and observations) counted by cluster and region,
    with names in the current language."""
    counts: Counter[tuple[int, str]] = Counter()
    answers = Answer.objects.filter(questionnaire__review__in=reviews).exclude(assistance_needed="")
    observations = Observation.objects.filter(
        questionnaire__review__in=reviews, kind=Observation.Kind.ASSISTANCE, included=True
    )
    for source in (answers, observations):
        for number, region in source.values_list(
            "questionnaire__cluster__number", "questionnaire__review__state__regional_group__code"
        ):
            counts[(number, region or "")] += 1
    clusters = {c.number: c.name for c in Cluster.objects.all()}
    regions = {g.code: g.name for g in RegionalGroup.objects.all()}
    return [
        {
            "cluster_number": number,
            "cluster": clusters.get(number, str(number)),
            "region_code": region,
            "region": regions.get(region, ""),
            "needs": n,
        }
        for (number, region), n in sorted(counts.items())
    ]
