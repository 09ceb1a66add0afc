"""REST endpoints of the knowledge app, mounted under /api/v1/knowledge/ by palermo/api.py.

Everything here is public and read-only: only published records are searched or shown, to
everyone (drafts are reached through the pages, by those allowed to see them).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from palermo.core.api_auth import optional_user
from palermo.core.search import search as run_search
from palermo.core.search import suggest as run_suggest
from palermo.knowledge.access import access_record
from palermo.knowledge.exports import record_row
from palermo.knowledge.indexing import KINDS
from palermo.knowledge.labels import value_labels
from palermo.knowledge.models import TREATY_SUBJECT_CODES, Status
from palermo.knowledge.search_params import FACETS, plan_from_params
from palermo.knowledge.selectors import treaties_between
from palermo.reference.selectors import find_country

router = Router(tags=["knowledge"])


class SearchFilters(Schema):
    q: str = ""
    type: list[str] = []
    country: list[str] = []
    regional_group: list[str] = []
    crime_type: list[str] = []
    cross_cutting_issue: list[str] = []
    article: list[str] = []
    court: list[str] = []
    language: list[str] = []
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


class SearchResult(Schema):
    id: str
    type: str
    title: str
    state: str
    date: datetime.date | None
    source_url: str
    snippet: str
    url: str
    score: float


class FacetValue(Schema):
    value: str
    label: str
    count: int


class SearchResponse(Schema):
    total: int
    page: int
    per_page: int
    results: list[SearchResult]
    facets: dict[str, list[FacetValue]]
    did_you_mean: str | None
    relaxations: list[dict[str, Any]]
    took_ms: float
    ranking_approximate: bool


@router.get("/search", response=SearchResponse, summary="Search the knowledge base")
def search(request: HttpRequest, filters: Query[SearchFilters]) -> dict[str, Any]:
    """Public: ranked published records with snippets and facet counts.

    Repeat a filter for several values (`country=ITA&country=BRA`); values of one facet are
    alternatives, different facets all apply. Malformed queries are searched as plain text.
    """
    per_page = max(1, min(100, filters.per_page))
    plan = plan_from_params(request.GET, per_page=per_page)
    results = run_search(plan)
    labels = value_labels({f: [v for v, _n in results.facets.get(f, [])] for f in FACETS})
    return {
        "total": results.total,
        "page": plan.page,
        "per_page": per_page,
        "results": [
            {
                "id": hit.key,
                "type": hit.kind,
                "title": hit.title,
                "state": hit.extra.get("state", ""),
                "date": hit.date,
                "source_url": hit.extra.get("source_url", ""),
                "snippet": hit.snippet,
                "url": reverse("knowledge:record", args=[hit.kind, hit.key]),
                "score": hit.score,
            }
            for hit in results.hits
        ],
        "facets": {
            facet: [
                {"value": v, "label": labels[facet].get(v, v), "count": n}
                for v, n in results.facets.get(facet, [])
            ]
            for facet in FACETS
        },
        "did_you_mean": results.did_you_mean,
        "relaxations": [_relaxation(relaxation) for relaxation in results.relaxations or []],
        "took_ms": results.took_ms,
        "ranking_approximate": results.ranking_approximate,
    }


def _relaxation(relaxation: dict[str, Any]) -> dict[str, Any]:
    """A filter to drop, the values it held (a year range as [from, to]) and what is left."""
    values = [v if isinstance(v, int) or v is None else str(v) for v in relaxation["values"]]
    return {"filter": str(relaxation["filter"]), "values": values, "total": relaxation["total"]}


@router.get("/suggest", response=dict[str, list[str]], summary="Suggestions as you type")
def suggest(request: HttpRequest, q: str = "", type: str = "") -> dict[str, list[str]]:
    """Public: completions for a prefix (titles and terms of published records)."""
    kinds = (type,) if type in KINDS else ()
    return {"suggestions": run_suggest(q[:100], kinds=kinds, limit=10) if q.strip() else []}


@router.get("/records/{kind}/{record_id}", response=dict[str, Any], summary="One record")
def record_detail(request: HttpRequest, kind: str, record_id: int) -> dict[str, Any]:
    """Public: a published record in the import schema (docs/data-formats.md); 404 otherwise."""
    if kind not in KINDS:
        raise Http404
    record = access_record(None, kind, record_id)  # the API shows published records only
    if record.status != Status.PUBLISHED:
        raise Http404
    row = record_row(record)
    row["type"] = kind
    row["palermo_id"] = record.pk
    return row


class TreatyOut(Schema):
    id: int
    title: str
    kind: str
    subjects: list[str]
    signed_on: datetime.date | None
    in_force_on: datetime.date | None
    parties: list[str]
    url: str


@router.get(
    "/treaties-between", response=list[TreatyOut], summary="Treaties in force between two States"
)
def treaties_in_force(
    request: HttpRequest,
    state_a: str,
    state_b: str,
    subject: str = "",
    on: datetime.date | None = None,
) -> list[dict[str, Any]]:
    """Public: published treaties in force between both States on a day (today by default).

    States by ISO code or name; `subject` is one of mla, extradition,
    transfer_of_sentenced_persons, asset_sharing.
    """
    optional_user(request)
    a, b = find_country(state_a), find_country(state_b)
    if a is None or b is None:
        raise HttpError(422, "Unknown State: give an ISO alpha-3 code or a name.")
    if subject and subject not in TREATY_SUBJECT_CODES:
        raise HttpError(422, f"subject must be one of {', '.join(TREATY_SUBJECT_CODES)}.")
    return [
        {
            "id": t.pk,
            "title": t.title,
            "kind": t.kind,
            "subjects": t.subjects,
            "signed_on": t.signed_on,
            "in_force_on": t.in_force_on,
            "parties": [c.iso3 for c in t.parties.all()],
            "url": reverse("knowledge:record", args=["treaty", t.pk]),
        }
        for t in treaties_between(a, b, subject or None, on)
    ]
