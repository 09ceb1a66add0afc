"""Loading the thematic clusters and their articles from data/clusters.json (idempotent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

from palermo.review.models import Cluster, ClusterArticle

CLUSTERS_FILE = Path(__file__).resolve().parent / "data" / "clusters.json"


def read_clusters(path: Path = CLUSTERS_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        clusters: list[dict[str, Any]] = json.load(handle)["clusters"]
    return clusters


@transaction.atomic
def load_clusters(path: Path = CLUSTERS_FILE) -> tuple[int, int]:
    """Create or update the clusters and their articles; returns (clusters, articles)."""
    article_count = 0
    for entry in read_clusters(path):
        names = {f"name_{lang}": text for lang, text in entry["name"].items()}
        cluster, _created = Cluster.objects.update_or_create(
            code=entry["code"],
            defaults={"number": entry["number"], "name": entry["name"]["en"], **names},
        )
        wanted: set[tuple[str, str]] = set()
        for instrument_code, numbers in entry["articles"].items():
            for order, number in enumerate(numbers):
                wanted.add((instrument_code, number))
                ClusterArticle.objects.update_or_create(
                    instrument_code=instrument_code,
                    number=number,
                    defaults={"cluster": cluster, "sort_order": order},
                )
        for article in cluster.articles.all():
            if (article.instrument_code, article.number) not in wanted:
                article.delete()
        article_count += len(wanted)
    return Cluster.objects.count(), article_count
