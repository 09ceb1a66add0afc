"""Keeps NUL characters out of every request.

PostgreSQL cannot store or even compare text containing NUL, so such input would reach a query
and fail as a server error (SQLite would store it silently). In the query string, NUL is
dropped, so a pasted search is still searched as plain text; in a submitted form or JSON body,
the request is refused with a 400 that says why, so nothing is saved altered.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.utils.translation import gettext as _

NUL = "\x00"


class RejectNulCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.META.get("QUERY_STRING", "") or "%00" in request.META.get(
            "QUERY_STRING", ""
        ):
            request.GET = without_nul(request.GET)  # type: ignore[assignment]
        if NUL in request.path or body_carries_nul(request):
            message = _("The request contains a NUL character, which Palermo does not accept.")
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"error": {"code": "invalid_input", "message": message, "details": []}},
                    status=400,
                )
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


def body_carries_nul(request: HttpRequest) -> bool:
    content_type = request.content_type or ""
    if content_type == "application/json":
        return b"\\u0000" in request.body or b"\x00" in request.body
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return any(NUL in v for _key, values in request.POST.lists() for v in values)
    return False
