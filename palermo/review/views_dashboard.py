"""The dashboard: progress of every review the user may see, overdue items, and
technical-assistance needs by cluster and region, with charts and CSV exports."""

from __future__ import annotations

import csv
from collections import Counter
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.review import access, selectors
from palermo.review.charts import bar_chart
from palermo.review.models import Cluster
from palermo.review.views import signed_in


def progress_labels() -> dict[str, str]:
    return {
        selectors.NOT_STARTED: _("not started"),
        selectors.IN_PROGRESS: _("in progress"),
        selectors.COMPLETED: _("completed"),
    }


def dashboard_data(user: Any) -> dict[str, Any]:
    reviews = access.visible_reviews(user)
    rows = selectors.progress_table(reviews)
    labels = progress_labels()
    overall = Counter(row.overall for row in rows)
    progress_values = [(labels[key], overall.get(key, 0)) for key in labels]
    needs = selectors.assistance_needs(reviews)
    by_cluster: Counter[str] = Counter()
    by_region: Counter[str] = Counter()
    for need in needs:
        by_cluster[need["cluster"]] += need["needs"]
        by_region[need["region"] or _("no regional group recorded")] += need["needs"]
    clusters = list(Cluster.objects.all())
    table = [
        (
            row,
            labels[row.overall],
            [
                (row.by_cluster.get(c.number, ""), labels.get(row.by_cluster.get(c.number, ""), ""))
                for c in clusters
            ],
        )
        for row in rows
    ]
    return {
        "clusters": clusters,
        "rows": table,
        "labels": labels,
        "progress_values": progress_values,
        "progress_chart": bar_chart(progress_values),
        "overdue": selectors.overdue_items(reviews, timezone.localdate()),
        "needs": needs,
        "needs_by_cluster": sorted(by_cluster.items()),
        "needs_by_cluster_chart": bar_chart(sorted(by_cluster.items())),
        "needs_by_region": sorted(by_region.items()),
        "needs_by_region_chart": bar_chart(sorted(by_region.items())),
    }


@signed_in
def dashboard(request: HttpRequest) -> HttpResponse:
    """Signed-in users; figures cover only the reviews the user may see."""
    return render(request, "review/dashboard.html", dashboard_data(request.user))


@signed_in
def dashboard_progress_csv(request: HttpRequest) -> HttpResponse:
    """Progress per review and cluster (not_started, in_progress, completed), for the reviews
    the user may see."""
    rows = selectors.progress_table(access.visible_reviews(request.user))
    clusters = list(Cluster.objects.all())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="review-progress.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [_("State under review"), _("ISO code"), _("Instrument"), _("Overall")]
        + [_("Cluster %(number)d") % {"number": c.number} for c in clusters]
    )
    for row in rows:
        writer.writerow(
            [
                row.review.state.name,
                row.review.state.iso3,
                row.review.instrument.short_name,
                row.overall,
            ]
            + [row.by_cluster.get(c.number, "") for c in clusters]
        )
    return response


@signed_in
def dashboard_assistance_csv(request: HttpRequest) -> HttpResponse:
    """Technical-assistance needs by cluster and region, for the reviews the user may see."""
    needs = selectors.assistance_needs(access.visible_reviews(request.user))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="review-assistance-needs.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [_("Cluster"), _("Cluster name"), _("Regional group code"), _("Regional group"), _("Needs")]
    )
    for need in needs:
        writer.writerow(
            [
                need["cluster_number"],
                need["cluster"],
                need["region_code"],
                need["region"],
                need["needs"],
            ]
        )
    return response
