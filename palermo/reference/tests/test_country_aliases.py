"""Other names of States in countries.jsonl: names real files use, each meaning one State."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from palermo.reference import selectors
from palermo.reference.folding import fold
from palermo.reference.loading import DATA_DIR

# Names seen in exported case law and open data, found through the aliases (any case).
ALIASES = [
    ("Republic of Korea", "KOR"),
    ("Democratic Republic of the Congo", "COD"),
    ("DR Congo", "COD"),
    ("Congo (DRC)", "COD"),
    ("DRC", "COD"),
    ("Republic of the Congo", "COG"),
    ("Holy See", "VAT"),
    ("Vatican", "VAT"),
    ("Palestine", "PSE"),
    ("DPRK", "PRK"),
    ("UAE", "ARE"),
    ("Lao PDR", "LAO"),
    ("England and Wales", "GBR"),
    ("Scotland", "GBR"),
    ("Macau", "MAC"),
    ("PRC", "CHN"),
    ("The former Yugoslav Republic of Macedonia", "MKD"),
    ("FYROM", "MKD"),
    ("holland", "NLD"),
    ("SWAZILAND", "SWZ"),
    ("Burma", "MMR"),
    ("Cape Verde", "CPV"),
    ("Czech Republic", "CZE"),
]


@pytest.mark.parametrize(("text", "iso3"), ALIASES)
def test_aliases_find_their_state(reference_data: None, text: str, iso3: str) -> None:
    found = selectors.find_country(text)
    assert found is not None and found.iso3 == iso3


def test_no_name_stands_for_two_states() -> None:
    """An alias shared by two States would send a line to whichever loads first."""
    states_of: dict[str, set[str]] = defaultdict(set)
    with (DATA_DIR / "countries.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            names = [*row["name"].values(), row["official_name"], *row["aliases"]]
            for name in filter(None, names):
                states_of[fold(name)].add(row["iso3"])
    shared = {name: states for name, states in states_of.items() if len(states) > 1}
    assert shared == {}
