"""Selectors other apps call: finding countries in any language, participation, articles."""

from __future__ import annotations

import datetime

import pytest

from palermo.reference import selectors
from palermo.reference.folding import fold
from palermo.reference.models import Country, Participation
from palermo.reference.tests.factories import (
    CountryFactory,
    InstrumentFactory,
    ParticipationFactory,
)

FIND_COUNTRY = [
    ("FR", "FRA"),
    ("fra", "FRA"),
    ("250", "FRA"),
    ("France", "FRA"),
    ("  france ", "FRA"),
    ("French Republic", "FRA"),
    ("Франция", "FRA"),
    ("法国", "FRA"),
    ("فرنسا", "FRA"),
    ("Francia", "FRA"),
    ("Côte d’Ivoire", "CIV"),
    ("cote d'ivoire", "CIV"),
    ("COTE D IVOIRE", "CIV"),
    ("Ivory Coast", "CIV"),
    ("Кот-д’Ивуар", "CIV"),
    ("科特迪瓦", "CIV"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("turkiye", "TUR"),
    ("Турция", "TUR"),
    ("United States of America", "USA"),
    ("USA", "USA"),
    ("us", "USA"),
    ("Estados Unidos", "USA"),
    ("美国", "USA"),
    ("الولايات المتحدة", "USA"),
    ("Russian Federation", "RUS"),
    ("Russia", "RUS"),
    ("Российская Федерация", "RUS"),
    ("Россия", "RUS"),
    ("Perú", "PER"),
    ("peru", "PER"),
    ("Bolivia", "BOL"),
    ("4", "AFG"),
    ("004", "AFG"),
    ("أفغانستان", "AFG"),
    ("افغانستان", "AFG"),
    ("Viet Nam", "VNM"),
    ("State of Palestine", "PSE"),
    ("Taiwan Province of China", "TWN"),
    ("", None),
    ("   ", None),
    ("Atlantis", None),
    ("XX", None),
    ("999", None),
]


@pytest.mark.parametrize("text, iso3", FIND_COUNTRY, ids=[t or "blank" for t, _i in FIND_COUNTRY])
def test_find_country(reference_data, text, iso3):
    found = selectors.find_country(text)
    assert (found.iso3 if found else None) == iso3


def test_find_country_takes_at_most_two_queries(reference_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        assert selectors.find_country("Франция") is not None


@pytest.mark.parametrize(
    "text, key",
    [
        ("Côte d’Ivoire", "cote d ivoire"),
        ("ÉTATS-UNIS", "etats unis"),
        ("الْجَزَائِر", "الجزاير"),
        ("إيران", "ايران"),
        ("Ёлка", "елка"),
        ("中国", "中国"),
    ],
)
def test_fold(text, key):
    assert fold(text) == key


@pytest.fixture
def three_states(db):
    untoc = InstrumentFactory()
    party = CountryFactory(iso2="QP", iso3="QPP", numeric="981", name="Partyland")
    signatory = CountryFactory(iso2="QQ", iso3="QQQ", numeric="982", name="Signland")
    unknown = CountryFactory(iso2="QR", iso3="QRR", numeric="983", name="Unrecorded")
    ParticipationFactory(
        country=party,
        instrument=untoc,
        signature=datetime.date(2000, 12, 12),
        consent_date=datetime.date(2003, 1, 1),
    )
    ParticipationFactory(country=signatory, instrument=untoc, signature=datetime.date(2000, 12, 12))
    return party, signatory, unknown


def test_is_party_is_three_valued(three_states):
    party, signatory, unknown = three_states
    assert selectors.is_party(party, "untoc") is True
    assert selectors.is_party(party, "UNTOC") is True
    assert selectors.is_party(signatory, "untoc") is False
    assert selectors.is_party(unknown, "untoc") is None
    assert selectors.is_party(party, "tip") is None


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (0, 0, True),
        (0, 1, False),
        (1, 0, False),
        (0, 2, None),
        (2, 0, None),
        (1, 2, False),
        (2, 2, None),
    ],
)
def test_both_parties(three_states, a, b, expected):
    assert selectors.both_parties(three_states[a], three_states[b], "untoc") is expected


def test_participation_of(three_states):
    party, _signatory, unknown = three_states
    assert isinstance(selectors.participation_of(party, "untoc"), Participation)
    assert selectors.participation_of(unknown, "untoc") is None


@pytest.mark.parametrize(
    "ref, expected",
    [
        ("UNTOC-18", ("untoc", "18")),
        ("untoc-18", ("untoc", "18")),
        ("TIP-6", ("tip", "6")),
        ("SOM-8", ("som", "8")),
        ("SOM 8", ("som", "8")),
        ("FIREARMS-5", ("firearms", "5")),
        ("UNCAC-46", ("uncac", "46")),
        ("DRUGS1988-7", ("drugs1988", "7")),
        ("UNTOC-99", None),
        ("XYZ-1", None),
        ("UNTOC", None),
        ("18", None),
        ("", None),
    ],
)
def test_article_by_reference(reference_data, ref, expected):
    article = selectors.article_by_reference(ref)
    assert ((article.instrument.code, article.number) if article else None) == expected
    if article is not None:
        assert article.reference == ref.upper().replace(" ", "-")


def test_taxonomies_are_listed_in_order(reference_data):
    crimes = list(selectors.list_crime_types())
    assert len(crimes) == 15 and crimes[0].code == "corruption"
    assert "trafficking-in-persons" in {c.code for c in crimes}
    issues = [i.code for i in selectors.list_cross_cutting_issues()]
    assert issues[:3] == ["international-cooperation", "mutual-legal-assistance", "extradition"]


@pytest.mark.parametrize(
    "text, group, member, iso3_in, iso3_out",
    [
        ("fran", "", None, "FRA", "DEU"),
        ("Франц", "", None, "FRA", "DEU"),
        ("", "weog", None, "USA", "BRA"),
        ("", "", False, "PRI", "FRA"),
        ("DEU", "", True, "DEU", "FRA"),
    ],
)
def test_list_countries_filters(reference_data, text, group, member, iso3_in, iso3_out):
    found = set(selectors.list_countries(text, group, member).values_list("iso3", flat=True))
    assert iso3_in in found and iso3_out not in found


def test_participations_of_country_lists_every_instrument(reference_data):
    afghanistan = Country.objects.get(iso3="AFG")
    rows = selectors.participations_of_country(afghanistan)
    assert [i.code for i, _p in rows][:2] == ["untoc", "tip"]
    assert rows[0][1] is not None and rows[1][1] is None
