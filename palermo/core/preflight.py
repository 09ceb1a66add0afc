"""Checks an installation before it goes live: `palermo check` runs Django's deployment checks
and these, and fails on any warning. Each check is a plain function returning messages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

INSECURE_KEY_MARKERS = ("insecure", "change-me", "changeme", "secret", "development")
# Fonts WeasyPrint needs to draw documents in all six languages (Debian's fonts-noto-*).
PDF_FONT_FAMILIES = ("Noto Sans", "Noto Naskh Arabic", "Noto Sans CJK SC")


@register(Tags.security, deploy=True)
def check_debug_and_demo(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    if settings.DEBUG:
        messages.append(
            Warning(
                "PALERMO_DEBUG is on: error pages show internals. Turn it off in production.",
                id="palermo.W001",
            )
        )
    if settings.DEMO_MODE:
        messages.append(
            Warning(
                "PALERMO_DEMO is on: demo accounts with published passwords may exist.",
                id="palermo.W002",
            )
        )
    return messages


@register(Tags.security, deploy=True)
def check_secret_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    key = settings.SECRET_KEY
    weak = (
        len(key) < 50
        or len(set(key)) < 10
        or any(marker in key.lower() for marker in INSECURE_KEY_MARKERS)
    )
    if weak:
        return [
            Warning(
                "SECRET_KEY is weak: use at least 50 random characters, e.g. the output of "
                "`python3 -c 'import secrets; print(secrets.token_urlsafe(64))'`.",
                id="palermo.W003",
            )
        ]
    return []


@register(deploy=True)
def check_email(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.EMAIL_BACKEND.endswith("smtp.EmailBackend") and settings.EMAIL_HOST:
        return []
    return [
        Warning(
            "E-mail is not configured (EMAIL_HOST): sign-up verification, password resets and "
            "reminders will not reach anyone.",
            id="palermo.W004",
        )
    ]


@register(deploy=True)
def check_pdf_fonts(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    missing = [family for family in PDF_FONT_FAMILIES if not font_installed(family)]
    if missing:
        return [
            Warning(
                f"Fonts missing for PDF output: {', '.join(missing)}. Install Debian's "
                "fonts-noto-core and fonts-noto-cjk.",
                id="palermo.W005",
            )
        ]
    return []


@register(deploy=True)
def check_data_directories(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    directories = [
        ("PALERMO_MEDIA_DIR", settings.MEDIA_ROOT),
        ("PALERMO_DATA_DIR", settings.DATA_DIR),
    ]
    for label, path in directories:
        directory = Path(path)
        if directory.exists() and not os.access(directory, os.W_OK):
            messages.append(Error(f"{label} ({directory}) is not writable.", id="palermo.E001"))
    return messages


@register(deploy=True)
def check_database(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return [
            Warning(
                "The embedded SQLite database suits one server and a small office; set "
                "DATABASE_URL to PostgreSQL for several servers or many users.",
                id="palermo.W006",
            )
        ]
    return []


def font_installed(family: str) -> bool:
    if shutil.which("fc-list") is None:
        return False
    result = subprocess.run(  # noqa: S603
        ["fc-list", f":family={family}", "family"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return bool(result.stdout.strip())
