"""Factories for knowledge records; published unless a test says otherwise."""

from __future__ import annotations

import datetime

import factory

from palermo.knowledge.models import (
    CaseLaw,
    CaseParty,
    Legislation,
    Provision,
    Publication,
    Status,
    Strategy,
    Treaty,
    TreatyParty,
)
from palermo.reference.tests.factories import CountryFactory


class CaseLawFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseLaw

    title = factory.Sequence(lambda n: f"Prosecutor v. Sample {n} (fictional)")
    country = factory.SubFactory(CountryFactory)
    court = "Regional Court of Appeal"
    decision_date = datetime.date(2019, 5, 1)
    decision_date_precision = "month"
    summary = "Members of a group moved people across two borders for forced labour."
    status = Status.PUBLISHED
    source = "Palermo test data (fictional)"


class CasePartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseParty

    case = factory.SubFactory(CaseLawFactory)
    kind = CaseParty.Kind.DEFENDANT
    name = "Anna Example"


class LegislationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Legislation

    title = factory.Sequence(lambda n: f"Organized Crime Act {n}")
    country = factory.SubFactory(CountryFactory)
    adopted_on = datetime.date(2010, 3, 4)
    status = Status.PUBLISHED


class ProvisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provision

    legislation = factory.SubFactory(LegislationFactory)
    reference = factory.Sequence(lambda n: f"Art. {n + 1}")
    heading = "Mutual legal assistance"
    text = "The central authority receives and executes requests for assistance."


class TreatyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Treaty
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Treaty on Mutual Legal Assistance {n}")
    subjects = factory.LazyFunction(lambda: ["mla"])
    signed_on = datetime.date(2001, 1, 10)
    in_force_on = datetime.date(2002, 6, 1)
    status = Status.PUBLISHED

    @factory.post_generation
    def states(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        for country in extracted or []:
            TreatyParty.objects.create(treaty=self, country=country)


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    title = factory.Sequence(lambda n: f"National Strategy against Organized Crime {n}")
    country = factory.SubFactory(CountryFactory)
    adopted_on = datetime.date(2021, 2, 1)
    status = Status.PUBLISHED


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title = factory.Sequence(lambda n: f"Cooperation in practice, volume {n}")
    authors = "R. Example; S. Sample"
    year = 2018
    status = Status.PUBLISHED
