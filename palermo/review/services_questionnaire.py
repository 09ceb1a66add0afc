"""Writes on questionnaires: answers, comments, observations, consolidation, and the versioned
templates the secretariat edits."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from palermo.core.audit import record_event
from palermo.reference.models import Instrument
from palermo.review import access
from palermo.review.deadlines import add_months
from palermo.review.models import (
    Answer,
    Cluster,
    Comment,
    Observation,
    Question,
    Questionnaire,
    QuestionnaireTemplate,
)

REFERENCE_KINDS = ("legislation", "caselaw", "treaty", "strategy", "bibliography")


def clean_references(references: list[dict[str, str]]) -> list[dict[str, str]]:
    """Knowledge-base records cited in an answer: {"kind", "id"} or {"url"}; nothing else."""
    cleaned: list[dict[str, str]] = []
    for ref in references:
        if ref.get("url"):
            url = str(ref["url"]).strip()
            if not url.startswith(("https://", "http://", "/")):
                raise ValidationError(
                    {"references": _("A link must start with https://, http:// or /.")}
                )
            cleaned.append({"url": url[:500]})
        elif ref.get("kind") and ref.get("id"):
            if ref["kind"] not in REFERENCE_KINDS or not str(ref["id"]).isdigit():
                raise ValidationError(
                    {
                        "references": _(
                            "Cite a knowledge-base record as kind:number, e.g. legislation:12."
                        )
                    }
                )
            cleaned.append({"kind": str(ref["kind"]), "id": str(ref["id"])})
    return cleaned


def _question_of(questionnaire: Questionnaire, question_id: int | None) -> Question | None:
    if question_id is None:
        return None
    question = Question.objects.filter(
        pk=question_id, template_id=questionnaire.template_id
    ).first()
    if question is None:
        raise ValidationError({"question": _("This question is not in this questionnaire.")})
    return question


@transaction.atomic
def save_answer(
    user: Any,
    questionnaire: Questionnaire,
    question_id: int,
    *,
    response: str,
    explanation: str = "",
    examples: str = "",
    assistance_needed: str = "",
    references: list[dict[str, str]] | None = None,
) -> Answer:
    """Save a draft answer; focal points and experts of the State edit the same answers."""
    if not access.can_answer(user, questionnaire):
        raise PermissionDenied
    question = _question_of(questionnaire, question_id)
    if response not in Answer.Response.values and response != "":
        raise ValidationError({"response": _("Answer yes, partly or no.")})
    answer, _created = Answer.objects.get_or_create(questionnaire=questionnaire, question=question)
    before = {
        f: getattr(answer, f) for f in ("response", "explanation", "examples", "assistance_needed")
    }
    answer.response = response
    answer.explanation = explanation
    answer.examples = examples
    answer.assistance_needed = assistance_needed
    answer.references = clean_references(references or [])
    answer.updated_by = user
    answer.save()
    after = {f: getattr(answer, f) for f in before}
    record_event(
        user,
        "review.answer_saved",
        answer,
        changes={k: [before[k], after[k]] for k in before if before[k] != after[k]},
    )
    return answer


@transaction.atomic
def submit_questionnaire(user: Any, questionnaire: Questionnaire) -> Questionnaire:
    """The focal point hands the answers to the reviewers; every question needs an answer."""
    if not access.can_submit(user, questionnaire):
        raise PermissionDenied
    total = Question.objects.filter(template_id=questionnaire.template_id).count()
    answered = questionnaire.answers.exclude(response="").count()
    if questionnaire.template_id is None or answered < total:
        raise ValidationError(
            _("%(missing)d of %(total)d questions have no answer yet.")
            % {"missing": total - answered, "total": total}
        )
    questionnaire.submit()
    questionnaire.submitted_at = timezone.now()
    questionnaire.feedback_due = add_months(
        timezone.localdate(), questionnaire.review.cycle.feedback_months
    )
    questionnaire.save()
    record_event(user, "review.questionnaire_submitted", questionnaire)
    return questionnaire


@transaction.atomic
def add_comment(
    user: Any, questionnaire: Questionnaire, body: str, question_id: int | None = None
) -> Comment:
    if not access.can_comment(user, questionnaire):
        raise PermissionDenied
    if not body.strip():
        raise ValidationError({"body": _("Write the comment first.")})
    question = _question_of(questionnaire, question_id)
    comment = Comment.objects.create(
        questionnaire=questionnaire,
        question=question,
        author=user,
        body=body.strip(),
        acting_for_id=access.standing(user, questionnaire.review).acting_for(),
    )
    record_event(user, "review.comment_added", comment)
    return comment


@transaction.atomic
def propose_observation(
    user: Any, questionnaire: Questionnaire, kind: str, text: str, question_id: int | None = None
) -> Observation:
    """Reviewing States' experts propose good practices, challenges, recommendations, needs."""
    if not access.can_propose_observation(user, questionnaire):
        raise PermissionDenied
    if kind not in Observation.Kind.values:
        raise ValidationError({"kind": _("Choose the kind of observation.")})
    if not text.strip():
        raise ValidationError({"text": _("Write the observation first.")})
    observation = Observation.objects.create(
        questionnaire=questionnaire,
        question=_question_of(questionnaire, question_id),
        kind=kind,
        text=text.strip(),
        proposed_by=user,
        proposed_for_id=access.standing(user, questionnaire.review).acting_for(),
    )
    record_event(user, "review.observation_proposed", observation)
    return observation


@transaction.atomic
def reply_to_observation(user: Any, observation: Observation, reply: str) -> Observation:
    if not access.can_reply_to_observations(user, observation.questionnaire):
        raise PermissionDenied
    before = observation.state_reply
    observation.state_reply = reply.strip()
    observation.save(update_fields=["state_reply"])
    record_event(
        user,
        "review.observation_replied",
        observation,
        changes={"state_reply": [before, observation.state_reply]},
    )
    return observation


@transaction.atomic
def consolidate(
    user: Any, questionnaire: Questionnaire, summary: str, included_ids: set[int]
) -> Questionnaire:
    """The secretariat writes the summary and chooses the observations on the list."""
    if not access.can_consolidate(user, questionnaire):
        raise PermissionDenied
    before = questionnaire.summary
    questionnaire.summary = summary.strip()
    questionnaire.save(update_fields=["summary"])
    for observation in questionnaire.observations.all():
        wanted = observation.pk in included_ids
        if observation.included != wanted:
            observation.included = wanted
            observation.save(update_fields=["included"])
    record_event(
        user,
        "review.consolidated",
        questionnaire,
        changes={"summary": [before, questionnaire.summary]},
    )
    return questionnaire


@transaction.atomic
def complete_questionnaire(user: Any, questionnaire: Questionnaire) -> Questionnaire:
    if not access.can_consolidate(user, questionnaire) or not can_proceed(questionnaire.complete):
        raise PermissionDenied
    if not questionnaire.summary.strip():
        raise ValidationError(
            {"summary": _("Write the summary before completing the review of this cluster.")}
        )
    questionnaire.complete()
    questionnaire.completed_at = timezone.now()
    questionnaire.save()
    record_event(user, "review.questionnaire_completed", questionnaire)
    return questionnaire


@transaction.atomic
def reopen_questionnaire(user: Any, questionnaire: Questionnaire, reason: str) -> Questionnaire:
    if not access.can_consolidate(user, questionnaire):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the answers go back to the State.")})
    questionnaire.reopen()
    questionnaire.save()
    record_event(
        user,
        "review.questionnaire_reopened",
        questionnaire,
        changes={"reason": [None, reason.strip()]},
    )
    return questionnaire


# Templates: each edit happens on a draft version; publishing makes it the one new
# questionnaires use, and moves over the drafts that have no answer yet.


@transaction.atomic
def start_template_version(
    user: Any, cluster: Cluster, instrument: Instrument
) -> QuestionnaireTemplate:
    """A new draft version, copying the questions of the latest version."""
    if not access.can_edit_templates(user):
        raise PermissionDenied
    existing = QuestionnaireTemplate.objects.filter(cluster=cluster, instrument=instrument)
    draft = existing.filter(published_at__isnull=True).first()
    if draft is not None:
        return draft
    latest = existing.order_by("-version").first()
    version = (existing.aggregate(v=Max("version"))["v"] or 0) + 1
    template = QuestionnaireTemplate.objects.create(
        cluster=cluster, instrument=instrument, version=version, created_by=user
    )
    if latest is not None:
        for question in latest.questions.all():
            Question.objects.create(
                template=template,
                number=question.number,
                articles=question.articles,
                text=question.text,
                guidance=question.guidance,
            )
    record_event(user, "review.template_version_started", template)
    return template


@transaction.atomic
def save_question(
    user: Any,
    template: QuestionnaireTemplate,
    number: int,
    text: str,
    guidance: str = "",
    articles: str = "",
) -> Question:
    if not access.can_edit_templates(user):
        raise PermissionDenied
    if template.published_at is not None:
        raise ValidationError(_("A published version cannot change; start a new version."))
    if not text.strip():
        raise ValidationError({"text": _("Write the question.")})
    question, _created = Question.objects.update_or_create(
        template=template,
        number=number,
        defaults={"text": text.strip(), "guidance": guidance.strip(), "articles": articles.strip()},
    )
    record_event(user, "review.question_saved", template, changes={"question": [None, number]})
    return question


@transaction.atomic
def remove_question(user: Any, question: Question) -> None:
    if not access.can_edit_templates(user) or question.template.published_at is not None:
        raise PermissionDenied
    record_event(
        user,
        "review.question_removed",
        question.template,
        changes={"question": [question.number, None]},
    )
    question.delete()


@transaction.atomic
def publish_template(user: Any, template: QuestionnaireTemplate) -> QuestionnaireTemplate:
    if not access.can_edit_templates(user):
        raise PermissionDenied
    if template.published_at is not None:
        raise ValidationError(_("This version is published already."))
    if not template.questions.exists():
        raise ValidationError(_("A questionnaire needs at least one question."))
    template.published_at = timezone.now()
    template.save(update_fields=["published_at"])
    Questionnaire.objects.filter(
        cluster=template.cluster,
        review__instrument=template.instrument,
        status=Questionnaire.Status.DRAFT,
        answers__isnull=True,
    ).update(template=template)
    record_event(user, "review.template_published", template)
    return template
