"""Pages of the reference app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from palermo.accounts import access


@access.public
def countries(request: HttpRequest) -> HttpResponse:
    return render(request, "reference/countries.html")
