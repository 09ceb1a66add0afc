"""The search page, suggestions as you type, and exports of results and whole collections."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from palermo.accounts import access
from palermo.core.search import search as run_search
from palermo.core.search import suggest as run_suggest
from palermo.knowledge.exports import collection_rows, hit_rows
from palermo.knowledge.labels import FACET_LABELS, KIND_LABELS, KIND_SINGULAR, value_labels
from palermo.knowledge.search_params import FACETS, has_search, plan_from_params
from palermo.knowledge.views.display import article_label, labelled
from palermo.reference.folding import fold
from palermo.reference.models import Article, CrimeType, CrossCuttingIssue

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


def _fix_years_or_page(params: Any, pages: int, page: int) -> str | None:
    """The address to send the reader to when theirs cannot be right: years given the wrong
    way round, or a page past the last one (from an old link, or after a filter)."""
    year_from, year_to = params.get("year_from", ""), params.get("year_to", "")
    fixed = params.copy()
    if year_from.isdigit() and year_to.isdigit() and int(year_from) > int(year_to):
        fixed["year_from"], fixed["year_to"] = year_to, year_from
    elif page > pages:
        fixed["page"] = str(pages)
    else:
        return None
    return "?" + fixed.urlencode()


@access.public
def search(request: HttpRequest) -> HttpResponse | HttpResponseRedirect:
    params = request.GET
    plan = plan_from_params(params)
    results = run_search(plan)
    pages = max(1, -(-results.total // plan.per_page))
    fixed = _fix_years_or_page(params, pages, plan.page)
    if fixed is not None:
        return HttpResponseRedirect(fixed)
    shown_values = {facet: [v for v, _n in results.facets.get(facet, [])] for facet in FACETS}
    for facet, values in plan.filters.items():
        shown_values.setdefault(facet, []).extend(values)
    shown_values["country"].extend(h.extra.get("state", "") for h in results.hits)
    labels = value_labels({k: v for k, v in shown_values.items() if k != "article"})
    labels["article"] = _article_labels(shown_values["article"])
    facets = []
    for facet in FACETS:
        counted = list(results.facets.get(facet, []))
        counted_values = {value for value, _n in counted}
        # A ticked value stays in its list even when nothing is left to count, so it can be
        # unticked where it was ticked.
        counted += [(v, 0) for v in plan.filters.get(facet, []) if v not in counted_values]
        facets.append(
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
                    for value, count in counted
                ],
            }
        )
    active = [
        {
            "facet": FACET_LABELS[facet],
            "label": labels[facet].get(value, value),
            "remove": _query_without(params, facet, value),
        }
        for facet, values in plan.filters.items()
        for value in values
    ]
    for name, year in (("year_from", plan.year_from), ("year_to", plan.year_to)):
        if year is not None:
            label = _("from %(year)s") if name == "year_from" else _("until %(year)s")
            active.append(
                {
                    "facet": name,
                    "label": label % {"year": year},
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
            label = labelled(FACET_LABELS[name], shown)
        else:
            continue
        relaxations.append({"label": label, "total": relaxation.get("total"), "query": query})
    hits = [
        {
            "hit": hit,
            "kind_label": KIND_SINGULAR.get(hit.kind, hit.kind),
            # The index keeps the State's name in the language it was written in; the page
            # names it in the reader's.
            "state_name": labels["country"].get(
                hit.extra.get("state", ""), hit.extra.get("state_name", "")
            ),
            "url": reverse("knowledge:record", args=[hit.kind, hit.key]),
        }
        for hit in results.hits
    ]
    base_query = _query_without(params, "page")
    did_you_mean_query = ""
    if results.did_you_mean:
        # The suggested spelling keeps the reader's filters.
        suggested = _query_without_dict(params, "page")
        suggested["q"] = results.did_you_mean
        did_you_mean_query = suggested.urlencode()
    filtered = bool(plan.filters or plan.year_from or plan.year_to)
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
            "did_you_mean_query": did_you_mean_query,
            "without_filters_query": urlencode({"q": plan.text}) if filtered and plan.text else "",
            "active_count": len(active),
            "classified_as": _classified_as(plan.text, params) if plan.text else [],
        },
    )


OPERATORS = {"and", "or", "not"}


def _classified_as(text: str, params: Any) -> list[dict[str, str]]:
    """Crime types and cross-cutting issues whose name holds every word searched, in any of the
    six languages: the words of a classification are not in a record's text, so "trafficking"
    alone misses the cases classified under trafficking in persons."""
    words = [
        fold(word.strip('"*()'))
        for word in text.split()
        if word.lower() not in OPERATORS and not word.startswith("-")
    ]
    words = [w for w in words if len(w) >= 3 or any(ord(ch) > 0x2E80 for ch in w)]
    if not words or len(words) > 4:
        return []
    found = []
    for facet, model in (("crime_type", CrimeType), ("cross_cutting_issue", CrossCuttingIssue)):
        if params.getlist(facet):
            continue
        for term in model.objects.all():
            names = {
                fold(str(getattr(term, f"name_{code.replace('-', '_')}", "") or ""))
                for code in settings.LANGUAGE_CODES
            }
            if any(all(w in name for w in words) for name in names if name):
                query = _query_without_dict(_query_without_dict(params, "q"), "page")
                query[facet] = term.code
                label = labelled(FACET_LABELS[facet], [term.name])
                found.append({"label": label, "query": query.urlencode()})
    return found[:6]


def _article_labels(references: list[str]) -> dict[str, str]:
    """Each article as "UNTOC art. 18 · Mutual legal assistance", in the reader's language."""
    wanted = set(references)
    if not wanted:
        return {}
    return {
        article.reference: f"{article_label(article)} · {article.title}"
        for article in Article.objects.select_related("instrument")
        if article.reference in wanted
    }


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


def _with_full_links(request: HttpRequest, rows: Iterator[dict[str, Any]]) -> Iterator[dict]:
    """A downloaded file leaves the site: its links name the site too."""
    for row in rows:
        link = row.get("permalink")
        if isinstance(link, str) and link.startswith("/"):
            row["permalink"] = request.build_absolute_uri(link)
        yield row


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
    response = StreamingHttpResponse(
        _stream(_with_full_links(request, rows), file_format), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response  # type: ignore[return-value]
