"""Pages of the knowledge app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from palermo.accounts import access


@access.public
def search(request: HttpRequest) -> HttpResponse:
    return render(request, "knowledge/search.html")
