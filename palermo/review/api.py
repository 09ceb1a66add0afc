"""REST endpoints of the review app, mounted under /api/v1/review/ by palermo/api.py.

Reviews are confidential: every endpoint but the clusters needs a signed-in caller, and
returns 404 for reviews and questionnaires where the caller holds no role.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.responses import Status

from palermo.core.api_auth import signed_in
from palermo.reference.models import Instrument
from palermo.review import access, selectors, services
from palermo.review import services_questionnaire as qservices
from palermo.review.models import Cluster, ClusterArticle, Questionnaire, Review, ReviewGroup

router = Router(tags=["review"])


class ClusterOut(Schema):
    code: str
    number: int
    name: str
    articles: list[str]


class ReviewOut(Schema):
    id: int
    cycle: str
    group: str
    state: str
    instrument: str
    same_group_reviewer: str | None
    other_group_reviewer: str | None
    seed: str | None
    drawn_on: date | None
    redraw_reason: str


class QuestionnaireSummary(Schema):
    id: int
    cluster: int
    status: str
    answers_due: date | None
    feedback_due: date | None


class ReviewDetail(ReviewOut):
    questionnaires: list[QuestionnaireSummary]


class AnswerIn(Schema):
    response: str
    explanation: str = ""
    examples: str = ""
    assistance_needed: str = ""
    references: list[dict[str, str]] = []


class AnswerOut(Schema):
    question_id: int
    number: int
    question: str
    response: str
    explanation: str
    examples: str
    assistance_needed: str
    references: list[dict[str, str]]


class CommentIn(Schema):
    body: str
    question_id: int | None = None


class CommentOut(Schema):
    id: int
    question_id: int | None
    author: str
    acting_for: str | None
    body: str
    created_at: datetime


class ObservationIn(Schema):
    kind: str
    text: str
    question_id: int | None = None


class ObservationOut(Schema):
    id: int
    question_id: int | None
    kind: str
    text: str
    state_reply: str
    included: bool


class QuestionnaireOut(QuestionnaireSummary):
    review_id: int
    template_version: int | None
    summary: str
    answers: list[AnswerOut]
    comments: list[CommentOut]
    observations: list[ObservationOut]


class DrawIn(Schema):
    group_id: int
    instrument: str
    seed: int | None = None


class DrawOut(Schema):
    id: int
    kind: str
    seed: str
    candidate_pool: list[list[str]]
    prior_loads: dict[str, int]
    excluded: dict[str, list[str]]
    result: dict[str, dict[str, str]]
    reproduced: bool


def _review_out(review: Review) -> dict[str, Any]:
    return {
        "id": review.pk,
        "cycle": review.cycle.name,
        "group": review.group.name,
        "state": review.state.iso3,
        "instrument": review.instrument.code,
        "same_group_reviewer": review.same_group_reviewer.iso3
        if review.same_group_reviewer
        else None,
        "other_group_reviewer": review.other_group_reviewer.iso3
        if review.other_group_reviewer
        else None,
        "seed": review.draw.seed if review.draw else None,
        "drawn_on": review.drawn_on,
        "redraw_reason": review.redraw_reason,
    }


def _questionnaire_summary(q: Questionnaire) -> dict[str, Any]:
    return {
        "id": q.pk,
        "cluster": q.cluster.number,
        "status": q.status,
        "answers_due": q.answers_due,
        "feedback_due": q.feedback_due,
    }


def _questionnaire_out(q: Questionnaire) -> dict[str, Any]:
    answers = [
        {
            "question_id": question.pk,
            "number": question.number,
            "question": question.text,
            "response": answer.response if answer else "",
            "explanation": answer.explanation if answer else "",
            "examples": answer.examples if answer else "",
            "assistance_needed": answer.assistance_needed if answer else "",
            "references": answer.references if answer else [],
        }
        for question, answer in selectors.questions_with_answers(q)
    ]
    comments = [
        {
            "id": c.pk,
            "question_id": c.question_id,
            "author": c.author.display_name,
            "acting_for": c.acting_for.iso3 if c.acting_for else None,
            "body": c.body,
            "created_at": c.created_at,
        }
        for c in q.comments.select_related("author", "acting_for")
    ]
    observations = [
        {
            "id": o.pk,
            "question_id": o.question_id,
            "kind": o.kind,
            "text": o.text,
            "state_reply": o.state_reply,
            "included": o.included,
        }
        for o in q.observations.all()
    ]
    return {
        **_questionnaire_summary(q),
        "review_id": q.review_id,
        "template_version": q.template.version if q.template else None,
        "summary": q.summary,
        "answers": answers,
        "comments": comments,
        "observations": observations,
    }


@router.get("/clusters", response=list[ClusterOut])
def list_clusters(request: HttpRequest) -> list[dict[str, Any]]:
    """Public: the thematic clusters and the articles each covers (Palermo's mapping)."""
    articles: dict[int, list[str]] = {}
    for article in ClusterArticle.objects.all():
        articles.setdefault(article.cluster_id, []).append(str(article))
    return [
        {"code": c.code, "number": c.number, "name": c.name, "articles": articles.get(c.pk, [])}
        for c in Cluster.objects.all()
    ]


@router.get("/reviews", response=list[ReviewOut], auth=signed_in)
def list_reviews(request: HttpRequest) -> list[dict[str, Any]]:
    """Signed in: the reviews where the caller holds a role (or runs the cycle as secretariat)."""
    reviews = (
        access.visible_reviews(request.user)
        .select_related(
            "cycle",
            "group",
            "state",
            "instrument",
            "same_group_reviewer",
            "other_group_reviewer",
            "draw",
        )
        .order_by("pk")
    )
    return [_review_out(r) for r in reviews]


@router.get("/reviews/{review_id}", response=ReviewDetail, auth=signed_in)
def get_review(request: HttpRequest, review_id: int) -> dict[str, Any]:
    """Signed in with a role in the review; 404 otherwise."""
    review = access.access_review_by_id(request.user, review_id)
    questionnaires = review.questionnaires.select_related("cluster").order_by("cluster__number")
    return {
        **_review_out(review),
        "questionnaires": [_questionnaire_summary(q) for q in questionnaires],
    }


@router.get("/questionnaires/{questionnaire_id}", response=QuestionnaireOut, auth=signed_in)
def get_questionnaire(request: HttpRequest, questionnaire_id: int) -> dict[str, Any]:
    """Signed in with a role in the review; 404 otherwise."""
    return _questionnaire_out(access.access_questionnaire_by_id(request.user, questionnaire_id))


@router.put(
    "/questionnaires/{questionnaire_id}/answers/{question_id}", response=AnswerOut, auth=signed_in
)
def put_answer(
    request: HttpRequest, questionnaire_id: int, question_id: int, payload: AnswerIn
) -> dict[str, Any]:
    """Focal points and governmental experts of the State under review, while a draft (403)."""
    q = access.access_questionnaire_by_id(request.user, questionnaire_id)
    answer = qservices.save_answer(request.user, q, question_id, **payload.dict())
    return {
        "question_id": answer.question_id,
        "number": answer.question.number,
        "question": answer.question.text,
        "response": answer.response,
        "explanation": answer.explanation,
        "examples": answer.examples,
        "assistance_needed": answer.assistance_needed,
        "references": answer.references,
    }


@router.post(
    "/questionnaires/{questionnaire_id}/submit", response=QuestionnaireSummary, auth=signed_in
)
def submit(request: HttpRequest, questionnaire_id: int) -> dict[str, Any]:
    """The focal point of the State under review (403 for others; 422 while answers lack)."""
    q = access.access_questionnaire_by_id(request.user, questionnaire_id)
    return _questionnaire_summary(qservices.submit_questionnaire(request.user, q))


@router.post(
    "/questionnaires/{questionnaire_id}/comments", response={201: CommentOut}, auth=signed_in
)
def post_comment(
    request: HttpRequest, questionnaire_id: int, payload: CommentIn
) -> Status[dict[str, Any]]:
    """Everyone in the review except observers (403)."""
    q = access.access_questionnaire_by_id(request.user, questionnaire_id)
    c = qservices.add_comment(request.user, q, payload.body, payload.question_id)
    return Status(
        201,
        {
            "id": c.pk,
            "question_id": c.question_id,
            "author": c.author.display_name,
            "acting_for": c.acting_for.iso3 if c.acting_for else None,
            "body": c.body,
            "created_at": c.created_at,
        },
    )


@router.post(
    "/questionnaires/{questionnaire_id}/observations",
    response={201: ObservationOut},
    auth=signed_in,
)
def post_observation(
    request: HttpRequest, questionnaire_id: int, payload: ObservationIn
) -> Status[dict[str, Any]]:
    """Experts of the reviewing States and the secretariat, after submission (403 otherwise)."""
    q = access.access_questionnaire_by_id(request.user, questionnaire_id)
    o = qservices.propose_observation(
        request.user, q, payload.kind, payload.text, payload.question_id
    )
    return Status(
        201,
        {
            "id": o.pk,
            "question_id": o.question_id,
            "kind": o.kind,
            "text": o.text,
            "state_reply": o.state_reply,
            "included": o.included,
        },
    )


@router.get("/cycles/{cycle_id}/draws", response=list[DrawOut], auth=signed_in)
def list_draws(request: HttpRequest, cycle_id: int) -> list[dict[str, Any]]:
    """The cycle's secretariat: every draw with seed, pool and result (404 for others)."""
    cycle = access.access_managed_cycle_by_id(request.user, cycle_id)
    return [
        {
            "id": d.pk,
            "kind": d.kind,
            "seed": d.seed,
            "candidate_pool": d.candidate_pool,
            "prior_loads": d.prior_loads,
            "excluded": d.excluded,
            "result": d.result,
            "reproduced": services.reproduce_draw(d),
        }
        for d in selectors.draws_of_cycle(cycle)
    ]


@router.post("/cycles/{cycle_id}/draws", response={201: DrawOut}, auth=signed_in)
def post_draw(request: HttpRequest, cycle_id: int, payload: DrawIn) -> Status[dict[str, Any]]:
    """The cycle's secretariat draws lots (404 for others; 422 naming each unmet constraint)."""
    cycle = access.access_managed_cycle_by_id(request.user, cycle_id)
    group = get_object_or_404(ReviewGroup, pk=payload.group_id, cycle=cycle)
    instrument = Instrument.objects.filter(
        code=payload.instrument, pk__in=cycle.instruments.all()
    ).first()
    if instrument is None:
        raise PermissionDenied("This instrument is not reviewed in this cycle.")
    d = services.draw_lots(request.user, group, instrument, payload.seed)
    return Status(
        201,
        {
            "id": d.pk,
            "kind": d.kind,
            "seed": d.seed,
            "candidate_pool": d.candidate_pool,
            "prior_loads": d.prior_loads,
            "excluded": d.excluded,
            "result": d.result,
            "reproduced": services.reproduce_draw(d),
        },
    )


class ProgressOut(Schema):
    review_id: int
    state: str
    instrument: str
    overall: str
    by_cluster: dict[str, str]


class NeedOut(Schema):
    cluster_number: int
    cluster: str
    region_code: str
    region: str
    needs: int


class DashboardOut(Schema):
    as_of: date
    progress: list[ProgressOut]
    overdue: list[dict[str, Any]]
    assistance_needs: list[NeedOut]


@router.get("/dashboard", response=DashboardOut, auth=signed_in)
def dashboard(request: HttpRequest) -> dict[str, Any]:
    """Signed in: progress, overdue items and technical-assistance needs of the caller's reviews."""
    reviews = access.visible_reviews(request.user)
    today = timezone.localdate()
    return {
        "as_of": today,
        "progress": [
            {
                "review_id": r.review.pk,
                "state": r.review.state.iso3,
                "instrument": r.review.instrument.code,
                "overall": r.overall,
                "by_cluster": {str(k): v for k, v in r.by_cluster.items()},
            }
            for r in selectors.progress_table(reviews)
        ],
        "overdue": [
            {
                "review_id": i.review.pk,
                "what": i.what,
                "due": i.due.isoformat(),
                "country": i.country.iso3 if i.country else None,
                "cluster": i.cluster_name,
            }
            for i in selectors.overdue_items(reviews, today)
        ],
        "assistance_needs": selectors.assistance_needs(reviews),
    }
