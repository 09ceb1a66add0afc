"""Record pages (with citation, permanent link and versions), article pages and comparison."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from palermo.accounts import access
from palermo.knowledge import selectors
from palermo.knowledge.access import access_record, can_edit_record, can_moderate
from palermo.knowledge.labels import KIND_LABELS, KIND_SINGULAR
from palermo.knowledge.models import CaseLaw, Legislation, Treaty
from palermo.knowledge.versions import version_of, visible_versions
from palermo.knowledge.views.contribute import available_transitions
from palermo.knowledge.views.display import (
    article_label,
    change_reason,
    readable_changes,
    text_lang,
)
from palermo.reference.folding import fold
from palermo.reference.models import Country, CrimeType
from palermo.reference.selectors import article_by_reference

MAX_COMPARED_STATES = 6


def _citation(request: HttpRequest, record: Any) -> dict[str, Any]:
    """A ready-made citation: the record's own details (in the record's language), then
    where it was found and when, in the reader's language."""
    parts = [record.title]
    if isinstance(record, CaseLaw):
        parts += [record.court, record.case_number, record.decision_date_display]
    elif record.sort_date:
        parts.append(str(record.sort_date.year))
    link = request.build_absolute_uri(request.path)
    return {
        "record": ", ".join(p for p in parts if p),
        "state": record.country.name if record.country_id else "",
        "source": _("Palermo knowledge base"),
        "link": link,
        # The ISO date kept left to right: after Arabic words it would read 28-11-2026.
        "consulted": mark_safe(  # the translation is escaped; the date is built here
            conditional_escape(_("consulted on %(day)s"))
            % {"day": format_html('<bdi dir="ltr">{}</bdi>', timezone.localdate().isoformat())}
        ),
    }


def _record_context(request: HttpRequest, record: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "record": record,
        "kind": record.KIND,
        "kind_label": KIND_SINGULAR[record.KIND],
        "template": f"knowledge/records/_{record.KIND}.html",
        "crime_types": record.crime_types.all(),
        "issues": record.cross_cutting_issues.all(),
        "articles": record.articles.select_related("instrument"),
        "can_edit": can_edit_record(request.user, record),
        "can_moderate": can_moderate(request.user),
        "citation": _citation(request, record),
        "permalink": request.build_absolute_uri(request.path),
        "versions": [
            (version, change_reason(version.history_change_reason))
            for version in visible_versions(request.user, record)
        ],
        "text_lang": text_lang(record.language),
        "transitions": available_transitions(request.user, record) if request.user else [],
        "kind_plural": KIND_LABELS[record.KIND],
    }
    if isinstance(record, CaseLaw):
        context["parties"] = record.parties.select_related("nationality")
        context["cooperating"] = Country.objects.filter(iso3__in=record.cooperating_states)
    if isinstance(record, Legislation):
        context["provisions"] = record.provisions.prefetch_related(
            "articles__instrument", "crime_types", "cross_cutting_issues"
        )
    if isinstance(record, Treaty):
        context["parties"] = record.party_rows.select_related("country")
    return context


@access.public
def record_detail(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    record = access_record(request.user, kind, record_id)
    return render(request, "knowledge/record.html", _record_context(request, record))


@access.public
def record_version(
    request: HttpRequest, kind: str, record_id: int, history_id: int
) -> HttpResponse:
    """An earlier version, and what changed since it, for those allowed to see that version."""
    record = access_record(request.user, kind, record_id)
    version = version_of(request.user, record, history_id)
    if version is None:
        raise Http404
    return render(
        request,
        "knowledge/version.html",
        {
            "record": record,
            "version": version,
            "kind": kind,
            "changes": readable_changes(version, record),
            "reason": change_reason(version.history_change_reason),
            "text_lang": text_lang(record.language),
        },
    )


@access.public
def article_page(request: HttpRequest, reference: str) -> HttpResponse:
    """How States implement one article: every linked provision and case, by State."""
    article = article_by_reference(reference)
    if article is None:
        raise Http404
    provisions = list(selectors.provisions_for(article=article))
    cases = list(selectors.cases_for_article(article)[:500])
    by_state: dict[str, dict[str, Any]] = {}
    for provision in provisions:
        country = provision.legislation.country
        name = country.name if country is not None else "—"
        by_state.setdefault(name, {"country": country, "provisions": [], "cases": []})[
            "provisions"
        ].append(provision)
    for case in cases:
        name = case.country.name if case.country is not None else "—"
        by_state.setdefault(name, {"country": case.country, "provisions": [], "cases": []})[
            "cases"
        ].append(case)
    return render(
        request,
        "knowledge/article.html",
        {
            "article": article,
            "article_label": article_label(article),
            # Sorted as readers of the page's language expect ("Égypte" before "Zambie").
            "states": sorted(by_state.items(), key=lambda item: fold(item[0])),
            "provision_count": len(provisions),
            "case_count": len(cases),
        },
    )


@access.public
def compare(request: HttpRequest) -> HttpResponse:
    """Two or more States' provisions side by side, for one article or one crime type."""
    article_ref = str(request.GET.get("article") or "")[:40]
    crime_code = str(request.GET.get("crime_type") or "")[:60]
    codes = [c.upper()[:3] for c in request.GET.getlist("state") if c.strip()][:MAX_COMPARED_STATES]
    article = article_by_reference(article_ref) if article_ref else None
    crime_type = CrimeType.objects.filter(code=crime_code).first() if crime_code else None
    states = {c.iso3: c for c in Country.objects.filter(iso3__in=codes)}
    chosen = [states[c] for c in dict.fromkeys(codes) if c in states]
    columns: list[dict[str, Any]] = []
    problems: list[str] = []
    from django.utils.translation import gettext as _

    if request.GET:
        if article is None and crime_type is None:
            problems.append(_("Choose an article or a crime type to compare."))
        if len(chosen) < 2:
            problems.append(_("Choose at least two States."))
    if not problems and chosen and (article or crime_type):
        found = dict(
            selectors.compare_provisions(
                [c.pk for c in chosen], article=article, crime_type=crime_type
            )
        )
        columns = [{"country": c, "provisions": found.get(c.pk, [])} for c in chosen]
    from palermo.reference.selectors import (
        list_articles,
        list_crime_types,
        list_instruments,
        sort_by_name,
    )

    articles = [(a, article_label(a)) for i in list_instruments() for a in list_articles(i)]
    return render(
        request,
        "knowledge/compare.html",
        {
            "columns": columns,
            "problems": problems,
            "article": article,
            "crime_type": crime_type,
            "chosen": [c.iso3 for c in chosen],
            "countries": sort_by_name(Country.objects.all()),
            "article_label": article_label(article) if article else "",
            "articles": articles,
            "crime_types": list_crime_types(),
            "article_ref": article_ref,
            "crime_code": crime_code,
        },
    )
