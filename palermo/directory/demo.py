"""Fictional directory entries for `palermo demo`: authorities in real States, invented offices.

Every name ends in "(demo)", every address and e-mail is made up (demo.palermo.test). The
entries vary as real ones do: languages, channels, formal requirements, dual criminality,
authorities split by stage of proceedings or by competence. Loaded through the same import as
real data, so a second run changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from palermo.accounts.demo import DEMO_AUTHORITY_A, DEMO_AUTHORITY_B
from palermo.directory.importing import import_lines

UNTOC_CA = "UNTOC art. 18(13)"


def _entry(iso3: str, key: str, name: str, **fields: Any) -> dict[str, Any]:
    domain = f"{iso3.lower()}.demo.palermo.test"
    record: dict[str, Any] = {
        "external_id": f"demo-{iso3.lower()}-{key}",
        "country": iso3,
        "name": name,
        "competences": ["mla_central_authority"],
        "designations": [UNTOC_CA],
        "postal_address": f"{key.replace('-', ' ').title()} Building (demo)\nGovernment Quarter",
        "website": f"https://{domain}/",
        "emails": [f"{key}@{domain}"],
        "phones": ["+00 555 0100"],
        "channels": ["central_authority"],
        "requires_signature": True,
        "dual_criminality_policy": "coercive",
        "processing_time": "3 to 6 months (demo figure)",
    }
    record.update(fields)
    return record


DEMO_ENTRIES: list[dict[str, Any]] = [
    _entry(
        "ITA",
        "oijc",
        DEMO_AUTHORITY_A,
        organisation=DEMO_AUTHORITY_A,
        local_names=[
            {
                "language": "it",
                "name": "Ufficio per la cooperazione giudiziaria internazionale (demo)",
            }
        ],
        competences=["mla_central_authority", "extradition", "transfer_of_sentenced_persons"],
        designations=[UNTOC_CA, "UNTOC art. 16", "Smuggling of Migrants Protocol art. 8"],
        accepted_languages=["it", "en", "fr"],
        advance_copy_by_email=True,
        channels=["central_authority", "interpol"],
        time_zone="Europe/Rome",
        office_hours="Mon-Fri 09:00-17:00",
        untoc_basis_mla=True,
        untoc_basis_extradition=True,
        urgent_procedure="Duty magistrate reachable on the demo night line +00 555 0999.",
        translation_requirement="Requests in English or French are accepted; Italian "
        "speeds execution.",
        contacts=[
            {
                "name": "Giulia Demo",
                "position": "Head of the MLA desk (demo)",
                "languages": ["it", "en"],
                "email": "giulia@ita.demo.palermo.test",
                "phone": "+00 555 0101",
            }
        ],
        guides=[
            {
                "kind": "guide",
                "title": "How to ask for assistance (demo guide)",
                "language": "en",
                "url": "https://ita.demo.palermo.test/guide",
            }
        ],
    ),
    _entry(
        "ITA",
        "assets",
        "Asset Recovery Bureau (demo)",
        competences=["asset_recovery"],
        accepted_languages=["it", "en"],
        last_verified_on="2025-06-02",
        notes="Entry due for verification (demo).",
    ),
    _entry(
        "BRA",
        "daric",
        DEMO_AUTHORITY_B,
        organisation=DEMO_AUTHORITY_B,
        local_names=[
            {
                "language": "pt",
                "name": "Departamento de Recuperação de Ativos e Cooperação Internacional (demo)",
            }
        ],
        competences=["mla_central_authority", "asset_recovery"],
        accepted_languages=["pt"],
        certification="apostille",
        time_zone="America/Sao_Paulo",
        translation_requirement="A sworn translation into Portuguese must accompany the "
        "request and every annex.",
        untoc_basis_mla=True,
        untoc_basis_extradition=True,
        dual_criminality_policy="never",
    ),
    _entry(
        "BRA",
        "extradition",
        "Division of Extradition and Transfers (demo)",
        competences=["extradition", "transfer_of_sentenced_persons"],
        channels=["diplomatic", "interpol"],
        accepted_languages=["pt"],
        certification="apostille",
        untoc_basis_extradition=True,
    ),
    _entry(
        "FRA",
        "bepi",
        "Bureau of International Criminal Assistance (demo)",
        local_names=[
            {"language": "fr", "name": "Bureau de l'entraide pénale internationale (démo)"}
        ],
        accepted_languages=["fr"],
        channels=["central_authority", "diplomatic"],
        competences=["mla_central_authority", "extradition"],
        untoc_basis_mla=True,
        untoc_basis_extradition=True,
        requires_original=True,
        time_zone="Europe/Paris",
    ),
    _entry(
        "ESP",
        "cooperacion",
        "Subdirectorate for International Legal Cooperation (demo)",
        local_names=[
            {"language": "es", "name": "Subdirección de Cooperación Jurídica Internacional (demo)"}
        ],
        accepted_languages=["es", "en"],
        channels=["central_authority", "interpol"],
        advance_copy_by_email=True,
        untoc_basis_mla=True,
        time_zone="Europe/Madrid",
    ),
    _entry(
        "MEX",
        "fgr",
        "Directorate of International Procedures (demo)",
        accepted_languages=["es"],
        channels=["central_authority", "diplomatic"],
        competences=["mla_central_authority", "extradition"],
        certification="apostille",
        dual_criminality_policy="listed",
        dual_criminality_measures=["search_seizure", "freezing", "bank_records"],
    ),
    _entry(
        "NGA",
        "cau",
        "Central Authority Unit (demo)",
        accepted_languages=["en"],
        competences=["mla_central_authority", "extradition"],
        time_zone="Africa/Lagos",
    ),
    _entry(
        "NGA",
        "cyber",
        "Cybercrime 24/7 Contact Desk (demo)",
        accepted_languages=["en"],
        competences=["cybercrime_24_7"],
        channels=["central_authority", "interpol"],
        scope_measures=["e_evidence_preservation", "e_evidence_subscriber", "e_evidence_traffic"],
        urgent_procedure="Preservation requests by e-mail at any hour; reply within 24 h.",
    ),
    _entry(
        "ZAF",
        "dojcd",
        "Office for International Legal Cooperation (demo)",
        accepted_languages=["en"],
        certification="legalisation",
        dual_criminality_policy="always",
        channels=["central_authority", "diplomatic"],
    ),
    _entry(
        "CHN",
        "moj",
        "International Cooperation Department (demo)",
        local_names=[{"language": "zh", "name": "国际合作局（演示）"}],
        transliteration="Guoji Hezuo Ju (yanshi)",
        accepted_languages=["zh"],
        channels=["central_authority"],
        dual_criminality_policy="always",
        translation_requirement="A Chinese translation must accompany the request.",
        untoc_basis_mla=True,
        untoc_basis_extradition=True,
        time_zone="Asia/Shanghai",
    ),
    _entry(
        "RUS",
        "prosecutor",
        "International Legal Cooperation Directorate, Prosecution (demo)",
        local_names=[
            {"language": "ru", "name": "Управление международного правового сотрудничества (демо)"}
        ],
        accepted_languages=["ru"],
        scope_stages=["investigation", "prosecution"],
        competences=["mla_central_authority", "extradition"],
        time_zone="Europe/Moscow",
    ),
    _entry(
        "RUS",
        "justice",
        "Department of International Law and Cooperation, Justice Ministry (demo)",
        accepted_languages=["ru"],
        scope_stages=["trial", "enforcement"],
        competences=["mla_central_authority", "transfer_of_sentenced_persons"],
    ),
    _entry(
        "EGY",
        "moj",
        "International Cooperation Sector (demo)",
        local_names=[{"language": "ar", "name": "قطاع التعاون الدولي (تجريبي)"}],
        transliteration="Qita' al-Ta'awun al-Dawli",
        accepted_languages=["ar"],
        channels=["diplomatic"],
        certification="legalisation",
        requires_seal=True,
        time_zone="Africa/Cairo",
    ),
    _entry(
        "IND",
        "mha",
        "Internal Security Division, MLA Cell (demo)",
        accepted_languages=["en", "hi"],
        channels=["diplomatic", "central_authority"],
        scope_request_types=["mla"],
        time_zone="Asia/Kolkata",
    ),
    _entry(
        "IND",
        "mea",
        "Consular, Passport and Extradition Division (demo)",
        competences=["extradition"],
        accepted_languages=["en", "hi"],
        channels=["diplomatic"],
        untoc_basis_extradition=False,
    ),
    _entry(
        "USA",
        "oia",
        "Office of International Assistance (demo)",
        accepted_languages=["en"],
        competences=["mla_central_authority", "extradition"],
        dual_criminality_policy="listed",
        dual_criminality_measures=["search_seizure", "e_evidence_content"],
        untoc_basis_mla=True,
        untoc_basis_extradition=False,
        time_zone="America/New_York",
    ),
    _entry(
        "ARE",
        "moj",
        "International Cooperation Department (demo)",
        local_names=[{"language": "ar", "name": "إدارة التعاون الدولي (تجريبي)"}],
        accepted_languages=["ar", "en"],
        certification="legalisation",
        translation_requirement="An Arabic translation is required for execution.",
        channels=["central_authority", "diplomatic"],
        time_zone="Asia/Dubai",
    ),
    _entry(
        "DEU",
        "bfj",
        "Federal Office for Judicial Assistance (demo)",
        accepted_languages=["de"],
        channels=["central_authority"],
        competences=["mla_central_authority", "extradition", "transfer_of_sentenced_persons"],
        dual_criminality_policy="coercive",
        untoc_basis_mla=True,
        time_zone="Europe/Berlin",
    ),
]


def load_demo(log: Callable[[str], None]) -> None:
    report = import_lines(json.dumps(entry, ensure_ascii=False) for entry in DEMO_ENTRIES)
    if report.errors:
        raise RuntimeError(f"directory demo data is inconsistent: {report.errors}")
    log(
        f"directory: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged"
    )
