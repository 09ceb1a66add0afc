"""The last computed statistics of each authority, so that no page computes them itself."""

from __future__ import annotations

from django.db import models


class CaseStatistics(models.Model):
    """Figures grouped in the database (statistics._raw_figures), refreshed by a background task
    after a case changes and daily by `palermo case-reminders`; pages read them as they are."""

    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="case_statistics"
    )
    day = models.DateField()  # the "today" the months and the backlog's ages are counted from
    computed_at = models.DateTimeField()
    figures = models.JSONField()

    def __str__(self) -> str:
        return f"{self.organisation_id} as of {self.computed_at:%Y-%m-%d %H:%M}"
