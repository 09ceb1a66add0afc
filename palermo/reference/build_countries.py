"""Regenerates data/countries.jsonl from pycountry (ISO 3166-1) and babel (CLDR names).

Run `uv run python -m palermo.reference.build_countries` after upgrading pycountry or babel,
review the diff, and commit it. The file, not these libraries, is what `load_reference` reads,
so an installation's reference data changes only when the file does. Plain Python, no Django.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
from babel import Locale

DATA_DIR = Path(__file__).resolve().parent / "data"
# Data-file language keys and the CLDR locale that names territories in that language.
LANGUAGES = {"ar": "ar", "en": "en", "es": "es", "fr": "fr", "ru": "ru", "zh-hans": "zh_Hans"}
# Names people still type that neither ISO nor CLDR gives any more.
ALIASES: dict[str, list[str]] = {
    "CIV": ["Ivory Coast"],
    "CPV": ["Cape Verde"],
    "CZE": ["Czech Republic"],
    "MKD": ["Macedonia"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor"],
    "TUR": ["Turkey", "Turquie", "Turquía", "Турция"],
    "USA": ["USA", "United States of America"],
    "GBR": ["UK", "Great Britain"],
    "RUS": [
        "Russia",
        "Российская Федерация",
        "Fédération de Russie",
        "Federación de Rusia",
        "الاتحاد الروسي",
        "俄罗斯联邦",
    ],
    "NLD": ["Holland"],
}
# Where United Nations terminology differs from CLDR's everyday names.
NAME_OVERRIDES: dict[str, dict[str, str]] = {
    "PSE": {
        "ar": "دولة فلسطين",
        "en": "State of Palestine",
        "es": "Estado de Palestina",
        "fr": "État de Palestine",
        "ru": "Государство Палестина",
        "zh-hans": "巴勒斯坦国",
    },
    "TWN": {
        "ar": "مقاطعة تايوان الصينية",
        "en": "Taiwan Province of China",
        "es": "Taiwán (provincia de China)",
        "fr": "Taïwan (province de Chine)",
        "ru": "провинция Китая Тайвань",
        "zh-hans": "中国台湾省",
    },
}


def country_rows() -> list[dict[str, object]]:
    territory_names = {key: Locale.parse(loc).territories for key, loc in LANGUAGES.items()}
    rows = []
    for entry in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        english = territory_names["en"].get(entry.alpha_2) or entry.name
        names = {key: territory_names[key].get(entry.alpha_2) or english for key in LANGUAGES}
        cldr_names = list(names.values())
        names.update(NAME_OVERRIDES.get(entry.alpha_3, {}))
        aliases = [
            *cldr_names,
            entry.name,
            getattr(entry, "common_name", ""),
            *ALIASES.get(entry.alpha_3, []),
        ]
        rows.append(
            {
                "iso2": entry.alpha_2,
                "iso3": entry.alpha_3,
                "numeric": entry.numeric,
                "name": names,
                "official_name": getattr(entry, "official_name", ""),
                "aliases": sorted({a for a in aliases if a and a not in names.values()}),
            }
        )
    return rows


def write_countries(path: Path = DATA_DIR / "countries.jsonl") -> int:
    rows = country_rows()
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return len(rows)


if __name__ == "__main__":
    print(f"{write_countries()} countries and territories written")
