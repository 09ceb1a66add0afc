"""Login throttling (django-axes) with allauth's sign-in form.

allauth authenticates with `email=` (not the form's `login` field), so axes' default lookup of
AXES_USERNAME_FORM_FIELD in the credentials finds nothing and would count every failure from an
address against one anonymous "user". This tells axes who was meant.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def login_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str | None:
    """The e-mail address a sign-in attempt was for, lower-cased, or None."""
    candidates: list[Any] = []
    if credentials:
        candidates += [credentials.get("email"), credentials.get("username")]
        candidates.append(credentials.get(settings.AXES_USERNAME_FORM_FIELD))
    data = getattr(request, "POST", None)
    if data is not None:
        candidates.append(data.get(settings.AXES_USERNAME_FORM_FIELD))
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip().lower()
    return None
