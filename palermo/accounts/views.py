"""Account pages beyond what allauth provides: profile, MFA requirement."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from palermo.accounts import access


@access.require(access.is_signed_in)
def profile(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/profile.html",
        {
            "memberships": access.memberships(request.user),
            "roles": access.role_names(request.user),
            "has_mfa": access.has_mfa(request.user),
            "requires_mfa": access.requires_mfa(request.user),
        },
    )


@access.require(access.is_signed_in)
def mfa_required(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/mfa_required.html")
