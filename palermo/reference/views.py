"""Pages of the reference app: countries, a country's profile, instruments, taxonomies.
All public: reference data is open to everyone, anonymous visitors included."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from palermo.accounts import access
from palermo.reference import selectors
from palermo.reference.forms import CountryFilterForm
from palermo.reference.sections import country_sections
from palermo.reference.selectors import participation_status
from palermo.reference.templatetags.reference_tags import web_sources


@access.public
def countries(request: HttpRequest) -> HttpResponse:
    """Every country and territory, filtered by text, regional group and UN membership, sorted
    by the name in the page's language."""
    form = CountryFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound and form.is_valid() else {}
    rows = country_rows(selectors.country_listing(**filters))
    return render(
        request,
        "reference/countries.html",
        {
            "form": form,
            "rows": rows,
            "status_labels": status_labels(),
        },
    )


def status_labels() -> dict[str, str]:
    return {
        "party": _("Party"),
        "signatory": _("Signatory, not yet a party"),
        "not_a_party": _("Not a party"),
        "not_recorded": _("Not recorded"),
    }


def country_rows(listing: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add what the countries table shows: link, status and provenance. Done here rather than
    with a template include or {% url %} per row, which would cost more than the query."""
    prefix = reverse("reference:country", args=["XXX"])[: -len("XXX/")]
    for row in listing:
        participation = row["untoc"]
        sources = web_sources(participation.sources) if participation else []
        row.update(
            {
                "url": f"{prefix}{row['iso3']}/",
                "status": participation_status(participation),
                "as_at": participation.as_at if participation else None,
                "source": sources[0][0] if sources else "",
                "observer": row["regional_group_observer"],
                "member": row["is_un_member"],
            }
        )
    return listing


@access.public
def country(request: HttpRequest, iso3: str) -> HttpResponse:
    """What Palermo knows of one State: codes, group, participation, other apps' sections."""
    found = selectors.country_by_iso3(iso3)
    if found is None:
        raise Http404
    return render(
        request,
        "reference/country.html",
        {
            "country": found,
            "participations": selectors.participations_of_country(found),
            "sections": country_sections(request, found),
        },
    )


@access.public
def instruments(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reference/instruments.html",
        {
            "instruments": selectors.list_instruments().prefetch_related("protocols"),
        },
    )


@access.public
def instrument(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.instrument_by_code(code)
    if found is None:
        raise Http404
    return render(
        request,
        "reference/instrument.html",
        {
            "instrument": found,
            "articles": selectors.list_articles(found),
            "protocols": selectors.list_instruments().filter(parent=found),
        },
    )


@access.public
def crime_types(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reference/taxonomy.html",
        {
            "taxonomy": "crime_types",
            "terms": selectors.list_crime_types(),
        },
    )


@access.public
def cross_cutting_issues(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reference/taxonomy.html",
        {
            "taxonomy": "cross_cutting_issues",
            "terms": selectors.list_cross_cutting_issues(),
        },
    )
