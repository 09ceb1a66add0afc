"""The REST API at /api/v1: one NinjaAPI, one error format, session and token authentication.

Every error has the shape {"error": {"code": ..., "message": ..., "details": [...]}}.
Apps add their routers here; each endpoint declares its access rule explicitly.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from palermo.core.api_auth import signed_in  # noqa: F401  (re-exported for apps)

api = NinjaAPI(
    title="Palermo API",
    version="1",
    description=(
        "Reference data, knowledge base, directory, request writer and case tracking. "
        "Authenticate with a session cookie or a bearer token (create one on your account page). "
        'Errors always have the shape {"error": {"code", "message", "details"}}.'
    ),
    docs_url="/docs",
    openapi_url="/openapi.json",
    urls_namespace="api",
)


def error_response(
    request: HttpRequest, status: int, code: str, message: str, details: Any = None
) -> HttpResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message, "details": details or []}}
    return api.create_response(request, body, status=status)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    details = [
        {"field": ".".join(str(p) for p in err.get("loc", [])), "message": err.get("msg", "")}
        for err in exc.errors
    ]
    return error_response(request, 422, "invalid_input", "The request is not valid.", details)


@api.exception_handler(DjangoValidationError)
def on_django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "message_dict"):
        details = [
            {"field": field, "message": " ".join(str(m) for m in messages)}
            for field, messages in exc.message_dict.items()
        ]
    else:
        details = [{"field": "", "message": str(m)} for m in exc.messages]
    return error_response(request, 422, "invalid_input", "The request is not valid.", details)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(request, 401, "unauthenticated", "Sign in or send a valid API token.")


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, 403, "forbidden", str(exc) or "You may not do this.")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "not_found", "Not found.")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(request, exc.status_code, "error", str(exc))


def _mount_routers() -> None:
    from palermo.accounts.api import router as accounts_router
    from palermo.cases.api import router as cases_router
    from palermo.directory.api import router as directory_router
    from palermo.knowledge.api import router as knowledge_router
    from palermo.reference.api import router as reference_router
    from palermo.review.api import router as review_router
    from palermo.writer.api import router as writer_router

    api.add_router("/reference/", reference_router)
    api.add_router("/accounts/", accounts_router)
    api.add_router("/knowledge/", knowledge_router)
    api.add_router("/directory/", directory_router)
    api.add_router("/writer/", writer_router)
    api.add_router("/cases/", cases_router)
    api.add_router("/review/", review_router)


_mount_routers()
