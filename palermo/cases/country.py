"""The case-tracking section of a country page (rendered by the reference app's country page)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from palermo.cases.access import cases_visible_to, is_case_member
from palermo.reference.models import Country

SHOWN = 20


def country_section(request: HttpRequest, country: Country) -> dict[str, Any] | None:
    """For members of an authority: their open cases with this State as counterpart; else None.

    Returns {"title", "count", "overdue", "cases": [{"reference", "title", "state", "direction",
    "next_due_on", "url"}], "list_url"}; only cases the user may see are counted or listed.
    """
    user = getattr(request, "user", None)
    if not is_case_member(user):
        return None
    from django.utils.translation import gettext as _

    today = timezone.localdate()
    cases = cases_visible_to(user).filter(is_open=True, counterpart_state=country)
    listed = list(cases.order_by("next_due_on", "-id")[:SHOWN])
    return {
        "title": _("Your open cases with %(country)s") % {"country": country.name},
        "count": cases.count(),
        "overdue": cases.filter(next_due_on__lt=today).count(),
        "cases": [
            {
                "reference": c.our_reference,
                "title": c.title,
                "state": c.state_label,
                "direction": c.get_direction_display(),
                "next_due_on": c.next_due_on,
                "url": reverse("cases:detail", args=[c.pk]),
            }
            for c in listed
        ],
        "list_url": f"{reverse('cases:index')}?counterpart={country.iso3}",
    }
