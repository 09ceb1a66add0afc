"""Turning one import line into the fields of a record, or into the reasons it is wrong."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from palermo.knowledge.importing.lookups import Lookups, language_code
from palermo.knowledge.importing.reader import LineError, as_list, as_objects
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
    parse_partial_date,
)

# The usual shape of an address, recognised without parsing it; anything else is parsed.
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9.-]+)(?::[0-9]{1,5})?(?:[/?#]\S*)?")
_SPACE = re.compile(r"\s")


def _looks_like_url(text: str) -> bool:
    """An http(s) address with a host name: cheaper than Django's validator, which imports
    would run hundreds of thousands of times."""
    plain = _PLAIN_URL.fullmatch(text)
    if plain is not None:
        host = plain.group(1).lower()
        return "." in host or host == "localhost"
    if _SPACE.search(text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and ("." in host or host == "localhost")


TECHNIQUE_CODES = {code for code, _label in INVESTIGATIVE_TECHNIQUES}
COOPERATION_CODES = {code for code, _label in COOPERATION_KINDS}
OUTCOMES = frozenset(CaseParty.Outcome.values)
OUTCOMES_LISTED = ", ".join(CaseParty.Outcome.values)


@functools.cache
def _codes(choices: type[models.TextChoices]) -> tuple[frozenset[str], str]:
    """The codes of a set of choices and their list as shown in messages, worked out once:
    Django builds `.choices` anew on every access."""
    codes = frozenset(str(value) for value in choices.values)
    return codes, ", ".join(sorted(codes))


@dataclass
class Links:
    crime_types: list[int] = field(default_factory=list)
    issues: list[int] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    codes: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class ParsedRecord:
    line: int
    key: str
    fields: dict[str, Any]
    links: Links
    countries: list[Any] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)
    provisions: list[tuple[dict[str, Any], Links]] = field(default_factory=list)
    treaty_parties: list[tuple[Any, datetime.date | None]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# Other names that open-data files commonly use for our fields.
ALIASES = {
    "title": ("case_name", "name"),
    "country": ("state", "country_code", "jurisdiction"),
    "summary": ("abstract", "description"),
    "full_text": ("text", "body", "judgment_text"),
    "decision_date": ("date_of_decision", "judgment_date"),
    "source_url": ("url", "link"),
}


class _Line:
    """Collects the reasons a line is wrong while reading it, so all are reported at once."""

    def __init__(self, row: dict[str, Any], lookups: Lookups, strict: bool) -> None:
        for field_name, others in ALIASES.items():
            if row.get(field_name) in (None, ""):
                alias = next((o for o in others if row.get(o) not in (None, "")), None)
                if alias is not None:
                    row = {**row, field_name: row[alias]}
        self.row = row
        self.lookups = lookups
        self.strict = strict
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def text(self, name: str, limit: int | None = None, required: bool = False) -> str:
        value = self.row.get(name)
        text = "" if value is None else str(value).strip()
        if required and not text:
            self.errors.append(_("“%(field)s” is required") % {"field": name})
        if limit and len(text) > limit:
            self.errors.append(
                _("“%(field)s” is longer than %(limit)s characters")
                % {"field": name, "limit": limit}
            )
        return text

    def unmatched(self, message: str) -> None:
        (self.errors if self.strict else self.warnings).append(message)

    def url(self, name: str) -> str:
        text = self.text(name, 1000)
        if text and not _looks_like_url(text):
            self.errors.append(
                _("“%(field)s” is not a web address (http or https)") % {"field": name}
            )
        return text

    def date(self, name: str) -> datetime.date | None:
        text = self.text(name)
        if not text:
            return None
        try:
            return datetime.date.fromisoformat(text[:10])
        except ValueError:
            self.errors.append(
                _("“%(field)s” must be a date written YYYY-MM-DD, not “%(value)s”")
                % {"field": name, "value": text[:40]}
            )
            return None

    def choice(self, name: str, choices: type[models.TextChoices], default: str = "") -> str:
        text = self.text(name).lower().replace(" ", "_").replace("-", "_")
        if not text:
            return default
        codes, listed = _codes(choices)
        if text not in codes:
            self.errors.append(
                _("“%(field)s” must be one of %(choices)s, not “%(value)s”")
                % {"field": name, "choices": listed, "value": text[:40]}
            )
            return default
        return text

    def country(self, name: str, required: bool = False) -> Any:
        text = self.text(name)
        if not text:
            if required:
                self.errors.append(_("“%(field)s” is required") % {"field": name})
            return None
        found = self.lookups.country(text)
        if found is None:
            self.errors.append(
                _("“%(value)s” is not a known State (use an ISO alpha-3 code or an English name)")
                % {"value": text[:60]}
            )
        return found

    def language(self) -> str:
        text = self.text("language")
        code = language_code(text)
        if code is None:
            self.unmatched(
                _("language “%(value)s” is not known; recorded as other") % {"value": text[:30]}
            )
            return "other"
        return code

    def links(self, source: dict[str, Any] | None = None) -> Links:
        row = self.row if source is None else source
        links = Links(codes={"crime_types": [], "cross_cutting_issues": [], "articles": []})
        for name in as_list(row.get("crime_types")):
            for term in self.lookups.terms("crime_type", name) or [None]:
                if term is None:
                    self.unmatched(
                        _("crime type “%(value)s” is not in the list") % {"value": name[:60]}
                    )
                elif term.pk not in links.crime_types:
                    links.crime_types.append(term.pk)
                    links.codes["crime_types"].append(term.code)
        for name in as_list(row.get("cross_cutting_issues")):
            for issue in self.lookups.terms("issue", name) or [None]:
                if issue is None:
                    self.unmatched(
                        _("cross-cutting issue “%(value)s” is not in the list")
                        % {"value": name[:60]}
                    )
                elif issue.pk not in links.issues:
                    links.issues.append(issue.pk)
                    links.codes["cross_cutting_issues"].append(issue.code)
        for name in as_list(row.get("untoc_articles", row.get("articles"))):
            for article in self.lookups.terms("article", name) or [None]:
                if article is None:
                    self.unmatched(_("article “%(value)s” is not known") % {"value": name[:60]})
                elif article.pk not in links.articles:
                    links.articles.append(article.pk)
                    links.codes["articles"].append(self.lookups.reference(article))
        return links

    def objects(self, name: str) -> list[dict[str, Any]]:
        try:
            return as_objects(self.row.get(name))
        except (ValueError, TypeError):
            self.errors.append(_("“%(field)s” must be a list of objects") % {"field": name})
            return []

    def common(self, key_required: bool = True) -> tuple[str, dict[str, Any]]:
        external_id = self.text("id", 200)
        source_url = self.url("source_url")
        if key_required and not (external_id or source_url):
            self.errors.append(
                _("give an “id” or a “source_url” so the line can be imported again")
            )
        fields = {
            "external_id": external_id or None,
            "source_url": source_url,
            "title": self.text("title", 500, required=True),
            "language": self.language(),
            "summary": self.text("summary"),
            "full_text": self.text("full_text"),
            "source": self.text("source", 500),
        }
        return (f"id:{external_id}" if external_id else f"url:{source_url}"), fields

    def finish(
        self, line: int, key: str, fields: dict[str, Any], links: Links, **parts: Any
    ) -> ParsedRecord:
        if self.errors:
            raise LineError(self.errors)
        return ParsedRecord(line, key, fields, links, warnings=self.warnings, **parts)


def _party(line: _Line, kind: str, raw: dict[str, Any], order: int) -> dict[str, Any]:
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


def parse_caselaw(number: int, row: dict[str, Any], lookups: Lookups, strict: bool) -> ParsedRecord:
    line = _Line(row, lookups, strict)
    key, fields = line.common()
    country = line.country("country", required=True)
    date_text = line.text("decision_date") or line.text("year") or line.text("date")
    decision_date, precision = None, "day"
    if date_text:
        try:
            decision_date, precision = parse_partial_date(
                date_text[:10] if "T" in date_text else date_text
            )
        except ValidationError as error:
            line.errors.extend(str(m) for m in error.messages)
    techniques = [
        t.lower().replace(" ", "_").replace("-", "_")
        for t in as_list(row.get("investigative_techniques"))
    ]
    cooperation = [
        t.lower().replace(" ", "_")
        for t in as_list(row.get("international_cooperation", row.get("cooperation_kinds")))
    ]
    states = []
    for name in as_list(row.get("cooperating_states")):
        found = lookups.country(name)
        if found is None:
            line.unmatched(_("cooperating State “%(value)s” is not known") % {"value": name[:60]})
        else:
            states.append(found.iso3)
    fields.update(
        {
            "country": country,
            "court": line.text("court", 300),
            "court_level": line.choice("court_level", CourtLevel),
            "decision_date": decision_date,
            "decision_date_precision": precision,
            "case_number": line.text("case_number", 200),
            "legal_system": line.choice("legal_system", LegalSystem),
            "procedural_history": line.text("procedural_history"),
            "commentary": line.text("commentary"),
            "investigative_techniques": [t for t in techniques if t in TECHNIQUE_CODES],
            "cooperation_kinds": [c for c in cooperation if c in COOPERATION_CODES],
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
    line = _Line(row, lookups, strict)
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
    for order, raw in enumerate(line.objects("provisions")):
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
    line = _Line(row, lookups, strict)
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
    line = _Line(row, lookups, strict)
    key, fields = line.common()
    country = line.country("country")
    fields.update(
        {
            "country": country,
            "scope": line.choice("scope", Strategy.Scope, "national"),
            "issuing_body": line.text("issuing_body", 300),
            "adopted_on": line.date("adopted_on"),
            "period_start": int(row["period_start"])
            if str(row.get("period_start") or "").isdigit()
            else None,
            "period_end": int(row["period_end"])
            if str(row.get("period_end") or "").isdigit()
            else None,
        }
    )
    return line.finish(number, key, fields, line.links(), countries=[country] if country else [])


def parse_publication(
    number: int, row: dict[str, Any], lookups: Lookups, strict: bool
) -> ParsedRecord:
    line = _Line(row, lookups, strict)
    key, fields = line.common()
    year_text = line.text("year")
    if year_text and not (year_text.isdigit() and 1800 <= int(year_text) <= 2100):
        line.errors.append(
            _("“year” must be a year such as 2019, not “%(value)s”") % {"value": year_text[:20]}
        )
    country = line.country("country")
    fields.update(
        {
            "country": country,
            "authors": line.text("authors", 500, required=True),
            "year": int(year_text) if year_text.isdigit() else None,
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
