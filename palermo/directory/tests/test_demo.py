"""The demo directory: at least 12 States, varied, linked to the demo authorities, idempotent."""

from __future__ import annotations

import pytest

from palermo.accounts import demo as accounts_demo
from palermo.directory import demo
from palermo.directory.models import Authority
from palermo.reference.tests.factories import CountryFactory

STATES = sorted({entry["country"] for entry in demo.DEMO_ENTRIES})


@pytest.fixture
def countries(db):
    for number, iso3 in enumerate(STATES):
        CountryFactory(iso3=iso3, iso2=iso3[:2], numeric=f"{100 + number}", name=f"{iso3} land")


def test_demo_loads_once_and_changes_nothing_the_second_time(countries):
    lines: list[str] = []
    accounts_demo.load_demo(lines.append)
    demo.load_demo(lines.append)
    assert len(STATES) >= 12
    assert Authority.objects.values("country").distinct().count() == len(STATES)
    assert all("(demo)" in a.name or "(demo)" in a.name.lower() for a in Authority.objects.all())
    demo.load_demo(lines.append)
    assert lines[-1] == f"directory: 0 created, 0 updated, {len(demo.DEMO_ENTRIES)} unchanged"


def test_demo_authorities_are_linked_to_their_directory_entries(countries):
    accounts_demo.load_demo(lambda _line: None)
    demo.load_demo(lambda _line: None)
    for which, iso3 in (("A", "ITA"), ("B", "BRA")):
        organisation = accounts_demo.demo_authority(which)
        entry = Authority.objects.get(organisation=organisation)
        assert entry.country.iso3 == iso3


def test_demo_varies_languages_channels_and_requirements(countries):
    accounts_demo.load_demo(lambda _line: None)
    demo.load_demo(lambda _line: None)
    entries = list(Authority.objects.all())
    assert len({lang for a in entries for lang in a.accepted_languages}) >= 8
    assert {c for a in entries for c in a.channels} == {
        "central_authority",
        "diplomatic",
        "interpol",
    }
    assert {a.certification for a in entries} >= {"none", "apostille", "legalisation"}
    assert {a.dual_criminality_policy for a in entries} >= {"never", "coercive", "listed", "always"}
    assert any(a.is_stale() for a in entries)  # something for the demo focal point to verify
