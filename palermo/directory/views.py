"""Pages of the directory app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from palermo.accounts import access


@access.public
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/index.html")
