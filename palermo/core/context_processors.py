"""Values every page needs: text direction, the other languages, the user's roles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_bidi

from palermo.accounts import access


def palermo(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "current_language": get_language(),
        "ui_languages": settings.LANGUAGES,
        "demo_mode": settings.DEMO_MODE,
        "user_roles": access.role_names(user) if user is not None else [],
        "is_practitioner": access.is_verified_practitioner(user),
        "can_read_audit": access.can_read_audit_trail(user),
    }
