"""The secretariat edits the questionnaire templates; each change is made on a new version."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts.access import require
from palermo.reference.models import Instrument
from palermo.review import access
from palermo.review import services_questionnaire as services
from palermo.review.forms import QuestionForm
from palermo.review.models import Cluster, Question, QuestionnaireTemplate
from palermo.review.views import apply_errors

secretariat_only = require(access.can_edit_templates)


@secretariat_only
def template_list(request: HttpRequest) -> HttpResponse:
    """Members of the secretariat of any cycle."""
    templates = QuestionnaireTemplate.objects.select_related("cluster", "instrument").order_by(
        "cluster__number", "instrument__sort_order", "-version"
    )
    return render(
        request,
        "review/templates.html",
        {
            "templates": templates,
            "clusters": Cluster.objects.all(),
            "instruments": Instrument.objects.all(),
        },
    )


@secretariat_only
@require_POST
def template_start(request: HttpRequest) -> HttpResponse:
    """Members of the secretariat: a new draft version for a cluster and instrument."""
    cluster = get_object_or_404(Cluster, pk=request.POST.get("cluster") or 0)
    instrument = get_object_or_404(Instrument, pk=request.POST.get("instrument") or 0)
    template = services.start_template_version(request.user, cluster, instrument)
    return redirect("review:template", template_id=template.pk)


@secretariat_only
def template_edit(request: HttpRequest, template_id: int) -> HttpResponse:
    """Members of the secretariat: add or change questions of a draft version."""
    template = access.access_template_by_id(request.user, template_id)
    next_number = (
        template.questions.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    form = QuestionForm(request.POST or None, initial={"number": next_number})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_question(request.user, template, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Question saved."))
            return redirect("review:template", template_id=template.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "review/template_edit.html",
        {"template": template, "questions": template.questions.all(), "form": form},
        status=status,
    )


@secretariat_only
@require_POST
def template_publish(request: HttpRequest, template_id: int) -> HttpResponse:
    """Members of the secretariat: the version becomes the one new questionnaires use."""
    template = access.access_template_by_id(request.user, template_id)
    try:
        services.publish_template(request.user, template)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Version %(version)d published.") % {"version": template.version}
        )
    return redirect("review:template", template_id=template.pk)


@secretariat_only
@require_POST
def question_remove(request: HttpRequest, template_id: int, question_id: int) -> HttpResponse:
    """Members of the secretariat, on a draft version only."""
    template = access.access_template_by_id(request.user, template_id)
    question = Question.objects.filter(pk=question_id, template=template).first()
    if question is None:
        raise Http404
    try:
        services.remove_question(request.user, question)
    except PermissionDenied:
        messages.error(request, _("A published version cannot change; start a new version."))
    return redirect("review:template", template_id=template.pk)
