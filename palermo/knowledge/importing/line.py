"""One import line read field by field, with every reason it is wrong collected on the way."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from palermo.knowledge.importing.dates import loose_date
from palermo.knowledge.importing.headers import field_name
from palermo.knowledge.importing.lookups import Lookups, language_code
from palermo.knowledge.importing.reader import LineError, as_list, as_objects
from palermo.knowledge.models import parse_partial_date

# What exports write for "no value" (pandas' astype(str), spreadsheets, SQL dumps): read as
# empty where no real value can look like it (dates, States).
NO_VALUE = frozenset({"nan", "nat", "none", "null", "n/a", "#n/a", "-", "\\n"})

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


class Line:
    """Collects the reasons a line is wrong while reading it, so all are reported at once."""

    def __init__(self, row: dict[str, Any], lookups: Lookups, strict: bool) -> None:
        for documented, others in ALIASES.items():
            if row.get(documented) in (None, ""):
                alias = next((o for o in others if row.get(o) not in (None, "")), None)
                if alias is not None:
                    row = {**row, documented: row[alias]}
        self.row = row
        self.lookups = lookups
        self.strict = strict
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def text(self, name: str, limit: int | None = None, required: bool = False) -> str:
        value = self.row.get(name)
        if type(value) is str:
            text = value.strip()
        elif value is None:
            text = ""
        else:
            text = self._scalar(name, value)
        if required and not text:
            self.errors.append(_("“%(field)s” is required") % {"field": name})
        if limit and len(text) > limit:
            self.errors.append(
                _("“%(field)s” is longer than %(limit)s characters")
                % {"field": name, "limit": limit}
            )
        return text

    def _scalar(self, name: str, value: Any) -> str:
        """A number, or a list of texts (scrapers keep every field as one), as text."""
        while isinstance(value, dict) and len(value) == 1 and next(iter(value))[:1] == "$":
            value = next(iter(value.values()))  # MongoDB's {"$date": …}, {"$oid": …}
        if type(value) is str:
            return value.strip()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))  # pandas writes integer columns with gaps as floats
        if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            return "\n".join(str(v).strip() for v in value if str(v).strip())
        if isinstance(value, dict | list):
            self.errors.append(
                _("“%(field)s” must be text, not a list or object") % {"field": name}
            )
            return ""
        return str(value).strip()

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
        """A whole date: YYYY-MM-DD first (fast), then the other forms `loose_date` reads."""
        text = self.text(name)
        if not text:
            return None
        try:
            return datetime.date.fromisoformat(text[:10])
        except ValueError:
            if text.lower() in NO_VALUE:
                return None
        try:
            found = loose_date(text)
        except ValidationError as error:
            self.errors.extend(str(m) for m in error.messages)
            return None
        if found is None or found[1] != "day":
            self.errors.append(
                _("“%(field)s” must be a date written YYYY-MM-DD, not “%(value)s”")
                % {"field": name, "value": text[:40]}
            )
            return None
        return found[0]

    def partial_date(self, *names: str) -> tuple[datetime.date | None, str]:
        """The first of `names` given, as a year, a month or a day, and which of them."""
        for name in names:
            text = self.text(name)
            if not text:
                continue
            try:
                return parse_partial_date(text[:10] if "T" in text else text)
            except ValidationError as error:
                if text.lower() not in NO_VALUE:
                    return self._loose_partial_date(text, error)
        return None, "day"

    def _loose_partial_date(
        self, text: str, error: ValidationError
    ) -> tuple[datetime.date | None, str]:
        try:
            found = loose_date(text)
        except ValidationError as loose_error:
            found, error = None, loose_error
        if found is None:
            self.errors.extend(str(m) for m in error.messages)
            return None, "day"
        return found

    def choice(
        self,
        name: str,
        choices: type[models.TextChoices],
        default: str = "",
        other_names: Mapping[str, str] | None = None,
    ) -> str:
        """A code of `choices`; `other_names` are words files use for them ("Court of Appeal")."""
        text = self.text(name).lower().replace(" ", "_").replace("-", "_")
        if not text:
            return default
        codes, listed = _codes(choices)
        if text not in codes and other_names:
            text = other_names.get(field_name(text), text)
        if text not in codes:
            self.errors.append(
                _("“%(field)s” must be one of %(choices)s, not “%(value)s”")
                % {"field": name, "choices": listed, "value": text[:40]}
            )
            return default
        return text

    def country(self, name: str, required: bool = False) -> Any:
        text = self.text(name)
        found = self.lookups.country(text) if text else None
        if found is None and (not text or text.lower() in NO_VALUE):
            if required:  # nothing given, or pandas' "nan" and the like
                self.errors.append(_("“%(field)s” is required") % {"field": name})
            return None
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

    def objects(self, name: str, key: str = "name") -> list[dict[str, Any]]:
        try:
            return as_objects(self.row.get(name), key)
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
