"""Checks on what people type about a case, with messages that say what is wrong."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.reference.models import Country


def find_state(value: object) -> Country:
    """A Country from an instance, a primary key or an ISO alpha-2/alpha-3 code."""
    if isinstance(value, Country):
        return value
    country: Country | None = None
    if isinstance(value, int):
        country = Country.objects.filter(pk=value).first()
    elif isinstance(value, str) and value.strip():
        code = value.strip().upper()
        field = "iso3" if len(code) == 3 else "iso2"
        country = Country.objects.filter(**{field: code}).first()
    if country is None:
        raise ValidationError(
            {
                "counterpart_state": _(
                    "Unknown State: %(value)s. Use an ISO 3166 code such as ITA."
                )
                % {"value": value}
            }
        )
    return country


def check_case_dates(
    *,
    direction: str,
    received_on: date | None,
    sent_on: date | None,
    requesting_deadline: date | None,
    today: date | None = None,
) -> None:
    """Dates in the right order: nothing in the future, no deadline before receipt."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if direction == "incoming" and received_on is None:
        errors["received_on"] = _("Give the date the request was received.")
    if received_on is not None and received_on > today:
        errors["received_on"] = _("The date received cannot be in the future.")
    if sent_on is not None and sent_on > today:
        errors["sent_on"] = _("The date sent cannot be in the future.")
    start = received_on if direction == "incoming" else sent_on
    if requesting_deadline is not None and start is not None and requesting_deadline < start:
        errors["requesting_deadline"] = (
            _("The deadline cannot be before the date the request was received.")
            if direction == "incoming"
            else _("The deadline cannot be before the date the request was sent.")
        )
    if errors:
        raise ValidationError(errors)
