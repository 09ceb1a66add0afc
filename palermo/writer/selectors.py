"""Reads of the writer: lists of requests, routing facts and the checklist of a request."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from palermo.writer.access import visible_requests
from palermo.writer.models import WriterRequest
from palermo.writer.routing import Routing, check_context, route
from palermo.writer.rules import Checklist, check


def list_requests(user: Any) -> QuerySet[WriterRequest]:
    return visible_requests(user).select_related("requested_state", "author", "organisation")


def routing_for(request: WriterRequest) -> Routing:
    urgent = bool((request.content.get("urgency") or {}).get("urgent"))
    offences = request.content.get("offences") or []
    offence = next((str(o.get("crime_type")) for o in offences if o.get("crime_type")), None)
    return route(
        request.requesting_state,
        request.requested_state,
        request.measure_codes,
        urgent=urgent,
        offence=offence,
    )


def checklist_for(request: WriterRequest, routing: Routing | None = None) -> Checklist:
    return check(request.content, check_context(routing or routing_for(request)))
