"""`palermo load-review-clusters`: the four thematic clusters and their articles. Idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from palermo.review.clusters import load_clusters


class Command(BaseCommand):
    help = "Load the thematic clusters of the review mechanism and the articles each covers."

    def handle(self, *args: Any, **options: Any) -> None:
        clusters, articles = load_clusters()
        self.stdout.write(f"review clusters: {clusters} clusters, {articles} articles")
