"""A small hand-written multilingual corpus (fictional records) for the contract suite."""

from __future__ import annotations

import datetime

from palermo.core.search.types import SearchDocument


def doc(kind: str, key: str, title: str, **fields: object) -> SearchDocument:
    return SearchDocument(kind=kind, key=key, title=title, **fields)  # type: ignore[arg-type]


CORPUS = [
    doc(
        "caselaw",
        "c1",
        "Prosecutor v. Rossi: money laundering through shell companies",
        summary="The court convicted three members of an organized criminal group.",
        body="Funds were moved through accounts in several States before buying real estate.",
        language="en",
        date=datetime.date(2016, 5, 3),
        facets={
            "country": ["ITA"],
            "regional_group": ["weog"],
            "crime_type": ["money-laundering"],
            "article": ["UNTOC-6", "UNTOC-18"],
            "language": ["en"],
        },
        extra={"url": "/knowledge/caselaw/c1"},
    ),
    doc(
        "caselaw",
        "c2",
        "State v. Mendes: smuggling of migrants by sea",
        summary="A vessel carrying migrants was intercepted; the captain was convicted.",
        body="Evidence obtained by mutual legal assistance included bank records showing money "
        "laundering of the fees paid by the migrants.",
        language="en",
        date=datetime.date(2019, 11, 20),
        facets={
            "country": ["PRT"],
            "regional_group": ["weog"],
            "crime_type": ["smuggling-of-migrants", "money-laundering"],
            "article": ["SOM-8"],
            "language": ["en"],
        },
    ),
    doc(
        "caselaw",
        "c3",
        "Affaire Dupré : traite des êtres humains",
        summary="Le tribunal a retenu la circonstance aggravante de bande organisée.",
        body="Les victimes étaient recrutées à l'étranger; une équipe commune d'enquête fut créée.",
        language="fr",
        date=datetime.date(2021, 2, 1),
        facets={
            "country": ["FRA"],
            "regional_group": ["weog"],
            "crime_type": ["trafficking-in-persons"],
            "article": ["UNTOC-19"],
            "language": ["fr"],
        },
    ),
    doc(
        "legislation",
        "l1",
        "قانون مكافحة غسل الأموال",
        summary="يجرّم القانون غسلَ الأموال ويُنشئ وحدةً للتحريات المالية.",
        body=(
            "تلتزم المؤسسات المالية بالإبلاغ عن المعاملات المشبوهة إلى الوحدة."
            " إحالة الطلبات إلى السلطة المركزية."
        ),
        language="ar",
        date=datetime.date(2015, 7, 1),
        facets={
            "country": ["EGY"],
            "regional_group": ["african"],
            "crime_type": ["money-laundering"],
            "language": ["ar"],
            "type": ["act"],
        },
    ),
    doc(
        "legislation",
        "l2",
        "中华人民共和国反洗钱法",
        summary="本法规定了金融机构的反洗钱义务和跨国有组织犯罪的国际合作。",
        body="金融机构应当报告可疑交易。司法协助请求由中央机关办理。",
        language="zh",
        date=datetime.date(2007, 1, 1),
        facets={
            "country": ["CHN"],
            "regional_group": ["asia-pacific"],
            "crime_type": ["money-laundering"],
            "language": ["zh"],
            "type": ["act"],
        },
    ),
    doc(
        "legislation",
        "l3",
        "Уголовный кодекс: организованная преступная группа",
        summary="Статья определяет ответственность участников организованной преступной группы.",
        body="Наказание назначается с учётом роли лица в группе; ёмкость доказательств.",
        language="ru",
        date=datetime.date(1996, 6, 13),
        facets={
            "country": ["RUS"],
            "regional_group": ["eeg"],
            "crime_type": ["participation-in-an-organized-criminal-group"],
            "language": ["ru"],
            "type": ["code"],
        },
    ),
    doc(
        "legislation",
        "l4",
        "Ley orgánica sobre extradición y asistencia judicial",
        summary="Regula la extradición pasiva y la asistencia jurídica mutua en materia penal.",
        body="La autoridad central recibe las solicitudes y verifica la doble incriminación.",
        language="es",
        date=datetime.date(2014, 3, 10),
        facets={
            "country": ["ESP"],
            "regional_group": ["weog"],
            "crime_type": [],
            "cross_cutting_issue": ["extradition", "mutual-legal-assistance"],
            "language": ["es"],
            "type": ["act"],
        },
    ),
    doc(
        "treaty",
        "t1",
        "Treaty on mutual legal assistance between Xandria and Yberia",
        summary="Bilateral treaty; requests go between central authorities.",
        body="Each party designates a central authority. Money is not mentioned in the title.",
        language="en",
        date=datetime.date(2010, 9, 9),
        facets={
            "country": ["XAA", "YBB"],
            "cross_cutting_issue": ["mutual-legal-assistance"],
            "language": ["en"],
        },
    ),
    doc(
        "caselaw",
        "c4",
        "Restricted draft: undercover operation",
        summary="Not yet published; laundering of proceeds from firearms trafficking.",
        language="en",
        date=datetime.date(2022, 1, 1),
        is_public=False,
        facets={"country": ["ITA"], "crime_type": ["trafficking-in-firearms"], "language": ["en"]},
    ),
    doc(
        "bibliography",
        "b1",
        "Cooperation without borders",
        summary="A study of practice under article 18, without any date.",
        body="Laundering is discussed only in a footnote of the body text about laundering.",
        language="en",
        facets={"language": ["en"]},
    ),
]
