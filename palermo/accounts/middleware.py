"""Sends anyone whose role needs a second factor to set one up before doing anything else.

Only the pages needed to sign in and out, verify an e-mail address, reset a forgotten password
and set up a second factor stay open; everything else (the audit trail, member management, API
tokens, every app's pages) waits until the user has an authenticator. API calls get a 403 error
in the API's JSON format instead of a redirect.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from palermo.accounts import access

# URL names (allauth's, and Palermo's own) that a user without a second factor may still reach.
MFA_SETUP_VIEWS = frozenset(
    {
        # signing in and out
        "account_login",
        "account_logout",
        "account_inactive",
        "account_confirm_login_code",
        "mfa_authenticate",
        # re-entering the password, which allauth asks for before adding a second factor
        "account_reauthenticate",
        "account_request_reauthentication_code",
        "account_confirm_reauthentication_code",
        "mfa_reauthenticate",
        "mfa_reauthenticate_webauthn",
        # verifying an e-mail address
        "account_email_verification_sent",
        "account_confirm_email",
        # resetting a forgotten password
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        # setting up a second factor
        "accounts:mfa-required",
        "mfa_index",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_list_webauthn",
        "mfa_add_webauthn",
        # choosing the interface language, and the health check
        "set_language",
        "javascript-catalog",
        "health",
    }
)
STATIC_PREFIXES = ("/static/", "/favicon")


class RequireMfaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and access.requires_mfa(user)
            and not access.has_mfa(user)
            and not self.exempt(request)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "error": {
                            "code": "mfa_required",
                            "message": "Set up two-factor authentication before using this role.",
                            "details": [],
                        }
                    },
                    status=403,
                )
            return redirect(reverse("accounts:mfa-required"))
        return self.get_response(request)

    @staticmethod
    def exempt(request: HttpRequest) -> bool:
        if request.path.startswith(STATIC_PREFIXES):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in MFA_SETUP_VIEWS
