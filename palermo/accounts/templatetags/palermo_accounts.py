"""Template tags of the accounts pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def demo_accounts() -> dict[str, Any]:
    """The demo accounts for the sign-in page of a demo instance (empty elsewhere)."""
    if not settings.DEMO_MODE:
        return {"accounts": []}
    from palermo.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, demo_role
    from palermo.accounts.selectors import ROLE_LABELS

    accounts = [
        {
            "email": email,
            "full_name": full_name,
            "role": str(ROLE_LABELS.get(demo_role(email), "")),
            "needs_code": demo_role(email) != "practitioner",
        }
        for email, full_name, _membership, _flags in DEMO_USERS
    ]
    return {
        "accounts": accounts,
        "password": DEMO_PASSWORD,
        "bypass_code": getattr(settings, "MFA_TOTP_INSECURE_BYPASS_CODE", ""),
        "totp_secret": DEMO_TOTP_SECRET,
    }
