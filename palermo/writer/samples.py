"""Three complete, fictional requests as plain data: the demo loads them, the tests mutate them
and the benchmark renders them. Every name, number and event here is invented for Palermo."""

from __future__ import annotations

import copy
from typing import Any

FACTS_BANK = (
    "Between March 2025 and June 2026 a group of at least five persons, directed by Marco "
    "Vellani from the requesting State, imported counterfeit medicines and laundered the "
    "proceeds through companies in both States. Investigators traced transfers totalling "
    "about 2.4 million euros from the company Lumen Trading S.r.l. to an account held by "
    "Orfeo Holdings Ltd at Banco Austral Demo in the requested State. Orfeo Holdings Ltd is "
    "controlled by Marco Vellani through a nominee director."
)

BANK_RECORDS: dict[str, Any] = {
    "title": "Bank records of Orfeo Holdings Ltd (Operation Lantern, fictional)",
    "requesting_authority": {
        "name": "Office for International Judicial Cooperation (demo)",
        "state": "ITA",
        "address": "Via dell'Esempio 1, Rome (fictional)",
    },
    "requested_state": "BRA",
    "requested_authority": {
        "name": "Department of Asset Recovery and International Cooperation (demo)",
        "address": "",
        "directory_id": None,
    },
    "target_language": "es",
    "source_language": "en",
    "channel": "central_authority",
    "legal_basis": {
        "chosen": "untoc",
        "instrument": "",
        "proposed": ["untoc"],
        "override_reason": "",
    },
    "proceedings": {
        "subject": "Criminal investigation of an organized group importing "
        "counterfeit medicines and laundering the proceeds",
        "nature": "investigation",
        "conducting_authority": "Public Prosecutor's Office of Rome (fictional)",
        "case_reference": "RGNR 4471/2025 (fictional)",
    },
    "offences": [
        {
            "description": "Laundering of the proceeds of crime through company accounts",
            "provisions": "Article 648-bis of the Criminal Code of the requesting State",
            "max_penalty_years": 12,
            "crime_type": "money_laundering",
            "convention_offence": True,
            "dual_criminality_note": "Money laundering is an offence in both States.",
        },
        {
            "description": "Participation in an organized criminal group",
            "provisions": "Article 416 of the Criminal Code of the requesting State",
            "max_penalty_years": 7,
            "crime_type": "organized_criminal_group",
            "convention_offence": True,
            "dual_criminality_note": "",
        },
    ],
    "facts": {
        "summary": FACTS_BANK,
        "transnational_nature": "The group acts in both States and moves money from "
        "the requesting State to the requested State.",
        "organized_criminal_group": "At least five persons acting together since 2025 "
        "under the direction of Marco Vellani for profit.",
    },
    "persons": [
        {
            "name": "Marco Vellani",
            "role": "suspect",
            "date_of_birth": "1971-04-02",
            "nationality": "Italian",
            "location": "Rome",
            "identifiers": "Passport YA0000001 (fictional)",
        },
        {
            "name": "Orfeo Holdings Ltd",
            "role": "company",
            "date_of_birth": "",
            "nationality": "",
            "location": "São Paulo",
            "identifiers": "Company no. 00.000.000/0001",
        },
    ],
    "measures": [
        {
            "code": "bank_records",
            "fields": {
                "bank": "Banco Austral Demo",
                "account_holder": "Orfeo Holdings Ltd",
                "account_numbers": "0001-23456-7 (fictional)",
                "period_from": "2025-01-01",
                "period_to": "2026-06-30",
                "record_types": "Account opening documents, statements, transfer orders",
                "link_to_facts": "The transfers of about 2.4 million euros described in the facts "
                "were received on this account.",
            },
        },
    ],
    "procedures": {
        "procedures": "Certify the records as true copies of the bank's records.",
        "reasons": "Certified copies are admissible at trial in the requesting "
        "State without calling a bank officer.",
        "certification": True,
        "officials_present": False,
        "oath": False,
    },
    "purpose": "To prove the flow of the proceeds and identify the persons controlling the "
    "account, as evidence at trial.",
    "confidentiality": {
        "requested": True,
        "reasons": "Disclosure to the account holder would "
        "warn the suspects and risk the loss of "
        "assets.",
    },
    "urgency": {
        "urgent": False,
        "deadline": "2027-03-31",
        "reasons": "The investigation must close by mid-2027.",
    },
    "contact": {
        "name": "Alice Caseworker",
        "position": "Caseworker",
        "email": "alice@demo.palermo.test",
        "phone": "+39 06 0000 0000",
    },
    "assurances": "",
    "annexes": [
        {
            "title": "Relevant provisions of the Criminal Code",
            "kind": "legal_provisions",
            "pages": 3,
        }
    ],
}

EXTRADITION: dict[str, Any] = {
    **copy.deepcopy(BANK_RECORDS),
    "title": "Extradition of Dario Pellin, with provisional arrest (fictional)",
    "target_language": "fr",
    "proceedings": {
        "subject": "Prosecution for trafficking in persons",
        "nature": "prosecution",
        "conducting_authority": "Court of Naples, preliminary investigations judge (fictional)",
        "case_reference": "GIP 889/2026 (fictional)",
    },
    "offences": [
        {
            "description": "Trafficking in persons for forced labour",
            "provisions": "Article 601 of the Criminal Code of the requesting State",
            "max_penalty_years": 20,
            "crime_type": "trafficking_in_persons",
            "convention_offence": True,
            "dual_criminality_note": "The conduct is trafficking in persons under the law of both "
            "States.",
        },
    ],
    "facts": {
        "summary": "From 2024 to 2026 Dario Pellin recruited workers abroad with false "
        "promises, took their passports and forced them to work on farms near "
        "Naples without pay. Twelve victims have given statements. He left "
        "the requesting State in August 2026 and lives in the requested State, "
        "where he was seen in Curitiba in October 2026. "
        "A warrant of arrest was issued on 2 September 2026.",
        "transnational_nature": "Victims were recruited in a third State and the "
        "suspect fled to the requested State.",
        "organized_criminal_group": "Dario Pellin acted with at least three recruiters "
        "and a transport organiser since 2024.",
    },
    "persons": [
        {
            "name": "Dario Pellin",
            "role": "suspect",
            "date_of_birth": "1980-09-15",
            "nationality": "Italian",
            "location": "Curitiba",
            "identifiers": "Height 1.82 m; scar on left hand; passport YB0000002 (fictional)",
        }
    ],
    "measures": [
        {
            "code": "provisional_arrest",
            "fields": {
                "person": "Dario Pellin",
                "warrant_reference": "GIP 889/2026-W (fictional)",
                "urgency_reasons": "He is preparing to leave for a third State.",
                "whereabouts": "Curitiba",
                "extradition_request_to_follow": True,
                "link_to_facts": "He is the person sought by the warrant described in the facts.",
            },
        },
        {
            "code": "extradition",
            "fields": {
                "person": "Dario Pellin",
                "warrant_reference": "GIP 889/2026-W (fictional)",
                "warrant_authority": "Court of Naples (fictional)",
                "warrant_date": "2026-09-02",
                "sought_for": "prosecution",
                "sentence_remaining": "",
                "link_to_facts": "He is the person sought by the warrant described in the facts.",
            },
        },
    ],
    "procedures": {
        "procedures": "",
        "reasons": "",
        "certification": False,
        "officials_present": False,
        "oath": False,
    },
    "purpose": "To bring Dario Pellin to trial in the requesting State.",
    "confidentiality": {"requested": False, "reasons": ""},
    "urgency": {
        "urgent": True,
        "deadline": "2026-12-20",
        "reasons": "The person sought is preparing to leave the requested State.",
    },
    "assurances": "The requesting State gives the assurance that the person will not be tried "
    "for other offences committed before surrender (speciality) and that the "
    "death penalty does not apply.",
    "annexes": [
        {"title": "Warrant of arrest", "kind": "warrant", "pages": 4},
        {"title": "Relevant provisions", "kind": "legal_provisions", "pages": 2},
        {"title": "Photograph and fingerprints", "kind": "identification", "pages": 2},
    ],
}

CONFISCATION: dict[str, Any] = {
    **copy.deepcopy(BANK_RECORDS),
    "title": "Freezing, then confiscation, of the villa of Nadia Ferro (fictional)",
    "target_language": "en",
    "proceedings": {
        "subject": "Confiscation of the proceeds of drug trafficking",
        "nature": "enforcement",
        "conducting_authority": "Court of Milan (fictional)",
        "case_reference": "RG 1200/2024 (fictional)",
    },
    "offences": [
        {
            "description": "Trafficking in narcotic drugs as part of a group",
            "provisions": "Article 74 of Presidential Decree 309/1990 (as cited, fictional case)",
            "max_penalty_years": 20,
            "crime_type": "drug_offences",
            "convention_offence": False,
            "dual_criminality_note": "Drug trafficking is an offence in both States.",
        },
    ],
    "facts": {
        "summary": "Nadia Ferro led the financial side of a group that imported cocaine "
        "between 2019 and 2023. She bought a villa in Florianópolis in 2022 "
        "for 1.1 million euros paid from the proceeds. The Court of Milan "
        "convicted her and ordered the confiscation of the villa on 10 March "
        "2026; the order became final on 30 September 2026.",
        "transnational_nature": "Drugs were shipped from a third State and proceeds "
        "invested in the requested State.",
        "organized_criminal_group": "A group of eight persons acting since 2019 for profit.",
    },
    "persons": [
        {
            "name": "Nadia Ferro",
            "role": "accused",
            "date_of_birth": "1975-01-20",
            "nationality": "Italian",
            "location": "Milan (in custody)",
            "identifiers": "",
        }
    ],
    "measures": [
        {
            "code": "confiscation_freezing",
            "fields": {
                "property_description": "Villa at Rua Exemplo 100, Florianópolis (fictional), "
                "land register no. 0000",
                "property_location": "Florianópolis",
                "owner": "Nadia Ferro",
                "actions_requested": "Freeze the villa and register the freezing in the land "
                "register, to prevent its sale.",
                "link_to_facts": "The villa was bought with the proceeds described in the facts.",
            },
        },
        {
            "code": "confiscation_enforce_foreign_order",
            "fields": {
                "order_reference": "RG 1200/2024 (fictional)",
                "issuing_court": "Court of Milan",
                "order_date": "2026-03-10",
                "order_is_final": True,
                "extent_of_execution": "Confiscation of the villa in full.",
                "property_description": "Villa at Rua Exemplo 100, Florianópolis (fictional)",
                "link_to_facts": "The order confiscates the villa bought with the proceeds.",
            },
        },
    ],
    "purpose": "To secure and then confiscate the villa so the proceeds can be recovered.",
    "confidentiality": {"requested": False, "reasons": ""},
    "urgency": {"urgent": False, "deadline": "", "reasons": ""},
    "assurances": "",
    "annexes": [
        {
            "title": "Confiscation order of the Court of Milan, certified copy",
            "kind": "order_copy",
            "pages": 14,
        },
        {"title": "Certificate that the order is final", "kind": "judgment", "pages": 1},
    ],
}

SAMPLES: dict[str, dict[str, Any]] = {
    "bank_records": BANK_RECORDS,
    "extradition": EXTRADITION,
    "confiscation": CONFISCATION,
}


def sample(name: str) -> dict[str, Any]:
    """A fresh deep copy of a sample request, safe to change."""
    return copy.deepcopy(SAMPLES[name])
