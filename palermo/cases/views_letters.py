"""The chase action: draft a status enquiry letter for an outgoing request."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access
from palermo.cases import letters
from palermo.cases.access import access_case_by_id, is_case_member
from palermo.cases.workflow import OUTGOING


@require_POST
@access.require(is_case_member)
def chase(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    if case.direction != OUTGOING or case.is_finished or case.sent_on is None:
        raise Http404
    letters.chase(request.user, case, timezone.localdate())
    messages.success(
        request,
        _(
            "Status enquiry drafted as PDF and DOCX; it is in the documents "
            "and the correspondence log."
        ),
    )
    return redirect("cases:detail", case_id=case.pk)
