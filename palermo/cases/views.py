"""Pages of the cases app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from palermo.accounts import access


@access.public
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/index.html")
