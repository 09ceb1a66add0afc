"""Refuses requests that carry NUL characters, which no form or API field accepts.

PostgreSQL cannot store or even compare text containing NUL, so without this check such input
would reach a query and fail as a server error; SQLite would store it silently. One answer for
every page and endpoint: 400 with a message that says what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"


class RejectNulCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if carries_nul(request):
            message = _("The request contains a NUL character, which Palermo does not accept.")
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"error": {"code": "invalid_input", "message": message, "details": []}},
                    status=400,
                )
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def carries_nul(request: HttpRequest) -> bool:
    if NUL in request.path or any(NUL in v for vs in request.GET.lists() for v in vs[1]):
        return True
    content_type = request.content_type or ""
    if content_type == "application/json":
        return b"\\u0000" in request.body or b"\x00" in request.body
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return any(NUL in v for _key, values in request.POST.lists() for v in values)
    return False
