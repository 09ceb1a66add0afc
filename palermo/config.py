"""Typed readers for the environment variables that configure Palermo.

Every reader fails with a message that names the variable and says what is expected, so a
typo in a deployment stops start-up with an answer instead of a stack trace.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigurationError(Exception):
    """An environment variable holds a value Palermo cannot use."""


def read_bool(name: str, default: bool, env: Mapping[str, str] = os.environ) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigurationError(f"{name} must be true or false (1/0, yes/no, on/off), not {raw!r}.")


def read_int(name: str, default: int, env: Mapping[str, str] = os.environ, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, not {value}.")
    return value


def read_str(name: str, default: str, env: Mapping[str, str] = os.environ) -> str:
    return env.get(name, default)


def read_list(name: str, default: list[str], env: Mapping[str, str] = os.environ) -> list[str]:
    raw = env.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def read_choice(
    name: str, default: str, choices: list[str], env: Mapping[str, str] = os.environ
) -> str:
    raw = env.get(name, default).strip()
    if raw not in choices:
        raise ConfigurationError(f"{name} must be one of {', '.join(choices)}; not {raw!r}.")
    return raw


def read_database(
    name: str, default_sqlite_path: Path, env: Mapping[str, str] = os.environ
) -> dict[str, Any]:
    """DATABASE_URL for PostgreSQL (or another SQLite file); SQLite in WAL mode by default."""
    raw = env.get(name, "").strip()
    if not raw:
        return sqlite_database(default_sqlite_path)
    if not raw.startswith(("postgres://", "postgresql://", "sqlite:///")):
        raise ConfigurationError(
            f"{name} must look like postgresql://user@host:5432/dbname or "
            f"sqlite:////absolute/path.sqlite3, not {raw!r}."
        )
    try:
        parsed: dict[str, Any] = dict(dj_database_url.parse(raw, conn_max_age=60))
    except Exception as error:  # the library raises several types for malformed URLs
        raise ConfigurationError(f"{name} could not be read: {error}.") from None
    if parsed["ENGINE"].endswith("sqlite3"):
        return sqlite_database(Path(parsed["NAME"]))
    if not parsed.get("NAME"):
        raise ConfigurationError(f"{name} must name a database after the host, e.g. /palermo.")
    parsed["CONN_HEALTH_CHECKS"] = True
    return parsed


def sqlite_database(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # WAL lets readers and one writer work at once; IMMEDIATE avoids "database is locked"
        # surprises when a read transaction later wants to write.
        "OPTIONS": {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                " PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
        },
        "TEST": {"NAME": None},
    }
