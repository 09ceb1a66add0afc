"""Authentication for the API: bearer tokens and the browser session (CSRF-checked)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from palermo.accounts.tokens import request_user, user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
            request.auth_via_token = True  # type: ignore[attr-defined]
        return user


class SessionAuth(APIKeyCookie):
    """The browser's session; CSRF is checked for unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


signed_in = [TokenAuth(), SessionAuth()]


def optional_user(request: HttpRequest) -> Any:
    """For public endpoints that show more to signed-in callers: the caller, or anonymous."""
    return request_user(request)
