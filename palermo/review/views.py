"""Pages of the review app: the start page, cycles and the drawing of lots, one review.

Questionnaire pages are in views_questionnaire.py, the dashboard in views_dashboard.py, the
template editor in views_templates.py. Every page fetches through palermo.review.access.
"""

from __future__ import annotations

import csv
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access as accounts_access
from palermo.accounts.models import User
from palermo.reference.models import Instrument
from palermo.review import access, selectors, services
from palermo.review.forms import DrawForm, RedrawForm, RoleForm
from palermo.review.models import ClusterArticle, Draw, ReviewRole

signed_in = accounts_access.require(accounts_access.is_signed_in)


def apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, by field where the form has that field."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@accounts_access.public
def index(request: HttpRequest) -> HttpResponse:
    """Everyone: what the mechanism is; signed-in users: the cycles and reviews they work in."""
    reviews = (
        access.visible_reviews(request.user)
        .select_related(
            "state", "instrument", "cycle", "same_group_reviewer", "other_group_reviewer"
        )
        .order_by("cycle__name", "state__name")
    )
    cycles = access.visible_cycles(request.user)
    return render(
        request,
        "review/index.html",
        {
            "reviews": reviews,
            "cycles": cycles,
            "can_edit_templates": access.can_edit_templates(request.user),
        },
    )


def _cycle_context(
    request: HttpRequest, cycle: Any, draw_form: DrawForm | None = None
) -> dict[str, Any]:
    reviews = selectors.reviews_of_cycle(cycle, access.visible_reviews(request.user))
    secretariat = access.is_secretariat_of(request.user, cycle)
    articles: dict[int, list[ClusterArticle]] = {}
    for article in ClusterArticle.objects.filter(
        cluster__in=[p.cluster_id for p in cycle.phases.all()]
    ):
        articles.setdefault(article.cluster_id, []).append(article)
    draws = list(selectors.draws_of_cycle(cycle)) if secretariat else []
    return {
        "cycle": cycle,
        "phases": [
            (p, articles.get(p.cluster_id, [])) for p in cycle.phases.select_related("cluster")
        ],
        "groups": cycle.groups.all(),
        "reviews": reviews,
        "secretariat": secretariat,
        "draws": [(d, services.reproduce_draw(d)) for d in draws],
        "draw_form": draw_form or (DrawForm(cycle=cycle) if secretariat else None),
        "place_form": _place_form(cycle) if secretariat else None,
        "instruments": cycle.instruments.all(),
    }


def _place_form(cycle: Any) -> forms.Form:
    from palermo.review.views_setup import PlaceForm

    return PlaceForm(cycle=cycle)


@signed_in
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """Anyone with a role in the cycle; the draw form and draw records for its secretariat."""
    cycle = access.access_cycle_by_id(request.user, cycle_id)
    return render(request, "review/cycle.html", _cycle_context(request, cycle))


@signed_in
@require_POST
def cycle_draw(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """The cycle's secretariat draws lots for a group and an instrument."""
    cycle = access.access_managed_cycle_by_id(request.user, cycle_id)
    form = DrawForm(request.POST, cycle=cycle)
    if form.is_valid():
        instrument = Instrument.objects.get(pk=form.cleaned_data["instrument"])
        try:
            draw = services.draw_lots(
                request.user, form.cleaned_data["group"], instrument, form.cleaned_data["seed"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Lots drawn for %(count)d reviews (seed %(seed)s).")
                % {"count": len(draw.result), "seed": draw.seed},
            )
            return redirect("review:cycle", cycle_id=cycle.pk)
    return render(request, "review/cycle.html", _cycle_context(request, cycle, form), status=400)


@signed_in
def cycle_draw_csv(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """The results of the draw as CSV: the reviews the user may see in the cycle."""
    cycle = access.access_cycle_by_id(request.user, cycle_id)
    reviews = selectors.reviews_of_cycle(cycle, access.visible_reviews(request.user))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="draw-cycle-{cycle.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Review group"),
            _("State under review"),
            _("ISO code"),
            _("Instrument"),
            _("Reviewer from the same regional group"),
            _("Reviewer from another regional group"),
            _("Seed"),
            _("Drawn on"),
            _("Redraw reason"),
        ]
    )
    for review in reviews:
        writer.writerow(
            [
                review.group.name,
                review.state.name,
                review.state.iso3,
                review.instrument.short_name,
                review.same_group_reviewer.iso3 if review.same_group_reviewer else "",
                review.other_group_reviewer.iso3 if review.other_group_reviewer else "",
                review.draw.seed if review.draw else "",
                review.drawn_on or "",
                review.redraw_reason,
            ]
        )
    return response


def _review_context(request: HttpRequest, review: Any, **forms_: Any) -> dict[str, Any]:
    standing = access.standing(request.user, review)
    countries = [
        c for c in (review.state, review.same_group_reviewer, review.other_group_reviewer) if c
    ]
    can_roles = access.can_manage_roles(request.user, review)
    can_redraw = access.can_request_redraw(request.user, review)
    questionnaires = review.questionnaires.select_related("cluster", "template").order_by(
        "cluster__number"
    )
    return {
        "review": review,
        "standing": standing,
        "questionnaires": questionnaires,
        "roles": selectors.roles_of_review(review),
        "role_form": forms_.get("role_form")
        or (RoleForm(countries=countries) if can_roles else None),
        "redraw_form": forms_.get("redraw_form") or (RedrawForm() if can_redraw else None),
        "redraws": Draw.objects.filter(reviews=review, kind=Draw.Kind.REDRAW),
    }


@signed_in
def review_detail(request: HttpRequest, review_id: int) -> HttpResponse:
    """Anyone holding a role in the review or its cycle's secretariat."""
    review = access.access_review_by_id(request.user, review_id)
    return render(request, "review/review.html", _review_context(request, review))


@signed_in
@require_POST
def review_redraw(request: HttpRequest, review_id: int) -> HttpResponse:
    """The focal point of the State under review asks once, with a reason, for a redraw."""
    review = access.access_review_by_id(request.user, review_id)
    form = RedrawForm(request.POST)
    if form.is_valid():
        try:
            services.request_redraw(request.user, review, form.cleaned_data["reason"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("New reviewing States have been drawn."))
            return redirect("review:review", review_id=review.pk)
    context = _review_context(request, review, redraw_form=form)
    return render(request, "review/review.html", context, status=400)


@signed_in
@require_POST
def review_grant_role(request: HttpRequest, review_id: int) -> HttpResponse:
    """The cycle's secretariat names focal points, experts and observers."""
    review = access.access_review_by_id(request.user, review_id)
    countries = [
        c for c in (review.state, review.same_group_reviewer, review.other_group_reviewer) if c
    ]
    form = RoleForm(request.POST, countries=countries)
    if form.is_valid():
        member = User.objects.filter(
            email__iexact=form.cleaned_data["email"], is_active=True
        ).first()
        if member is None:
            form.add_error("email", _("Nobody with this e-mail address has an account."))
        else:
            try:
                services.grant_review_role(
                    request.user,
                    review,
                    member,
                    form.cleaned_data["role"],
                    form.cleaned_data["country"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Role granted."))
                return redirect("review:review", review_id=review.pk)
    return render(
        request, "review/review.html", _review_context(request, review, role_form=form), status=400
    )


@signed_in
@require_POST
def review_revoke_role(request: HttpRequest, review_id: int, role_id: int) -> HttpResponse:
    """The cycle's secretariat withdraws a role in the review."""
    review = access.access_review_by_id(request.user, review_id)
    role = ReviewRole.objects.filter(pk=role_id, review=review).first()
    if role is None or not access.can_manage_roles(request.user, review):
        from django.http import Http404

        raise Http404
    services.revoke_review_role(request.user, role)
    messages.success(request, _("Role withdrawn."))
    return redirect("review:review", review_id=review.pk)
