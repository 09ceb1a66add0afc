"""API bearer tokens: issue, look up, revoke. Only a SHA-256 hash of each token is stored."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from palermo.accounts import access
from palermo.accounts.models import ApiToken, User
from palermo.core.audit import record_event

TOKEN_PREFIX = "plm_"  # noqa: S105 (a public prefix, not a secret)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; the clear text is returned once and never stored."""
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], token_hash=_hash(clear), prefix=clear[4:12]
    )
    record_event(user, "api_token.issued", token)
    return token, clear


@transaction.atomic
def revoke_token(user: User, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_event(user, "api_token.revoked", token)


def user_for_token(clear: str) -> User | None:
    if not clear.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=_hash(clear), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    # A privileged role whose second factor was removed loses API access with it.
    if access.requires_mfa(token.user) and not access.has_mfa(token.user):
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def request_user(request: HttpRequest) -> Any:
    """The caller of an API endpoint: bearer token first, then the session, else anonymous."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_token(header[7:].strip())
        if user is not None:
            return user
        return AnonymousUser()
    user = getattr(request, "user", None)
    return user if user is not None else AnonymousUser()
