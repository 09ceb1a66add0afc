"""Turning one import line into the fields of a record, or into the reasons it is wrong."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from palermo.knowledge.importing.line import Line, Links, ParsedRecord
from palermo.knowledge.importing.lookups import Lookups
from palermo.knowledge.importing.reader import as_list
from palermo.knowledge.models import (
    COOPERATION_KINDS,
    INVESTIGATIVE_TECHNIQUES,
    TREATY_SUBJECT_CODES,
    CaseParty,
    CourtLevel,
    LegalSystem,
    LegislationKind,
    Publication,
    Strategy,
    TreatyKind,
)

__all__ = ["PARSERS", "Links", "ParsedRecord"]

TECHNIQUE_CODES = {code for code, _label in INVESTIGATIVE_TECHNIQUES}
COOPERATION_CODES = {code for code, _label in COOPERATION_KINDS}
# Other ways files write these codes (after lower-casing, spaces and hyphens to "_").
TECHNIQUE_ALIASES = {
    "use_of_informants": "informants",
    "jit": "joint_investigation_team",
    "video_link": "video_link_testimony",
    "videoconference": "video_link_testimony",
    "wiretapping": "interception_of_communications",
    "undercover": "undercover_operation",
}
COOPERATION_ALIASES = {
    "mutual_legal_assistance": "mla",
    "joint_investigation_team": "joint_investigation",
    "jit": "joint_investigation",
    "asset_sharing": "asset_recovery",
    "confiscation": "asset_recovery",
    "police": "police_cooperation",
}
# What files call court levels and legal systems, in words (English, French, Spanish).
_COURT_LEVEL_WORDS = {
    "supreme": "supreme_court court_of_cassation cassation cassation_court cour_de_cassation "
    "cour_supreme tribunal_supremo corte_suprema",
    "appeal": "court_of_appeal court_of_appeals appeal_court appeals_court appellate "
    "appellate_court appeals second_instance cour_d_appel tribunal_de_apelacion "
    "corte_de_apelaciones",
    "constitutional": "constitutional_court cour_constitutionnelle conseil_constitutionnel "
    "tribunal_constitucional corte_constitucional",
    "first_instance": "trial trial_court court_of_first_instance first_instance_court "
    "premiere_instance tribunal_de_premiere_instance primera_instancia",
    "specialised": "specialized specialized_court specialised_court",
}
COURT_LEVEL_NAMES = {
    word: code for code, words in _COURT_LEVEL_WORDS.items() for word in words.split()
}
LEGAL_SYSTEM_NAMES = {
    "civil": "civil_law",
    "continental": "civil_law",
    "common": "common_law",
    "islamic": "islamic_law",
    "sharia": "islamic_law",
    "hybrid": "mixed",
    "mixed_system": "mixed",
}
OUTCOMES = frozenset(CaseParty.Outcome.values)
OUTCOMES_LISTED = ", ".join(CaseParty.Outcome.values)


def _party(line: Line, kind: str, raw: dict[str, Any], order: int) -> dict[str, Any]:
    name = str(raw.get("name") or raw.get("initials") or "").strip()
    if not name:
        line.errors.append(_("every defendant, victim or legal person needs a “name”"))
    nationality = None
    if raw.get("nationality"):
        nationality = line.lookups.country(str(raw["nationality"]))
        if nationality is None:
            line.unmatched(
                _("nationality “%(value)s” is not a known State")
                % {"value": str(raw["nationality"])[:60]}
            )
    outcome = str(raw.get("outcome") or "").strip().lower()
    if outcome and outcome not in OUTCOMES:
        line.errors.append(
            _("outcome “%(value)s” is not one of %(choices)s")
            % {"value": outcome[:30], "choices": OUTCOMES_LISTED}
        )
        outcome = ""
    protected = raw.get("protected", kind == CaseParty.Kind.VICTIM)
    if isinstance(protected, str):  # "false" in a CSV cell's JSON written by hand
        protected = protected.strip().lower() not in ("false", "no", "0", "")
    return {
        "kind": kind,
        "name": name[:200],
        "is_protected": bool(protected) and kind != "legal_person",
        "nationality": nationality,
        "role": str(raw.get("role") or "")[:200],
        "outcome": outcome,
        "sentence": str(raw.get("sentence") or "")[:500],
        "sort_order": order,
    }


def _codes(
    line: Line, values: list[str], known: set[str], aliases: dict[str, str], unknown: str
) -> list[str]:
    """Codes from a list given as codes or words; an unknown one is a warning (an error with
    --strict), like an unknown crime type, rather than silently left out."""
    codes: list[str] = []
    for value in values:
        word = str(value).strip().lower().replace(" ", "_").replace("-", "_")
        code = aliases.get(word, word)
        if code in known:
            codes.extend([code] if code not in codes else [])
        elif word:
            line.unmatched(unknown % {"value": str(value)[:60]})
    return codes


def _year_number(text: str) -> int | None:
    """`2019`, or `2019.0` as a spreadsheet or pandas writes a number column; else None."""
    whole = text[:-2] if text.endswith(".0") else text
    return int(whole) if whole.isdigit() else None


def parse_caselaw(number: int, row: dict[str, Any], lookups: Lookups, strict: bool) -> ParsedRecord:
    line = Line(row, lookups, strict)
    key, fields = line.common()
    country = line.country("country", required=True)
    decision_date, precision = line.partial_date("decision_date", "year", "date")
    techniques = _codes(
        line,
        as_list(row.get("investigative_techniques")),
        TECHNIQUE_CODES,
        TECHNIQUE_ALIASES,
        _("investigative technique “%(value)s” is not known"),
    )
    cooperation = _codes(
        line,
        as_list(row.get("international_cooperation", row.get("cooperation_kinds"))),
        COOPERATION_CODES,
        COOPERATION_ALIASES,
        _("kind of cooperation “%(value)s” is not known"),
    )
    states: list[str] = []
    for name in as_list(row.get("cooperating_states")):
        found = lookups.countries_named(name)
        if not found:
            line.unmatched(_("cooperating State “%(value)s” is not known") % {"value": name[:60]})
        states.extend(state.iso3 for state in found if state.iso3 not in states)
    fields.update(
        {
            "country": country,
            "court": line.text("court", 300),
            "court_level": line.choice("court_level", CourtLevel, "", COURT_LEVEL_NAMES),
            "decision_date": decision_date,
            "decision_date_precision": precision,
            "case_number": line.text("case_number", 200),
            "legal_system": line.choice("legal_system", LegalSystem, "", LEGAL_SYSTEM_NAMES),
            "procedural_history": line.text("procedural_history"),
            "commentary": line.text("commentary"),
            "investigative_techniques": techniques,
            "cooperation_kinds": cooperation,
            "cooperating_states": states,
        }
    )
    parties: list[dict[str, Any]] = []
    for kind, name in (
        ("defendant", "defendants"),
        ("victim", "victims"),
        ("legal_person", "legal_persons"),
    ):
        for raw in line.objects(name):
            parties.append(_party(line, kind, raw, len(parties)))
    links = line.links()
    return line.finish(
        number, key, fields, links, countries=[country] if country else [], parties=parties
    )


def parse_legislation(
    number: int, row: dict[str, Any], lookups: Lookups, strict: bool
) -> ParsedRecord:
    line = Line(row, lookups, strict)
    key, fields = line.common()
    country = line.country("country", required=True)
    fields.update(
        {
            "country": country,
            "kind": line.choice("kind", LegislationKind, LegislationKind.ACT),
            "adopted_on": line.date("adopted_on"),
            "in_force_on": line.date("in_force_on"),
            "amended_on": line.date("amended_on"),
            "official_url": line.url("official_url"),
        }
    )
    provisions = []
    for order, raw in enumerate(line.objects("provisions", key="text")):
        if not str(raw.get("text") or "").strip():
            line.errors.append(_("provision %(number)s has no “text”") % {"number": order + 1})
        provision = {
            "reference": str(raw.get("reference") or f"{order + 1}")[:100],
            "heading": str(raw.get("heading") or "")[:300],
            "text": str(raw.get("text") or ""),
            "sort_order": order,
        }
        provisions.append((provision, line.links(raw)))
    links = line.links()
    for _provision, provision_links in provisions:
        for name, codes in provision_links.codes.items():
            links.codes[name] = sorted(set(links.codes[name]) | set(codes))
    return line.finish(
        number, key, fields, links, countries=[country] if country else [], provisions=provisions
    )


def parse_treaty(number: int, row: dict[str, Any], lookups: Lookups, strict: bool) -> ParsedRecord:
    line = Line(row, lookups, strict)
    key, fields = line.common()
    subjects = [s.lower().replace(" ", "_") for s in as_list(row.get("subjects"))]
    for subject in subjects:
        if subject not in TREATY_SUBJECT_CODES:
            line.errors.append(
                _("subject “%(value)s” is not one of %(choices)s")
                % {"value": subject[:40], "choices": ", ".join(TREATY_SUBJECT_CODES)}
            )
    parties: list[tuple[Any, datetime.date | None]] = []
    for name in as_list(row.get("parties")):
        found = lookups.country(name)
        if found is None:
            line.errors.append(_("party “%(value)s” is not a known State") % {"value": name[:60]})
        elif found not in [p for p, _d in parties]:
            parties.append((found, None))
    kind = line.choice("kind", TreatyKind, "")
    if not kind:
        kind = TreatyKind.BILATERAL if len(parties) == 2 else TreatyKind.MULTILATERAL
    if len(parties) < 2:
        line.errors.append(_("a treaty needs at least two “parties”"))
    fields.update(
        {
            "kind": kind,
            "subjects": [s for s in subjects if s in TREATY_SUBJECT_CODES],
            "signed_on": line.date("signed_on"),
            "in_force_on": line.date("in_force_on"),
            "terminated_on": line.date("terminated_on"),
        }
    )
    links = line.links()
    return line.finish(
        number, key, fields, links, countries=[p for p, _d in parties], treaty_parties=parties
    )


def parse_strategy(
    number: int, row: dict[str, Any], lookups: Lookups, strict: bool
) -> ParsedRecord:
    line = Line(row, lookups, strict)
    key, fields = line.common()
    country = line.country("country")
    fields.update(
        {
            "country": country,
            "scope": line.choice("scope", Strategy.Scope, "national"),
            "issuing_body": line.text("issuing_body", 300),
            "adopted_on": line.date("adopted_on"),
            "period_start": _year_number(line.text("period_start")),
            "period_end": _year_number(line.text("period_end")),
        }
    )
    return line.finish(number, key, fields, line.links(), countries=[country] if country else [])


def parse_publication(
    number: int, row: dict[str, Any], lookups: Lookups, strict: bool
) -> ParsedRecord:
    line = Line(row, lookups, strict)
    key, fields = line.common()
    year_text = line.text("year")
    year = _year_number(year_text)
    if year_text and not (year is not None and 1800 <= year <= 2100):
        line.errors.append(
            _("“year” must be a year such as 2019, not “%(value)s”") % {"value": year_text[:20]}
        )
    country = line.country("country")
    fields.update(
        {
            "country": country,
            "authors": line.text("authors", 500, required=True),
            "year": year,
            "publisher": line.text("publisher", 300),
            "publication_kind": line.choice("kind", Publication.PublicationKind, "article"),
            "keywords": as_list(row.get("keywords")),
        }
    )
    return line.finish(number, key, fields, line.links(), countries=[country] if country else [])


PARSERS: dict[str, Callable[[int, dict[str, Any], Lookups, bool], ParsedRecord]] = {
    "caselaw": parse_caselaw,
    "legislation": parse_legislation,
    "treaty": parse_treaty,
    "strategy": parse_strategy,
    "bibliography": parse_publication,
}
