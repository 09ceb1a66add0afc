"""Factories for reference data used across every app's tests."""

from __future__ import annotations

import string
from collections.abc import Iterable

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


def _first_free(field: str, candidates: Iterable[str]) -> str:
    """A code no country in the test database has yet, so factory countries never collide with
    each other or with countries a test creates with explicit codes."""
    taken = set(Country.objects.values_list(field, flat=True))
    return next(code for code in candidates if code not in taken)


LETTERS = string.ascii_uppercase
# Pools start where tests rarely write explicit codes, so a later explicit code seldom clashes.
ISO2_POOL = [f"{a}{b}" for a in "JV" for b in LETTERS] + [f"{a}{b}" for a in "QXZ" for b in LETTERS]
ISO3_POOL = [f"{a}{n:02d}" for a in "QZ" for n in range(100)]  # digits: never a real code
NUMERIC_POOL = [f"{n:03d}" for n in [*range(600, 900), *range(100, 600)]]


class CountryFactory(factory.django.DjangoModelFactory):
    """Fictional-code countries by default; pass iso2/iso3 for real ones."""

    class Meta:
        model = Country
        django_get_or_create = ("iso3",)

    iso2 = factory.LazyFunction(lambda: _first_free("iso2", ISO2_POOL))
    iso3 = factory.LazyFunction(lambda: _first_free("iso3", ISO3_POOL))
    numeric = factory.LazyFunction(lambda: _first_free("numeric", NUMERIC_POOL))
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
