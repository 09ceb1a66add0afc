"""Factories for reference data used across every app's tests."""

from __future__ import annotations

import factory

from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    Instrument,
    Participation,
    RegionalGroup,
)


class RegionalGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionalGroup
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"group-{n}")
    name = factory.LazyAttribute(lambda o: o.code.title())


class CountryFactory(factory.django.DjangoModelFactory):
    """Fictional-code countries by default; pass iso2/iso3 for real ones."""

    class Meta:
        model = Country
        django_get_or_create = ("iso3",)

    iso2 = factory.Sequence(lambda n: f"Q{chr(65 + n % 26)}" if n < 26 else f"X{chr(65 + n % 26)}")
    iso3 = factory.Sequence(lambda n: f"Q{n:02d}"[:3] if n < 100 else f"Z{n % 100:02d}")
    numeric = factory.Sequence(lambda n: f"{900 + n % 100:03d}")
    name = factory.Sequence(lambda n: f"State {n}")
    is_un_member = True
    regional_group = factory.SubFactory(RegionalGroupFactory)


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument
        django_get_or_create = ("code",)

    code = "untoc"
    short_name = "UNTOC"
    title = "United Nations Convention against Transnational Organized Crime"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        django_get_or_create = ("instrument", "number")

    instrument = factory.SubFactory(InstrumentFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.LazyAttribute(lambda o: f"Article {o.number}")


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    country = factory.SubFactory(CountryFactory)
    instrument = factory.SubFactory(InstrumentFactory)


class CrimeTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrimeType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"crime-{n}")
    name = factory.LazyAttribute(lambda o: o.code.replace("-", " ").title())


class CrossCuttingIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrossCuttingIssue
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"issue-{n}")
    name = factory.LazyAttribute(lambda o: o.code.replace("-", " ").title())
