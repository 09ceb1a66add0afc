"""Factories for cases."""

from __future__ import annotations

import datetime as dt

import factory

from palermo.accounts.tests.factories import OrganisationFactory
from palermo.cases.models import Case, CaseMeasure, CaseTransition
from palermo.reference.tests.factories import CountryFactory


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    organisation = factory.SubFactory(OrganisationFactory)
    direction = "incoming"
    our_reference = factory.Sequence(lambda n: f"IN-2026-{n + 1:04d}")
    title = factory.Sequence(lambda n: f"Request about the harbour fraud no. {n}")
    counterpart_state = factory.SubFactory(CountryFactory)
    received_on = dt.date(2026, 10, 1)
    state = "received"


class CaseMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseMeasure

    case = factory.SubFactory(CaseFactory)
    code = "bank_records"


class CaseTransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseTransition

    case = factory.SubFactory(CaseFactory)
    code = "create"
    from_state = ""
    to_state = "received"
    occurred_on = dt.date(2026, 10, 1)
