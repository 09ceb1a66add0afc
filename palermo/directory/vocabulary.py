"""Codes of the directory, as plain data (no Django imports): the routing rules use them too.

Translated labels for display are in `labels.py`.
"""

from __future__ import annotations

COMPETENCES: tuple[str, ...] = (
    "mla_central_authority",
    "extradition",
    "transfer_of_sentenced_persons",
    "asset_recovery",
    "migrant_smuggling_by_sea",
    "firearms",
    "cultural_property",
    "prevention",
    "cybercrime_24_7",
    "interpol_ncb",
    "fiu",
    "other",
)

CHANNELS: tuple[str, ...] = ("central_authority", "diplomatic", "interpol")

STAGES: tuple[str, ...] = ("investigation", "prosecution", "trial", "enforcement")

CERTIFICATIONS: tuple[str, ...] = ("none", "certification", "apostille", "legalisation")

# unknown: not recorded; never: not required; coercive: for coercive measures only;
# listed: for the measures listed on the entry; always: for every request.
DUAL_CRIMINALITY_POLICIES: tuple[str, ...] = ("unknown", "never", "coercive", "listed", "always")

# Offence types follow the knowledge base's crime types (BRIEF §4).
OFFENCES: tuple[str, ...] = (
    "corruption",
    "counterfeiting",
    "cybercrime",
    "drug_offences",
    "money_laundering",
    "obstruction_of_justice",
    "organized_criminal_group",
    "piracy_maritime",
    "smuggling_of_migrants",
    "trafficking_in_firearms",
    "trafficking_in_cultural_property",
    "wildlife_forest_fisheries",
    "trafficking_in_persons",
    "falsified_medical_products",
    "terrorism",
)
