"""treaties_between: what the directory and the request writer propose as a legal basis."""

from __future__ import annotations

import datetime

import pytest

from palermo.knowledge.models import Status
from palermo.knowledge.selectors import treaties_between
from palermo.knowledge.tests.factories import TreatyFactory
from palermo.reference.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 28)


@pytest.fixture
def states() -> tuple:
    return CountryFactory(), CountryFactory(), CountryFactory()


def test_bilateral_treaty_in_force_is_found_both_ways(states: tuple) -> None:
    a, b, c = states
    treaty = TreatyFactory(states=[a, b])
    assert treaties_between(a, b, on=DAY) == [treaty]
    assert treaties_between(b, a, on=DAY) == [treaty]
    assert treaties_between(a, c, on=DAY) == []


@pytest.mark.parametrize(
    "in_force_on, terminated_on, status, expected",
    [
        (datetime.date(2002, 1, 1), None, Status.PUBLISHED, True),
        (datetime.date(2027, 1, 1), None, Status.PUBLISHED, False),  # not yet in force
        (None, None, Status.PUBLISHED, False),  # signed, never in force
        (datetime.date(2002, 1, 1), datetime.date(2020, 1, 1), Status.PUBLISHED, False),
        (datetime.date(2002, 1, 1), datetime.date(2027, 1, 1), Status.PUBLISHED, True),
        (datetime.date(2002, 1, 1), None, Status.DRAFT, False),  # not published
        (datetime.date(2002, 1, 1), None, Status.SUBMITTED, False),
    ],
)
def test_only_published_treaties_in_force_on_the_day(
    states: tuple,
    in_force_on: datetime.date | None,
    terminated_on: datetime.date | None,
    status: str,
    expected: bool,
) -> None:
    a, b, _c = states
    TreatyFactory(
        states=[a, b], in_force_on=in_force_on, terminated_on=terminated_on, status=status
    )
    assert bool(treaties_between(a, b, on=DAY)) is expected


def test_subject_narrows_the_treaties(states: tuple) -> None:
    a, b, _c = states
    mla = TreatyFactory(states=[a, b], subjects=["mla"])
    extradition = TreatyFactory(
        states=[a, b], subjects=["extradition", "transfer_of_sentenced_persons"]
    )
    assert treaties_between(a, b, "mla", on=DAY) == [mla]
    assert treaties_between(a, b, "extradition", on=DAY) == [extradition]
    assert set(treaties_between(a, b, on=DAY)) == {mla, extradition}
    assert treaties_between(a, b, "asset_sharing", on=DAY) == []


def test_multilateral_party_counts_from_its_own_entry_into_force(states: tuple) -> None:
    a, b, c = states
    treaty = TreatyFactory(kind="multilateral", states=[a, b])
    treaty.party_rows.create(country=c, in_force_on=datetime.date(2030, 1, 1))
    assert treaties_between(a, b, on=DAY) == [treaty]
    assert treaties_between(a, c, on=DAY) == []
    assert treaties_between(a, c, on=datetime.date(2030, 6, 1)) == [treaty]


def test_accepts_ids_and_same_state_gives_nothing(states: tuple) -> None:
    a, b, _c = states
    treaty = TreatyFactory(states=[a, b])
    assert treaties_between(a.pk, b.pk, on=DAY) == [treaty]
    assert treaties_between(a, a, on=DAY) == []
