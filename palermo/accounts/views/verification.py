"""Deciding who is a verified practitioner: the queue and the decision page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from palermo.accounts import access, selectors, services
from palermo.accounts.forms import VerificationDecisionForm
from palermo.accounts.models import VerificationRequest
from palermo.accounts.views.common import acting_user, posted


@access.require(access.can_verify_practitioners)
def verification_queue(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    return render(
        request,
        "accounts/verification_queue.html",
        {
            "pending": selectors.verification_queue(user),
            "decided": selectors.recent_decisions(user),
        },
    )


@access.require(access.can_verify_practitioners)
def verification_decide(request: HttpRequest, verification_id: int) -> HttpResponse:
    user = acting_user(request)
    verification = access.access_verification_request_by_id(user, verification_id)
    is_pending = verification.status == VerificationRequest.Status.PENDING
    form = VerificationDecisionForm(posted(request) if is_pending else None)
    if request.method == "POST" and is_pending and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.decide_verification(
                user,
                verification,
                approve=approve,
                reason=form.cleaned_data["reason"],
                site_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            name = verification.user.display_name
            if approve:
                messages.success(
                    request, _("%(name)s is now a verified practitioner.") % {"name": name}
                )
            else:
                messages.success(
                    request, _("The request of %(name)s is rejected.") % {"name": name}
                )
            return redirect("accounts:verification-queue")
    return render(
        request,
        "accounts/verification_decide.html",
        {"verification": verification, "form": form, "is_pending": is_pending},
    )
