"""Pages of the core app: home and health check (the audit trail is in accounts)."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from palermo.accounts import access


@access.public
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@access.public
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
