"""The demo requests load once, are complete (no errors in the checklist) and render."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.reference.models import Country
from palermo.reference.tests.factories import CountryFactory
from palermo.writer.models import WriterRequest
from palermo.writer.selectors import checklist_for


@pytest.mark.django_db
def test_demo_requests_are_complete_and_idempotent(settings: Any) -> None:
    for iso3, iso2, numeric, name in (
        ("ITA", "IT", "380", "Italy"),
        ("BRA", "BR", "076", "Brazil"),
    ):
        if not Country.objects.filter(iso3=iso3).exists():
            CountryFactory(iso3=iso3, iso2=iso2, numeric=numeric, name=name)
    from palermo.accounts.demo import load_demo as load_accounts
    from palermo.writer.demo import load_demo

    lines: list[str] = []
    load_accounts(lines.append)
    load_demo(lines.append)
    load_demo(lines.append)
    assert WriterRequest.objects.count() == 3
    assert lines[-1].startswith("writer: 0 demo request(s) created")
    for request in WriterRequest.objects.all():
        assert checklist_for(request).errors == [], request.title
