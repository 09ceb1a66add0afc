"""Sends anyone whose role needs a second factor to set one up before doing anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from palermo.accounts import access

# Paths a user without MFA may still reach: setting MFA up, signing out, static files.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/favicon")


class RequireMfaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and access.requires_mfa(user) and not self._exempt(request):
            if not access.has_mfa(user):
                if request.path.startswith("/api/"):
                    return HttpResponse(
                        '{"error": {"code": "mfa_required", "message": '
                        '"Set up two-factor authentication before using this role."}}',
                        status=403,
                        content_type="application/json",
                    )
                return redirect(reverse("accounts:mfa-required"))
        return self.get_response(request)

    @staticmethod
    def _exempt(request: HttpRequest) -> bool:
        path = request.path
        # Language-prefixed paths: /fr/accounts/... count as /accounts/...
        parts = path.split("/", 2)
        if len(parts) > 2 and len(parts[1]) in (2, 7) and parts[1].islower():
            path = "/" + parts[2]
        return path.startswith(ALLOWED_PREFIXES) or getattr(request, "auth_via_token", False)
