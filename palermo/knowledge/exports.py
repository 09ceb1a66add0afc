"""Open data: rows in the import schema (docs/data-formats.md), so exports import again."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from django.urls import reverse
from django.utils.html import strip_tags

from palermo.knowledge.models import (
    RECORD_MODELS,
    CaseLaw,
    Legislation,
    Publication,
    Status,
    Strategy,
    Treaty,
)

MAX_EXPORTED_HITS = 10_000


def _common(record: Any) -> dict[str, Any]:
    codes = record.classification or {}
    return {
        "id": record.external_id or f"palermo-{record.KIND}-{record.pk}",
        "source_url": record.source_url,
        "title": record.title,
        "country": record.country.iso3 if record.country_id else "",
        "language": record.language,
        "crime_types": codes.get("crime_types", []),
        "cross_cutting_issues": codes.get("cross_cutting_issues", []),
        "untoc_articles": codes.get("articles", []),
        "summary": record.summary,
        "source": record.source,
        "permalink": reverse("knowledge:record", args=[record.KIND, record.pk]),
    }


def record_row(record: Any) -> dict[str, Any]:
    row = _common(record)
    if isinstance(record, CaseLaw):
        people: dict[str, list[dict[str, Any]]] = {
            "defendant": [],
            "victim": [],
            "legal_person": [],
        }
        for party in record.parties.all():
            people[party.kind].append(
                {
                    "name": party.shown_name,
                    "protected": party.is_protected,
                    "nationality": party.nationality.iso3 if party.nationality is not None else "",
                    "role": party.role,
                    "outcome": party.outcome,
                    "sentence": party.sentence,
                }
            )
        row.update(
            {
                "decision_date": record.decision_date_display,
                "court": record.court,
                "court_level": record.court_level,
                "case_number": record.case_number,
                "legal_system": record.legal_system,
                "procedural_history": record.procedural_history,
                "commentary": record.commentary,
                "investigative_techniques": record.investigative_techniques,
                "cooperation_kinds": record.cooperation_kinds,
                "cooperating_states": record.cooperating_states,
                "defendants": people["defendant"],
                "victims": people["victim"],
                "legal_persons": people["legal_person"],
                "verified": record.is_verified,
            }
        )
    elif isinstance(record, Legislation):
        row.update(
            {
                "kind": record.kind,
                "adopted_on": record.adopted_on,
                "in_force_on": record.in_force_on,
                "amended_on": record.amended_on,
                "official_url": record.official_url,
                "provisions": [
                    {
                        "reference": p.reference,
                        "heading": p.heading,
                        "text": p.text,
                        "untoc_articles": [a.reference for a in p.articles.all()],
                        "crime_types": [t.code for t in p.crime_types.all()],
                        "cross_cutting_issues": [t.code for t in p.cross_cutting_issues.all()],
                    }
                    for p in record.provisions.all()
                ],
            }
        )
    elif isinstance(record, Treaty):
        row.update(
            {
                "kind": record.kind,
                "subjects": record.subjects,
                "signed_on": record.signed_on,
                "in_force_on": record.in_force_on,
                "terminated_on": record.terminated_on,
                "parties": [c.iso3 for c in record.parties.all()],
            }
        )
    elif isinstance(record, Strategy):
        row.update(
            {
                "scope": record.scope,
                "issuing_body": record.issuing_body,
                "adopted_on": record.adopted_on,
                "period_start": record.period_start,
                "period_end": record.period_end,
            }
        )
    elif isinstance(record, Publication):
        row.update(
            {
                "authors": record.authors,
                "year": record.year,
                "publisher": record.publisher,
                "kind": record.publication_kind,
                "keywords": record.keywords,
            }
        )
    row["full_text"] = record.full_text
    return row


def collection_rows(kind: str) -> Iterator[dict[str, Any]]:
    model = RECORD_MODELS[kind]
    records = model.objects.filter(status=Status.PUBLISHED).select_related("country").order_by("pk")
    prefetch = {
        "caselaw": ["parties__nationality"],
        "legislation": [
            "provisions__articles__instrument",
            "provisions__crime_types",
            "provisions__cross_cutting_issues",
        ],
        "treaty": ["parties"],
    }.get(kind, [])
    # prefetch_related with iterator() needs a chunk size (Django ≥ 4.1).
    for record in records.prefetch_related(*prefetch).iterator(chunk_size=500):
        yield record_row(record)


def hit_rows(params: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Search results as rows: id, type, title, state, date, source_url, permalink, snippet."""
    from palermo.core.search import search
    from palermo.knowledge.search_params import plan_from_params

    exported = 0
    page = 1
    while exported < MAX_EXPORTED_HITS:
        results = search(plan_from_params(params, per_page=100, page=page))
        for hit in results.hits:
            yield {
                "id": hit.key,
                "type": hit.kind,
                "title": hit.title,
                "state": hit.extra.get("state", ""),
                "date": hit.date.isoformat() if hit.date else "",
                "source_url": hit.extra.get("source_url", ""),
                "permalink": reverse("knowledge:record", args=[hit.kind, hit.key]),
                "snippet": strip_tags(hit.snippet),
                "score": round(hit.score, 4),
            }
            exported += 1
        if not results.hits or page * 100 >= results.total or page >= 100:
            return
        page += 1
