"""The review workspace: answering a questionnaire, comments, observations, consolidation and
the list of observations as PDF or DOCX."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.review import access, selectors
from palermo.review import services_questionnaire as services
from palermo.review.documents import FORMATS, generate_observations
from palermo.review.forms import (
    AnswerForm,
    CommentForm,
    ConsolidationForm,
    ObservationForm,
    ReplyForm,
    format_references,
)
from palermo.review.links import reference_links
from palermo.review.models import Answer, Observation, Questionnaire
from palermo.review.views import apply_errors, signed_in

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _workspace(request: HttpRequest, questionnaire: Questionnaire, **bound: Any) -> dict[str, Any]:
    user = request.user
    items = []
    comments = list(questionnaire.comments.select_related("author", "acting_for"))
    observations = list(questionnaire.observations.select_related("proposed_by", "proposed_for"))
    for question, answer in selectors.questions_with_answers(questionnaire):
        items.append(
            {
                "question": question,
                "answer": answer,
                "links": reference_links(answer.references) if answer else [],
                "comments": [c for c in comments if c.question_id == question.pk],
                "observations": [o for o in observations if o.question_id == question.pk],
            }
        )
    return {
        "questionnaire": questionnaire,
        "review": questionnaire.review,
        "items": items,
        "general_comments": [c for c in comments if c.question_id is None],
        "general_observations": [o for o in observations if o.question_id is None],
        "can_answer": access.can_answer(user, questionnaire),
        "can_submit": access.can_submit(user, questionnaire),
        "can_comment": access.can_comment(user, questionnaire),
        "can_observe": access.can_propose_observation(user, questionnaire),
        "can_reply": access.can_reply_to_observations(user, questionnaire),
        "can_consolidate": access.can_consolidate(user, questionnaire),
        "comment_form": bound.get("comment_form") or CommentForm(),
        "observation_form": bound.get("observation_form") or ObservationForm(),
        "bound_question": bound.get("question_id"),
        "submit_errors": bound.get("submit_errors", []),
        "languages": settings.LANGUAGES,
        "formats": FORMATS,
        "observation_kinds": Observation.Kind.choices,
    }


@signed_in
def questionnaire_detail(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """Anyone holding a role in the review or its cycle's secretariat (observers read only)."""
    questionnaire = access.access_questionnaire_by_id(request.user, questionnaire_id)
    return render(request, "review/questionnaire.html", _workspace(request, questionnaire))


@signed_in
def answer_edit(request: HttpRequest, questionnaire_id: int, question_id: int) -> HttpResponse:
    """Focal points and experts of the State under review, while the answers are a draft."""
    questionnaire = access.access_questionnaire_by_id(request.user, questionnaire_id)
    if not access.can_answer(request.user, questionnaire):
        raise PermissionDenied
    question = next(
        (q for q, _a in selectors.questions_with_answers(questionnaire) if q.pk == question_id),
        None,
    )
    if question is None:
        raise Http404
    answer = Answer.objects.filter(questionnaire=questionnaire, question=question).first()
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.save_answer(request.user, questionnaire, question.pk, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Answer to question %(number)s saved as a draft.")
                    % {"number": question.number},
                )
                return redirect(f"{questionnaire_url(questionnaire)}#question-{question.number}")
    else:
        initial = {}
        if answer is not None:
            initial = {
                "response": answer.response,
                "explanation": answer.explanation,
                "examples": answer.examples,
                "assistance_needed": answer.assistance_needed,
                "references": format_references(answer.references),
            }
        form = AnswerForm(initial=initial)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "review/answer_form.html",
        {
            "questionnaire": questionnaire,
            "review": questionnaire.review,
            "question": question,
            "form": form,
            "answer": answer,
        },
        status=status,
    )


def questionnaire_url(questionnaire: Questionnaire) -> str:
    from django.urls import reverse

    return reverse("review:questionnaire", kwargs={"questionnaire_id": questionnaire.pk})


@signed_in
@require_POST
def questionnaire_submit(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """The focal point of the State under review."""
    questionnaire = access.access_questionnaire_by_id(request.user, questionnaire_id)
    try:
        services.submit_questionnaire(request.user, questionnaire)
    except ValidationError as error:
        context = _workspace(request, questionnaire, submit_errors=error.messages)
        return render(request, "review/questionnaire.html", context, status=400)
    messages.success(request, _("The answers are now with the reviewing States."))
    return redirect(questionnaire_url(questionnaire))


@signed_in
@require_POST
def comment_add(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """Everyone in the review except observers."""
    questionnaire = access.access_questionnaire_by_id(request.user, questionnaire_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(
                request.user,
                questionnaire,
                form.cleaned_data["body"],
                form.cleaned_data["question"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Comment added."))
            return redirect(questionnaire_url(questionnaire))
    context = _workspace(
        request, questionnaire, comment_form=form, question_id=form.data.get("question")
    )
    return render(request, "review/questionnaire.html", context, status=400)


@signed_in
@require_POST
def observation_add(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """Experts of the reviewing States and the secretariat, once the answers are submitted."""
    questionnaire = access.access_questionnaire_by_id(request.user, questionnaire_id)
    form = ObservationForm(request.POST)
    if form.is_valid():
        try:
            services.propose_observation(
                request.user,
                questionnaire,
                form.cleaned_data["kind"],
                form.cleaned_data["text"],
                form.cleaned_data["question"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Observation proposed."))
            return redirect(questionnaire_url(questionnaire))
    context = _workspace(
        request, questionnaire, observation_form=form, question_id=form.data.get("question")
    )
    return render(request, "review/questionnaire.html", context, status=400)


@signed_in
def observation_reply(request: HttpRequest, observation_id: int) -> HttpResponse:
    """The State under review replies to a proposed observation."""
    observation = Observation.objects.filter(pk=observation_id).first()
    if observation is None:
        raise Http404
    questionnaire = access.access_questionnaire_by_id(request.user, observation.questionnaire_id)
    if not access.can_reply_to_observations(request.user, questionnaire):
        raise PermissionDenied
    form = ReplyForm(request.POST or None, initial={"reply": observation.state_reply})
    if request.method == "POST" and form.is_valid():
        services.reply_to_observation(request.user, observation, form.cleaned_data["reply"])
        messages.success(request, _("Reply saved."))
        return redirect(questionnaire_url(questionnaire))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "review/reply_form.html",
        {
            "observation": observation,
            "questionnaire": questionnaire,
            "review": questionnaire.review,
            "form": form,
        },
        status=status,
    )


@signed_in
def consolidate(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    """The cycle's secretariat: the summary, the observations on the list, and completion."""
    questionnaire = access.access_questionnaire_by_id(request.user, questionnaire_id)
    if not access.can_consolidate(request.user, questionnaire):
        raise PermissionDenied
    observations = list(questionnaire.observations.select_related("question"))
    initial = {
        "summary": questionnaire.summary,
        "included": [str(o.pk) for o in observations if o.included],
    }
    form = ConsolidationForm(request.POST or None, initial=initial, observations=observations)
    if request.method == "POST" and form.is_valid():
        included = {int(pk) for pk in form.cleaned_data["included"]}
        try:
            services.consolidate(
                request.user, questionnaire, form.cleaned_data["summary"], included
            )
            if "complete" in request.POST:
                services.complete_questionnaire(request.user, questionnaire)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if "complete" in request.POST:
                messages.success(
                    request, _("The list of observations and the summary are adopted.")
                )
            else:
                messages.success(request, _("List of observations and summary saved."))
            return redirect(questionnaire_url(questionnaire))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "review/consolidate.html",
        {"questionnaire": questionnaire, "review": questionnaire.review, "form": form},
        status=status,
    )


@signed_in
def observations_document(request: HttpRequest, questionnaire_id: int, fmt: str) -> HttpResponse:
    """The list of observations and summary as PDF or DOCX (?lang=ar|zh-hans|en|fr|ru|es);
    anyone who may read the questionnaire."""
    questionnaire = access.access_questionnaire_by_id(request.user, questionnaire_id)
    language = request.GET.get("lang") or get_language() or "en"
    if fmt not in FORMATS or language not in dict(settings.LANGUAGES):
        raise Http404
    content = generate_observations(request.user, questionnaire, fmt, language)
    response = HttpResponse(content, content_type=MEDIA_TYPES[fmt])
    name = (
        f"observations-{questionnaire.review.state.iso3}-{questionnaire.review.instrument.code}-"
        f"cluster{questionnaire.cluster.number}-{language}.{fmt}"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
