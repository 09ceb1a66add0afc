"""Configuration from environment variables: good values read, bad ones named clearly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from palermo.config import (
    ConfigurationError,
    read_bool,
    read_choice,
    read_database,
    read_int,
    read_list,
)

SQLITE_DEFAULT = Path("palermo-default.sqlite3")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("true", True),
        ("1", True),
        ("YES", True),
        (" on ", True),
        ("false", False),
        ("0", False),
        ("no", False),
        ("", False),
        (None, True),
    ],
)
def test_read_bool(raw, expected):
    env = {} if raw is None else {"FLAG": raw}
    assert read_bool("FLAG", True, env) is expected


@pytest.mark.parametrize(
    "reader, env, message",
    [
        (
            lambda env: read_bool("PALERMO_DEBUG", False, env),
            {"PALERMO_DEBUG": "maybe"},
            "PALERMO_DEBUG must be true or false",
        ),
        (
            lambda env: read_int("EMAIL_PORT", 587, env, minimum=1),
            {"EMAIL_PORT": "smtp"},
            "EMAIL_PORT must be a whole number",
        ),
        (
            lambda env: read_int("EMAIL_PORT", 587, env, minimum=1),
            {"EMAIL_PORT": "0"},
            "EMAIL_PORT must be at least 1",
        ),
        (
            lambda env: read_choice("PALERMO_EMAIL_BACKEND", "smtp", ["smtp", "console"], env),
            {"PALERMO_EMAIL_BACKEND": "pigeon"},
            "PALERMO_EMAIL_BACKEND must be one of smtp, console",
        ),
        (
            lambda env: read_database("DATABASE_URL", SQLITE_DEFAULT, env),
            {"DATABASE_URL": "mysql://root@localhost/x"},
            "DATABASE_URL must look like postgresql://",
        ),
        (
            lambda env: read_database("DATABASE_URL", SQLITE_DEFAULT, env),
            {"DATABASE_URL": "postgresql://user@host:5432"},
            "DATABASE_URL must name a database",
        ),
    ],
)
def test_bad_values_name_the_variable_and_what_is_expected(reader, env, message):
    with pytest.raises(ConfigurationError, match=message):
        reader(env)


def test_database_defaults_to_sqlite_in_wal_mode():
    db = read_database("DATABASE_URL", SQLITE_DEFAULT, {})
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


def test_postgresql_url_is_parsed():
    db = read_database(
        "DATABASE_URL",
        SQLITE_DEFAULT,
        {"DATABASE_URL": "postgresql://palermo:pw@db.internal:5433/palermo"},
    )
    assert (db["ENGINE"], db["NAME"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "palermo",
        "db.internal",
        5433,
    )


def test_lists_are_comma_separated():
    assert read_list("ALLOWED_HOSTS", [], {"ALLOWED_HOSTS": "a.org, b.org,,"}) == ["a.org", "b.org"]


def _palermo(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PALERMO_", "DJANGO_"))}
    clean.pop("SECRET_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "palermo", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_start_up_stops_on_a_malformed_variable_naming_it(tmp_path):
    result = _palermo("check", PALERMO_DEBUG="maybe", PALERMO_DATA_DIR=str(tmp_path))
    assert result.returncode == 2
    assert "PALERMO_DEBUG must be true or false" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _palermo("check", PALERMO_DATA_DIR=str(tmp_path))
    assert result.returncode == 2
    assert "SECRET_KEY must be set" in result.stderr
