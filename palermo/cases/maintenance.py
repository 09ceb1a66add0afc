"""Keeping the database's query planner informed about the case tables.

SQLite plans queries well only with statistics (ANALYZE); without them it may pick an index that
makes a list of 100,000 cases take seconds instead of milliseconds. PostgreSQL's autovacuum
analyzes by itself; running it after a bulk load does no harm. Called by the daily
`palermo case-reminders`, after `palermo import-cases` and after the demo data are loaded.
"""

from __future__ import annotations

from django.db import connection

CASE_TABLES = ("cases_case", "cases_casemeasure", "cases_casetransition")


def refresh_planner_statistics() -> None:
    with connection.cursor() as cursor:
        for table in CASE_TABLES:
            cursor.execute(f"ANALYZE {table}")
