"""Keeping each authority's statistics fresh without computing them in a request.

A change to a case enqueues a refresh once the change is committed (a rolled-back change must not
trigger one, and the task must see the committed rows). Several changes in a burst enqueue several
tasks; a task whose request is older than the last computation does nothing.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from palermo.cases.models import Case, CaseStatistics
from palermo.cases.statistics import refresh_statistics


@task()
def refresh_case_statistics(organisation_id: int, requested_at: str) -> bool:
    """Recompute the authority's figures unless they were computed after this request."""
    requested = datetime.fromisoformat(requested_at)
    if CaseStatistics.objects.filter(
        organisation_id=organisation_id, computed_at__gt=requested
    ).exists():
        return False
    refresh_statistics(organisation_id, timezone.localdate())
    return True


def invalidate(organisation_id: int) -> None:
    """A case of the authority changed: refresh its figures after the commit."""

    def enqueue() -> None:
        # Stamped at the commit, not at the change: a computation that started between the two
        # may not have seen the change, so it must not count as newer than this request.
        refresh_case_statistics.enqueue(organisation_id, timezone.now().isoformat())

    transaction.on_commit(enqueue)


def refresh_all(today: date) -> int:
    """Refresh the figures of every authority with cases (daily); returns how many."""
    organisation_ids = Case.objects.order_by().values_list("organisation_id", flat=True).distinct()
    count = 0
    for organisation_id in list(organisation_ids):
        refresh_statistics(organisation_id, today)
        count += 1
    return count
