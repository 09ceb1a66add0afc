"""Fictional demo content for `palermo demo`: 240 cases and 210+ laws, treaties, strategies and
publications, across many States and all six UN languages.

Records are assembled from hand-written building blocks (demo_blocks/) with a fixed seed, then
written through the import pipeline, so they are published, versioned and indexed. Every record
says "(fictional)" in its title or source. A second run finds them all present and returns.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

from palermo.knowledge.demo_blocks import caselaw as blocks
from palermo.knowledge.demo_blocks import texts
from palermo.knowledge.importing.loader import import_rows
from palermo.knowledge.models import RECORD_MODELS, SourceKind
from palermo.reference.models import Country

SEED = 20261128
COMPANIES = ["Nordhaven", "Blue Anchor", "Sierra Verde", "Orion"]
SOURCE = "Palermo demonstration data (fictional)"
PER_KIND = {"caselaw": 240, "legislation": 210, "treaty": 210, "strategy": 200, "bibliography": 200}
# ISO alpha-3 → language the State's demo records are written in.
STATES: dict[str, str] = {
    "FRA": "fr",
    "BEL": "fr",
    "SEN": "fr",
    "CIV": "fr",
    "CMR": "fr",
    "MAR": "fr",
    "ESP": "es",
    "MEX": "es",
    "COL": "es",
    "ARG": "es",
    "PER": "es",
    "CHL": "es",
    "GTM": "es",
    "RUS": "ru",
    "KAZ": "ru",
    "BLR": "ru",
    "KGZ": "ru",
    "EGY": "ar",
    "JOR": "ar",
    "TUN": "ar",
    "ARE": "ar",
    "LBN": "ar",
    "QAT": "ar",
    "CHN": "zh",
    "SGP": "zh",
    "ITA": "en",
    "BRA": "en",
    "NGA": "en",
    "KEN": "en",
    "ZAF": "en",
    "IND": "en",
    "PHL": "en",
    "THA": "en",
    "GBR": "en",
    "USA": "en",
    "CAN": "en",
    "AUS": "en",
    "DEU": "en",
    "NLD": "en",
    "POL": "en",
    "UKR": "en",
    "GHA": "en",
    "IDN": "en",
    "JPN": "en",
    "NZL": "en",
}
REGIONS = {
    "en": ["Atlantic Rim", "Southern Seas", "Continental"],
    "fr": ["l'Atlantique Sud", "la Francophonie du Sahel", "l'Union des Grands Lacs"],
    "es": ["la Cuenca del Pacífico", "los Andes", "Mesoamérica"],
    "ru": ["Содружества Северных государств", "Каспийского региона", "Евразийского союза"],
    "ar": ["الخليج", "المغرب العربي", "المشرق"],
    "zh": ["东海地区", "南海地区", "亚洲内陆"],
}


def _name(country: Country, language: str) -> str:
    field = "name_zh_hans" if language == "zh" else f"name_{language}"
    return str(getattr(country, field, "") or country.name)


def _cases(rng: random.Random, states: list[Country]) -> Iterator[dict[str, Any]]:
    themes = list(blocks.THEMES.items())
    for i in range(PER_KIND["caselaw"]):
        state = states[i % len(states)]
        lang = STATES[state.iso3]
        theme_code, (crimes, articles, summaries) = themes[(i * 7 + i // len(states)) % len(themes)]
        coop = i % len(blocks.COOPERATION_CODES)
        kinds, techniques, issues, coop_articles = blocks.COOPERATION_CODES[coop]
        names = blocks.NAMES[lang]
        main = names[rng.randrange(len(names))]
        level = rng.randrange(4)
        year = 2004 + (i * 5) % 22
        month = rng.randint(1, 12)
        date = (
            f"{year}"
            if i % 5 == 0
            else (
                f"{year}-{month:02d}"
                if i % 5 == 1
                else f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
            )
        )
        partners = [s for s in rng.sample(states, 3) if s != state][:2]
        defendants = [
            {
                "name": names[(names.index(main) + k) % len(names)],
                "nationality": (state if k < 2 else partners[0]).iso3,
                "role": blocks.ROLES[lang][k % 4],
                "outcome": "acquitted" if (coop == 2 and k == 2) else "convicted",
                "sentence": ""
                if (coop == 2 and k == 2)
                else blocks.SENTENCES[lang].format(n=rng.randint(2, 14)),
            }
            for k in range(rng.randint(1, 3))
        ]
        victims = (
            [{"name": rng.choice(names), "protected": True, "nationality": partners[-1].iso3}]
            if theme_code in ("tip", "som")
            else []
        )
        legal_persons = (
            [
                {
                    "name": f"{rng.choice(COMPANIES)} Trading Ltd (fictional)",
                    "role": blocks.ROLES[lang][3],
                }
            ]
            if theme_code in ("aml", "wildlife")
            else []
        )
        summary = " ".join(
            [
                summaries[lang].format(n=rng.randint(3, 60)),
                blocks.COOPERATION[lang][coop],
                blocks.OUTCOMES[lang][i % 3],
            ]
        )
        yield {
            "id": f"demo-caselaw-{i + 1:04d}",
            "title": blocks.TITLES[lang].format(name=main),
            "country": state.iso3,
            "decision_date": date,
            "court": blocks.COURTS[lang][level],
            "court_level": blocks.COURT_LEVELS[level],
            "case_number": f"{year}/{rng.randint(100, 9999)}",
            "legal_system": "common_law" if lang == "en" and i % 2 else "civil_law",
            "crime_types": crimes,
            "untoc_articles": [*articles, *coop_articles],
            "cross_cutting_issues": issues,
            "language": lang,
            "summary": summary,
            "commentary": blocks.COMMENTARY[lang],
            "procedural_history": blocks.OUTCOMES[lang][(i + 1) % 3],
            "investigative_techniques": techniques,
            "international_cooperation": kinds,
            "cooperating_states": [p.iso3 for p in partners],
            "defendants": defendants,
            "victims": victims,
            "legal_persons": legal_persons,
            "source": SOURCE,
        }


def _laws(rng: random.Random, states: list[Country]) -> Iterator[dict[str, Any]]:
    subjects = list(texts.LAWS.items())
    for i in range(PER_KIND["legislation"]):
        state = states[i % len(states)]
        lang = STATES[state.iso3]
        subject, (crimes, issues, titles, provisions) = subjects[
            (i // len(states) + i) % len(subjects)
        ]
        number = f"{rng.randint(10, 250)}/{1995 + i % 30}"
        adopted = f"{1995 + i % 30}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield {
            "id": f"demo-legislation-{i + 1:04d}",
            "title": titles[lang].format(n=number),
            "country": state.iso3,
            "kind": "code" if subject == "ocg" else "act",
            "adopted_on": adopted,
            "in_force_on": adopted,
            "language": lang,
            "crime_types": crimes,
            "cross_cutting_issues": issues,
            "summary": " ".join(text[lang] for _r, _a, text in provisions[:1]),
            "provisions": [
                {
                    "reference": ref,
                    "text": text[lang],
                    "untoc_articles": arts,
                    "crime_types": crimes,
                }
                for ref, arts, text in provisions
            ],
            "source": SOURCE,
        }


def _treaties(rng: random.Random, states: list[Country]) -> Iterator[dict[str, Any]]:
    subjects = list(texts.TREATY_TITLES)
    pairs = [(a, b) for n, a in enumerate(states) for b in states[n + 1 :]]
    rng.shuffle(pairs)
    for i in range(PER_KIND["treaty"] - 12):
        a, b = pairs[i]
        lang = STATES[a.iso3] if i % 2 else STATES[b.iso3]
        subject = subjects[i % len(subjects)]
        signed = 1975 + (i * 3) % 48
        yield {
            "id": f"demo-treaty-{i + 1:04d}",
            "title": texts.TREATY_TITLES[subject][lang].format(a=_name(a, lang), b=_name(b, lang)),
            "parties": [a.iso3, b.iso3],
            "kind": "bilateral",
            "subjects": [subject] + (["extradition"] if subject == "mla" and i % 4 == 0 else []),
            "signed_on": f"{signed}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "in_force_on": ""
            if i % 9 == 0
            else f"{signed + rng.randint(1, 3)}-{rng.randint(1, 12):02d}-01",
            "language": lang,
            "summary": texts.TREATY_SUMMARY[lang],
            "cross_cutting_issues": ["international-cooperation"],
            "untoc_articles": ["UNTOC-18"] if subject == "mla" else ["UNTOC-16"],
            "source": SOURCE,
        }
    by_language: dict[str, list[Country]] = {}
    for state in states:
        by_language.setdefault(STATES[state.iso3], []).append(state)
    for j in range(12):
        lang = list(REGIONS)[j % 6]
        members = by_language.get(lang, states[:4]) + rng.sample(states, 2)
        year = 1990 + j * 2
        yield {
            "id": f"demo-treaty-regional-{j + 1:02d}",
            "title": texts.REGIONAL_TREATIES[lang].format(region=REGIONS[lang][j % 3], year=year),
            "parties": sorted({m.iso3 for m in members}),
            "kind": "multilateral",
            "subjects": ["mla", "extradition"],
            "signed_on": f"{year}-06-15",
            "in_force_on": f"{year + 2}-01-01",
            "language": lang,
            "summary": texts.TREATY_SUMMARY[lang],
            "source": SOURCE,
        }


def _strategies(rng: random.Random, states: list[Country]) -> Iterator[dict[str, Any]]:
    for i in range(PER_KIND["strategy"]):
        state = states[i % len(states)]
        lang = STATES[state.iso3]
        theme = (i // len(states) + i) % 5
        start = 2008 + (i * 3) % 16
        yield {
            "id": f"demo-strategy-{i + 1:04d}",
            "title": texts.STRATEGY_TITLES[lang].format(
                theme=texts.STRATEGY_THEMES[lang][theme], start=start, end=start + 4
            ),
            "country": state.iso3,
            "issuing_body": texts.ISSUERS[lang],
            "adopted_on": f"{start}-{rng.randint(1, 12):02d}-15",
            "period_start": start,
            "period_end": start + 4,
            "language": lang,
            "crime_types": [texts.STRATEGY_CRIMES[theme]],
            "cross_cutting_issues": ["prevention", "international-cooperation"],
            "summary": texts.STRATEGY_SUMMARY[lang],
            "source": SOURCE,
        }


def _publications(rng: random.Random, states: list[Country]) -> Iterator[dict[str, Any]]:
    languages = list(texts.TOPICS)
    for i in range(PER_KIND["bibliography"]):
        lang = languages[i % 6]
        topic = (i // 6) % 5
        title = texts.BOOK_TITLES[lang][(i // 30) % 3].format(topic=texts.TOPICS[lang][topic])
        authors = rng.sample(texts.AUTHORS[lang], rng.randint(1, 2))
        yield {
            "id": f"demo-bibliography-{i + 1:04d}",
            "title": f"{title[0].upper()}{title[1:]}",
            "authors": "; ".join(authors),
            "year": str(1998 + (i * 7) % 28),
            "publisher": texts.PUBLISHERS[i % 4],
            "kind": ["book", "article", "report", "chapter"][i % 4],
            "keywords": [texts.TOPICS[lang][topic]],
            "language": lang,
            "country": rng.choice(states).iso3 if i % 3 == 0 else "",
            "cross_cutting_issues": [texts.TOPIC_ISSUES[topic]],
            "untoc_articles": texts.TOPIC_ARTICLES[topic],
            "summary": texts.ABSTRACTS[lang],
            "source": SOURCE,
        }


GENERATORS: dict[str, Callable[[random.Random, list[Country]], Iterator[dict[str, Any]]]] = {
    "caselaw": _cases,
    "legislation": _laws,
    "treaty": _treaties,
    "strategy": _strategies,
    "bibliography": _publications,
}


def load_demo(log: Callable[[str], None]) -> None:
    states = list(Country.objects.filter(iso3__in=list(STATES)).order_by("iso3"))
    if len(states) < 10:
        log("knowledge: reference data missing; run `palermo load-reference` first")
        return
    for kind, generate in GENERATORS.items():
        model = RECORD_MODELS[kind]
        present = model.objects.filter(source_kind=SourceKind.DEMO).count()
        if present >= PER_KIND[kind]:
            log(f"{kind}: {present} demo records already present")
            continue
        rng = random.Random(f"{SEED}-{kind}")  # noqa: S311 (fictional text, not security)
        rows = ((n, row) for n, row in enumerate(generate(rng, states), start=1))
        report = import_rows(kind, rows, label="demo", source_kind=SourceKind.DEMO)
        if not report.ok:
            raise RuntimeError(f"demo {kind} rows are invalid: {report.errors[:5]}")
        log(f"{kind}: {report.created} created, {report.updated} updated")
