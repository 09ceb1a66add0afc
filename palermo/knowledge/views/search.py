"""The search page, suggestions as you type, and exports of results and whole collections."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from palermo.accounts import access
from palermo.core.search import search as run_search
from palermo.core.search import suggest as run_suggest
from palermo.knowledge.exports import collection_rows, hit_rows
from palermo.knowledge.labels import FACET_LABELS, KIND_LABELS, value_labels
from palermo.knowledge.search_params import FACETS, has_search, plan_from_params

EXPORT_FORMATS = ("csv", "jsonl")


def _query_without_dict(params: Any, name: str) -> QueryDict:
    reduced = params.copy()
    reduced.pop(name, None)
    return reduced


def _query_without(params: Any, name: str, value: str | None = None) -> str:
    """The current query string with one filter value (or a whole parameter) removed."""
    pairs = [
        (key, item)
        for key in params
        for item in params.getlist(key)
        if key != "page" and not (key == name and (value is None or item == value))
    ]
    return urlencode(pairs)


@access.public
def search(request: HttpRequest) -> HttpResponse:
    params = request.GET
    plan = plan_from_params(params)
    results = run_search(plan)
    shown_values = {facet: [v for v, _n in results.facets.get(facet, [])] for facet in FACETS}
    for facet, values in plan.filters.items():
        shown_values.setdefault(facet, []).extend(values)
    labels = value_labels(shown_values)
    facets = [
        {
            "name": facet,
            "label": FACET_LABELS[facet],
            "values": [
                {
                    "value": value,
                    "count": count,
                    "label": labels[facet].get(value, value),
                    "checked": value in plan.filters.get(facet, []),
                }
                for value, count in results.facets.get(facet, [])
            ],
        }
        for facet in FACETS
    ]
    active = [
        {
            "facet": FACET_LABELS[facet],
            "label": labels[facet].get(value, value),
            "remove": _query_without(params, facet, value),
        }
        for facet, values in plan.filters.items()
        for value in values
    ]
    for name in ("year_from", "year_to"):
        if params.get(name):
            label = _("from %(year)s") if name == "year_from" else _("until %(year)s")
            active.append(
                {
                    "facet": name,
                    "label": label % {"year": params.get(name)},
                    "remove": _query_without(params, name),
                }
            )
    relaxations = []
    for relaxation in results.relaxations or []:
        name = str(relaxation.get("filter") or "")
        if name == "year":
            query = _query_without(_query_without_dict(params, "year_from"), "year_to")
            label = str(_("years"))
        elif name in FACET_LABELS:
            query = _query_without(params, name)
            shown = [labels.get(name, {}).get(str(v), str(v)) for v in relaxation.get("values", [])]
            label = f"{FACET_LABELS[name]}: {', '.join(shown)}"
        else:
            continue
        relaxations.append({"label": label, "total": relaxation.get("total"), "query": query})
    hits = [
        {
            "hit": hit,
            "kind_label": KIND_LABELS.get(hit.kind, hit.kind),
            "url": reverse("knowledge:record", args=[hit.kind, hit.key]),
        }
        for hit in results.hits
    ]
    pages = max(1, -(-results.total // plan.per_page))
    base_query = _query_without(params, "page")
    return render(
        request,
        "knowledge/search.html",
        {
            "plan": plan,
            "results": results,
            "hits": hits,
            "facets": facets,
            "active": active,
            "relaxations": relaxations,
            "searched": has_search(params),
            "kinds": KIND_LABELS,
            "page": plan.page,
            "pages": pages,
            "base_query": base_query,
            "previous_page": plan.page - 1 if plan.page > 1 else None,
            "next_page": plan.page + 1 if plan.page < pages else None,
            "export_query": base_query,
        },
    )


@access.public
def suggest(request: HttpRequest) -> HttpResponse:
    """Options for the search box's datalist (htmx swaps them in as the user types)."""
    prefix = str(request.GET.get("q") or "")[:100]
    options = run_suggest(prefix, limit=8) if len(prefix.strip()) >= 2 else []
    return render(request, "knowledge/_suggestions.html", {"options": options})


def _stream(rows: Iterator[dict[str, Any]], file_format: str) -> Iterator[str]:
    if file_format == "jsonl":
        for row in rows:
            yield json.dumps(row, ensure_ascii=False, default=str) + "\n"
        return
    header: list[str] | None = None
    for row in rows:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        if header is None:
            header = list(row)
            writer.writerow(header)
        writer.writerow(
            [
                "; ".join(map(str, row.get(k) or []))
                if isinstance(row.get(k), list)
                else (
                    json.dumps(row[k], ensure_ascii=False, default=str)
                    if isinstance(row.get(k), dict)
                    else row.get(k, "")
                )
                for k in header
            ]
        )
        yield buffer.getvalue()


@access.public
def export(request: HttpRequest, file_format: str) -> HttpResponse:
    """Search results (when the URL holds a search) or a whole collection (?type=caselaw)."""
    if file_format not in EXPORT_FORMATS:
        return HttpResponse(status=404)
    params = request.GET
    kinds = [k for k in params.getlist("type") if k in KIND_LABELS]
    only_type = len(kinds) == 1 and not any(
        params.get(n) for n in ("q", "year_from", "year_to", *FACETS[1:])
    )
    if only_type:
        rows = collection_rows(kinds[0])
        name = f"palermo-{kinds[0]}"
    else:
        rows = hit_rows(params)
        name = "palermo-search"
    content_type = (
        "text/csv; charset=utf-8" if file_format == "csv" else "application/x-ndjson; charset=utf-8"
    )
    response = StreamingHttpResponse(_stream(rows, file_format), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response  # type: ignore[return-value]
