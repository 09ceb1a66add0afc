"""Public pages of the directory: browse, one authority, exports, vCards and the routing lookup.
Editing pages are in views_edit.py."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from palermo.accounts import access
from palermo.directory import exports, selectors, visibility
from palermo.directory.access import (
    access_authority_by_id,
    access_contact_by_id,
    access_guide_by_id,
    can_edit_authority,
    can_see_history,
    can_see_stale_list,
)
from palermo.directory.forms import RouteForm
from palermo.directory.labels import COMPETENCE_LABELS, known_language_codes
from palermo.directory.routing import route_request
from palermo.reference.models import Country


def _filters(request: HttpRequest) -> dict[str, Any]:
    """The browse filters from the query string; unknown values are ignored, not echoed."""
    iso3 = request.GET.get("country", "").strip().upper()[:3]
    competence = request.GET.get("competence", "")
    language = request.GET.get("language", "").strip().lower()[:3]
    return {
        "country": Country.objects.filter(iso3=iso3).first() if iso3 else None,
        "competence": competence if competence in COMPETENCE_LABELS else "",
        "language": language if language in known_language_codes() else "",
        "query": request.GET.get("q", "").strip()[:200],
    }


def _filtered(request: HttpRequest) -> tuple[dict[str, Any], list[Any]]:
    filters = _filters(request)
    authorities = list(selectors.list_authorities(request.user, **filters))
    return filters, authorities


@access.public
def index(request: HttpRequest) -> HttpResponse:
    filters, authorities = _filtered(request)
    entries = [visibility.authority_data(request.user, a) for a in authorities]
    languages = sorted({code for a in authorities for code in a.accepted_languages})
    return render(
        request,
        "directory/index.html",
        {
            "entries": entries,
            "filters": filters,
            "countries": selectors.countries_with_authorities(),
            "competences": list(COMPETENCE_LABELS.items()),
            "languages": sorted(set(languages) | ({filters["language"]} - {""})),
            "query_string": request.GET.urlencode(),
            "restricted": visibility.sees_restricted(request.user),
            "can_see_stale": can_see_stale_list(request.user),
            "can_add_here": filters["country"] is not None
            and access.can_edit_country_entries(request.user, filters["country"].pk),
        },
    )


@access.public
def authority_detail(request: HttpRequest, authority_id: int) -> HttpResponse:
    authority = access_authority_by_id(request.user, authority_id)
    return render(
        request,
        "directory/authority.html",
        {
            "entry": visibility.authority_data(request.user, authority),
            "authority": authority,
            "restricted": visibility.sees_restricted(request.user),
            "can_edit": can_edit_authority(request.user, authority),
            "can_see_history": can_see_history(request.user, authority),
        },
    )


@access.public
def export_csv(request: HttpRequest) -> HttpResponse:
    _filters_used, authorities = _filtered(request)
    response = HttpResponse(
        exports.directory_csv(request.user, authorities), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="palermo-directory.csv"'
    return response


@access.public
def export_pdf(request: HttpRequest) -> HttpResponse:
    _filters_used, authorities = _filtered(request)
    pdf = exports.directory_pdf(request.user, authorities, get_language() or "en")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="palermo-directory.pdf"'
    return response


@access.public
def authority_vcard(request: HttpRequest, authority_id: int) -> HttpResponse:
    authority = access_authority_by_id(request.user, authority_id)
    response = HttpResponse(
        exports.authority_vcard(request.user, authority), content_type="text/vcard; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="authority-{authority.pk}.vcf"'
    return response


@access.public
def contact_vcard(request: HttpRequest, contact_id: int) -> HttpResponse:
    """Contact persons are restricted: 404 for anyone who is not a verified practitioner."""
    contact = access_contact_by_id(request.user, contact_id)
    response = HttpResponse(
        exports.contact_vcard(contact), content_type="text/vcard; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="contact-{contact.pk}.vcf"'
    return response


@access.public
def guide_file(request: HttpRequest, guide_id: int) -> HttpResponse:
    guide = access_guide_by_id(request.user, guide_id)
    if not guide.file:
        raise Http404
    response: Any = FileResponse(
        guide.file.open("rb"),
        as_attachment=True,
        filename=(guide.file.name or "guide").rsplit("/", 1)[-1],
    )
    return response  # FileResponse streams; typed as HttpResponse for access.public


@access.public
def route(request: HttpRequest) -> HttpResponse:
    """The guided lookup. A GET form, so an answer can be bookmarked and shared."""
    form = RouteForm(request.GET or None, initial=_route_initial(request))
    answer = None
    entries: list[tuple[str, dict[str, Any]]] = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        answer = route_request(
            data["requesting_state"],
            data["requested_state"],
            data["request_type"],
            measure=data["measure"] or None,
            urgent=data["urgent"],
            offence=data["offence"] or None,
            stage=data["stage"] or None,
        )
        entries = [
            (r.role, visibility.authority_data(request.user, r.authority))
            for r in answer.authorities
        ]
    return render(
        request,
        "directory/route.html",
        {
            "form": form,
            "answer": answer,
            "entries": entries,
            "countries": list(Country.objects.order_by("name").values_list("iso3", "name")),
            "restricted": visibility.sees_restricted(request.user),
        },
    )


def _route_initial(request: HttpRequest) -> dict[str, Any]:
    """A signed-in user's own State is the requesting State by default."""
    country = getattr(request.user, "country", None)
    return {"requesting_state": country.iso3} if country is not None else {}
