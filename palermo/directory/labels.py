"""Translated labels for the directory's codes (vocabulary.py) and the shared measure codes."""

from __future__ import annotations

import functools

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from palermo.reference.measures import MEASURES_BY_CODE, REQUEST_TYPES_BY_CODE

COMPETENCE_LABELS: dict[str, Promise] = {
    "mla_central_authority": _("Central authority for mutual legal assistance"),
    "extradition": _("Extradition"),
    "transfer_of_sentenced_persons": _("Transfer of sentenced persons"),
    "asset_recovery": _("Asset recovery"),
    "migrant_smuggling_by_sea": _("Smuggling of migrants by sea"),
    "firearms": _("Firearms"),
    "cultural_property": _("Trafficking in cultural property"),
    "prevention": _("Prevention of organized crime"),
    "cybercrime_24_7": _("Cybercrime 24/7 point of contact"),
    "interpol_ncb": _("INTERPOL National Central Bureau"),
    "fiu": _("Financial intelligence unit"),
    "other": _("Other"),
}

CHANNEL_LABELS: dict[str, Promise] = {
    "central_authority": _("Central authority to central authority"),
    "diplomatic": _("Diplomatic channels"),
    "interpol": _("INTERPOL (urgent requests)"),
}

STAGE_LABELS: dict[str, Promise] = {
    "investigation": _("Investigation"),
    "prosecution": _("Prosecution"),
    "trial": _("Trial"),
    "enforcement": _("Enforcement of a judgment"),
}

CERTIFICATION_LABELS: dict[str, Promise] = {
    "none": _("No certification"),
    "certification": _("Certified by the issuing authority"),
    "apostille": _("Apostille"),
    "legalisation": _("Legalisation through consular channels"),
}

DUAL_CRIMINALITY_LABELS: dict[str, Promise] = {
    "unknown": _("Not recorded"),
    "never": _("Not required"),
    "coercive": _("Required for coercive measures"),
    "listed": _("Required for the listed measures"),
    "always": _("Required for every request"),
}

OFFENCE_LABELS: dict[str, Promise] = {
    "corruption": _("Corruption"),
    "counterfeiting": _("Counterfeiting"),
    "cybercrime": _("Cybercrime"),
    "drug_offences": _("Drug offences"),
    "money_laundering": _("Money laundering"),
    "obstruction_of_justice": _("Obstruction of justice"),
    "organized_criminal_group": _("Participation in an organized criminal group"),
    "piracy_maritime": _("Piracy and maritime crime"),
    "smuggling_of_migrants": _("Smuggling of migrants"),
    "trafficking_in_firearms": _("Trafficking in firearms"),
    "trafficking_in_cultural_property": _("Trafficking in cultural property"),
    "wildlife_forest_fisheries": _("Wildlife, forest and fisheries crime"),
    "trafficking_in_persons": _("Trafficking in persons"),
    "falsified_medical_products": _("Falsified medical products"),
    "terrorism": _("Terrorism"),
}


def choices(labels: dict[str, Promise]) -> list[tuple[str, Promise]]:
    return list(labels.items())


def measure_label(code: str) -> str:
    measure = MEASURES_BY_CODE.get(code)
    return str(measure.label) if measure else code


def request_type_label(code: str) -> str:
    request_type = REQUEST_TYPES_BY_CODE.get(code)
    return str(request_type.label) if request_type else code


@functools.lru_cache(maxsize=4096)
def language_name(code: str, locale: str = "en") -> str:
    """A language's name in the interface language, from babel (falls back to the code)."""
    from babel import Locale, UnknownLocaleError

    try:
        display = Locale.parse(locale.replace("-", "_").replace("zh_hans", "zh_Hans"))
        return str(display.languages.get(code) or code)
    except (ValueError, UnknownLocaleError):
        return code


# What a request must contain (rules.CONTENT_REQUIREMENTS), in Palermo's own words.
CONTENT_LABELS: dict[str, Promise] = {
    "requesting_authority": _("The authority making the request (art. 18(15)(a))."),
    "subject_and_authority": _(
        "The subject and nature of the investigation or proceedings, and the authority "
        "conducting them (art. 18(15)(b))."
    ),
    "summary_of_facts": _("A summary of the relevant facts (art. 18(15)(c))."),
    "assistance_sought": _(
        "The assistance sought and any procedure the requesting State wants followed "
        "(art. 18(15)(d))."
    ),
    "persons_concerned": _(
        "Where possible, the identity, location and nationality of the persons concerned "
        "(art. 18(15)(e))."
    ),
    "purpose": _("Why the evidence, information or action is sought (art. 18(15)(f))."),
    "case_file": _("The case file, or a certified copy of it."),
    "description_of_property": _("A description of the property concerned (art. 13(3))."),
    "copy_of_order": _("A legally admissible copy of the confiscation order (art. 13(3)(b))."),
    "extent_of_execution": _("How far the order is to be enforced (art. 13(3)(b))."),
    "person_identity": _("The identity, description and likely location of the person sought."),
    "warrant_or_judgment": _("The arrest warrant or the judgment to be enforced."),
    "text_of_offence": _("The text of the law creating the offence and setting its penalty."),
    "undertaking_to_request_extradition": _(
        "A statement that a request for extradition will follow (art. 16(9))."
    ),
}

# Why the routing answered as it did (rules.Reason codes). %(state)s is the requested State,
# %(request)s the request or measure, %(competence)s a competence.
REASON_TEXTS: dict[str, Promise] = {
    "rule_primary": _(
        "Request: %(request)s. %(state)s lists an authority with the competence that handles "
        "it: %(competence)s."
    ),
    "rule_also": _(
        "Request: %(request)s. Also relevant in %(state)s: the authority with this "
        "competence: %(competence)s."
    ),
    "fallback_central_authority": _(
        "Request: %(request)s. No authority of %(state)s is listed specifically for it, so it "
        "goes to the central authority for mutual legal assistance, which forwards it "
        "(art. 18(13))."
    ),
    "no_competent_authority": _(
        "Request: %(request)s. %(state)s lists no authority competent for it and no central "
        "authority."
    ),
    "no_authorities": _("No authority of %(state)s is in the directory yet."),
    "channel_interpol_urgent": _(
        "The request is urgent and %(state)s accepts urgent requests through INTERPOL; confirm "
        "it in writing through the usual channel at once."
    ),
    "channel_central_authority": _(
        "%(state)s accepts requests sent directly between central authorities."
    ),
    "channel_diplomatic_only": _("%(state)s requires requests to go through diplomatic channels."),
    "channel_not_recorded": _(
        "The channels %(state)s accepts are not recorded; diplomatic channels are always available."
    ),
    "dual_criminality_required": _(
        "%(state)s requires dual criminality for this request (%(request)s): the conduct must "
        "be an offence in both States."
    ),
    "dual_criminality_not_required": _(
        "%(state)s does not require dual criminality for this request (%(request)s)."
    ),
    "dual_criminality_unknown": _(
        "Whether %(state)s requires dual criminality for this request (%(request)s) is not "
        "recorded."
    ),
}


def known_language_codes() -> frozenset[str]:
    """ISO 639-1 two-letter codes, the codes used for accepted languages."""
    return _language_codes()


@functools.cache
def _language_codes() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if getattr(lang, "alpha_2", None))
