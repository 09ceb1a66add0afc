"""The account page (profile, roles, verification status), the MFA requirement, and asking to be
verified as a practitioner."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from palermo.accounts import access, selectors, services
from palermo.accounts.forms import ProfileForm, VerificationRequestForm
from palermo.accounts.views.common import acting_user, posted


@access.require(access.is_signed_in)
def profile(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = ProfileForm(posted(request), initial=ProfileForm.initial_for(user))
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["preferred_language"]
        services.update_profile(user, user, **form.cleaned_data)
        with translation.override(language):
            messages.success(request, _("Your details are saved."))
            target = reverse("accounts:profile")
        response = redirect(target)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "memberships": access.memberships(user),
            "roles": selectors.role_labels(user),
            "has_mfa": access.has_mfa(user),
            "requires_mfa": access.requires_mfa(user),
            "verified": access.is_verified_practitioner(user),
            "verification": selectors.latest_verification_request(user),
            "can_request_verification": access.can_request_verification(user),
            "can_verify": access.can_verify_practitioners(user),
            "pending_count": (
                selectors.verification_queue(user).count()
                if access.can_verify_practitioners(user)
                else 0
            ),
            "can_manage_members": access.can_manage_some_members(user),
            "can_grant_roles": access.can_grant_roles(user),
            "can_read_audit": access.can_read_audit_trail(user),
        },
    )


@access.require(access.is_signed_in)
def mfa_required(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/mfa_required.html")


@access.require(access.is_signed_in)
def request_verification(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if not access.can_request_verification(user):
        messages.info(request, _("Your account is already verified."))
        return redirect("accounts:profile")
    pending = selectors.latest_verification_request(user)
    if pending is not None and pending.status == pending.Status.PENDING:
        messages.info(request, _("You have already asked; your request is waiting for a decision."))
        return redirect("accounts:profile")
    initial = {"position": user.position, "country": user.country_id}
    form = VerificationRequestForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_verification(user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your request is sent. You will receive an e-mail when it has been decided."),
            )
            return redirect("accounts:profile")
    return render(request, "accounts/verification_request.html", {"form": form})
