"""Synthetic but realistic knowledge-base records for the search benchmarks (fixed seed).

Words are drawn with a Zipf-like skew from small domain vocabularies in the six UN languages
plus Italian and Portuguese, so common words ("court", "money") match a large share of the index
and rare ones a handful, as in real case law. Nothing here is real data.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

from palermo.core.search.types import SearchDocument

SEED = 20261128


def words(text: str) -> list[str]:
    return text.split()


KINDS = [("caselaw", 55), ("legislation", 25), ("treaty", 8), ("strategy", 4), ("bibliography", 8)]
GROUPS = ["african", "asia-pacific", "eeg", "grulac", "weog"]
CRIME_TYPES = [
    "corruption",
    "counterfeiting",
    "cybercrime",
    "drug-offences",
    "money-laundering",
    "obstruction-of-justice",
    "participation-in-an-organized-criminal-group",
    "piracy",
    "smuggling-of-migrants",
    "trafficking-in-firearms",
    "trafficking-in-cultural-property",
    "wildlife-crime",
    "trafficking-in-persons",
    "falsified-medical-products",
    "terrorism",
]
ISSUES = [
    "international-cooperation",
    "mutual-legal-assistance",
    "extradition",
    "confiscation",
    "joint-investigations",
    "special-investigative-techniques",
    "electronic-evidence",
    "witness-protection",
    "liability-of-legal-persons",
    "jurisdiction",
    "prevention",
]
ARTICLES = (
    [f"UNTOC-{n}" for n in range(2, 32)]
    + [f"TIP-{n}" for n in range(3, 14)]
    + [f"SOM-{n}" for n in range(3, 10)]
    + [f"FP-{n}" for n in range(3, 12)]
)
LEVELS = ["first-instance", "appeal", "supreme", "constitutional"]
LEGISLATION_TYPES = ["constitution", "code", "act", "regulation", "decree"]

VOCABULARY = {
    "en": words(
        "court money laundering trafficking persons smuggling migrants evidence defendant"
        " appeal sentence conviction prosecutor criminal group organized transnational"
        " mutual legal assistance extradition request central authority bank records"
        " confiscation proceeds property freezing seizure witness victim testimony"
        " investigation police customs vessel firearms drugs cocaine heroin corruption"
        " bribery official fraud cyber computer data network cartel network offence"
        " imprisonment years fine judgment decision law article convention protocol state"
        " controlled delivery undercover operation joint team video link financial"
    ),
    "fr": words(
        "tribunal blanchiment argent traite êtres humains trafic migrants preuve prévenu"
        " appel peine condamnation procureur groupe criminel organisé transnational"
        " entraide judiciaire extradition demande autorité centrale relevés bancaires"
        " confiscation produits biens gel saisie témoin victime enquête police douane"
        " navire armes stupéfiants corruption fraude réseau infraction emprisonnement"
        " années amende jugement décision loi article convention protocole État"
    ),
    "es": words(
        "tribunal lavado dinero trata personas tráfico migrantes prueba acusado apelación"
        " pena condena fiscal grupo delictivo organizado transnacional asistencia judicial"
        " recíproca extradición solicitud autoridad central registros bancarios decomiso"
        " producto bienes embargo incautación testigo víctima investigación policía aduana"
        " buque armas drogas corrupción soborno fraude red delito prisión años multa"
        " sentencia decisión ley artículo convención protocolo Estado"
    ),
    "ru": words(
        "суд отмывание денег торговля людьми незаконный ввоз мигрантов доказательство"
        " обвиняемый апелляция приговор осуждение прокурор организованная преступная"
        " группа транснациональный правовая помощь выдача запрос центральный орган"
        " банковские документы конфискация доходы имущество арест изъятие свидетель"
        " потерпевший расследование полиция таможня судно оружие наркотики коррупция"
        " взятка мошенничество сеть преступление лишение свободы лет штраф решение закон"
        " статья конвенция протокол государство"
    ),
    "ar": words(
        "المحكمة غسل الأموال الاتجار بالأشخاص تهريب المهاجرين الأدلة المتهم الاستئناف"
        " العقوبة الإدانة النيابة جماعة إجرامية منظمة عبر الوطنية المساعدة القانونية"
        " المتبادلة تسليم المجرمين طلب السلطة المركزية السجلات المصرفية مصادرة العائدات"
        " الممتلكات تجميد حجز شاهد ضحية تحقيق الشرطة الجمارك سفينة أسلحة مخدرات فساد"
        " رشوة احتيال شبكة جريمة السجن سنوات غرامة حكم قرار قانون مادة اتفاقية بروتوكول دولة"
    ),
    "zh": words(
        "法院 洗钱 贩运人口 偷运移民 证据 被告 上诉 判决 定罪 检察官 有组织犯罪集团 跨国"
        " 司法协助 引渡 请求 中央机关 银行记录 没收 犯罪所得 财产 冻结 扣押 证人 被害人"
        " 调查 警方 海关 船舶 枪支 毒品 腐败 贿赂 诈骗 网络 犯罪 监禁 罚金 法律 条款 公约"
        " 议定书 国家"
    ),
    "it": words(
        "tribunale riciclaggio denaro tratta persone traffico migranti prova imputato"
        " appello pena condanna procuratore associazione criminale organizzata assistenza"
        " giudiziaria estradizione richiesta autorità centrale confisca beni sequestro"
        " testimone vittima indagine polizia nave armi droga corruzione frode rete reato"
    ),
    "pt": words(
        "tribunal lavagem dinheiro tráfico pessoas contrabando migrantes prova arguido"
        " recurso pena condenação procurador organização criminosa assistência judiciária"
        " extradição pedido autoridade central confisco bens apreensão testemunha vítima"
        " investigação polícia navio armas drogas corrupção fraude rede crime"
    ),
}
LANGUAGES = [
    ("en", 40),
    ("fr", 12),
    ("es", 14),
    ("ru", 8),
    ("ar", 8),
    ("zh", 6),
    ("it", 6),
    ("pt", 6),
]
SURNAMES = words(
    "Rossi Mendes Dupré García Ivanov Haddad Wang Okafor Silva Müller Kowalski Nguyen Smith"
    " Petrov Benali Moreau Costa Fernández Li Chen Mensah Kamara Novak Popescu Yilmaz"
)


def country_codes(rng: random.Random) -> list[tuple[str, str]]:
    """About 190 fictional three-letter codes, each in a regional group."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = sorted({"".join(rng.choice(letters) for _ in range(3)) for _ in range(400)})[:190]
    return [(code, GROUPS[i % len(GROUPS)]) for i, code in enumerate(codes)]


def zipf_words(rng: random.Random, words: list[str], count: int) -> list[str]:
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    return rng.choices(words, weights=weights, k=count)


def sentence_pool(rng: random.Random, language: str, size: int = 3000) -> list[str]:
    words = VOCABULARY[language]
    joiner = "" if language == "zh" else " "
    end = "。" if language == "zh" else "."
    pool = []
    for _ in range(size):
        text = joiner.join(zipf_words(rng, words, rng.randint(6, 16)))
        surname = rng.choice(SURNAMES) if language != "zh" else ""
        pool.append((text + joiner + surname).strip() + end)
    return pool


def generate(count: int, seed: int = SEED) -> Iterator[SearchDocument]:
    rng = random.Random(seed)
    countries = country_codes(rng)
    pools = {language: sentence_pool(rng, language) for language in VOCABULARY}
    kinds = [k for k, _w in KINDS]
    kind_weights = [w for _k, w in KINDS]
    languages = [code for code, _w in LANGUAGES]
    language_weights = [w for _c, w in LANGUAGES]
    country_weights = [1.0 / (rank + 1) ** 0.7 for rank in range(len(countries))]
    courts = [f"court-{n}" for n in range(60)]
    for n in range(count):
        kind = rng.choices(kinds, kind_weights)[0]
        language = rng.choices(languages, language_weights)[0]
        pool = pools[language]
        parties = rng.choices(countries, country_weights, k=2 if kind == "treaty" else 1)
        crime_types = rng.sample(CRIME_TYPES, rng.randint(1, 3))
        facets: dict[str, list[str]] = {
            "type": [kind if kind != "legislation" else rng.choice(LEGISLATION_TYPES)],
            "country": sorted({code for code, _g in parties}),
            "regional_group": sorted({group for _c, group in parties}),
            "crime_type": crime_types,
            "cross_cutting_issue": rng.sample(ISSUES, rng.randint(0, 3)),
            "article": rng.sample(ARTICLES, rng.randint(1, 4)),
            "language": [language],
        }
        if kind == "caselaw":
            facets["court"] = [rng.choice(courts)]
            facets["level"] = [rng.choice(LEVELS)]
        title_words = " ".join(zipf_words(rng, VOCABULARY[language], rng.randint(3, 7)))
        if kind == "caselaw" and language != "zh":
            title = f"{rng.choice(SURNAMES)} v. {rng.choice(SURNAMES)}: {title_words}"
        else:
            title = title_words if language != "zh" else title_words.replace(" ", "")
        summary = " ".join(rng.choices(pool, k=2))
        body = " ".join(rng.choices(pool, k=rng.randint(4, 10)))
        date = datetime.date(1990, 1, 1) + datetime.timedelta(days=rng.randint(0, 36 * 365))
        yield SearchDocument(
            kind=kind,
            key=str(n),
            title=title,
            summary=summary,
            body=body,
            language=language,
            date=date if rng.random() > 0.03 else None,
            facets=facets,
            extra={"state": parties[0][0], "source_url": f"https://example.org/{kind}/{n}"},
            is_public=rng.random() > 0.05,
        )
