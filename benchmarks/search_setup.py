"""Shared set-up for the search benchmarks: a throwaway database chosen by URL, and its size."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent


def use_database(url: str) -> None:
    """Point Django at `url` (creating the PostgreSQL database if needed) and set it up."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789abcdefghijklmnop")
    os.environ.setdefault("PALERMO_DATA_DIR", str(Path(tempfile.gettempdir()) / "palermo-bench"))
    os.environ.setdefault("PALERMO_TLS", "false")
    os.environ["DJANGO_SETTINGS_MODULE"] = "palermo.settings"
    if url.startswith("postgres"):
        create_postgres_database(url)
    import django

    django.setup()


def admin_url(url: str) -> tuple[str, str]:
    parsed = urlparse(url)
    return parsed._replace(path="/postgres").geturl(), parsed.path.lstrip("/")


def create_postgres_database(url: str) -> None:
    import psycopg

    admin, name = admin_url(url)
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = found.fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    admin, name = admin_url(url)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_size() -> dict[str, float]:
    """Megabytes: the whole database, and the search tables with their indexes."""
    from django.db import connection

    megabyte = 1024 * 1024
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            path = Path(connection.settings_dict["NAME"])
            return {"database_mb": path.stat().st_size / megabyte}
        cursor.execute("SELECT pg_database_size(current_database())")
        whole = cursor.fetchone()[0]
        cursor.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
            " WHERE c.relname IN ('search_entry', 'search_facet', 'search_change',"
            " 'search_term') AND c.relkind = 'r'"
        )
        search = cursor.fetchone()[0]
    return {"database_mb": whole / megabyte, "search_tables_mb": search / megabyte}
