"""Pages of the core app: home, audit trail, health check."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from palermo.accounts import access
from palermo.core.selectors import list_audit_events


@access.public
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@access.public
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@access.require(access.can_read_audit_trail)
def audit_trail(request: HttpRequest) -> HttpResponse:
    events = list_audit_events(
        request.user,
        action=request.GET.get("action", "")[:80],
        target_type=request.GET.get("type", "")[:80],
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit.html", {"page": page})
