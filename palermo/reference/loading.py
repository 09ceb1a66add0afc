"""Loading the reference-data files of palermo/reference/data into the database.

`load_reference` is atomic (one transaction: a bad row anywhere and nothing changes), idempotent
(rows that already hold the file's values are not touched, so history gains no noise) and fast
on a second run (a file whose SHA-256 matches the last load is skipped). Rows that staff added in
the admin and that no file mentions are left alone; values a file gives win over admin edits only
when that file changes (or with force=True).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from palermo.core.audit import record_event
from palermo.reference.datafiles import (
    ReferenceDataError,
    Row,
    read_csv,
    read_jsonl,
    read_participation,
    require_code,
    require_date,
    require_int,
    require_text,
    require_translations,
    translated_fields,
)
from palermo.reference.folding import lookup_key
from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    Instrument,
    Participation,
    ReferenceFile,
    RegionalGroup,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
CHANGE_REASON = "load_reference"
_ISO2 = re.compile(r"^[A-Z]{2}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_NUMERIC = re.compile(r"^[0-9]{3}$")
_ARTICLE_NUMBER = re.compile(r"^[0-9]{1,3}[a-z]{0,6}$")


@dataclass
class FileReport:
    """What loading one file did."""

    name: str
    skipped: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def describe(self) -> str:
        if self.skipped:
            return _("%(file)s: unchanged since the last load, skipped") % {"file": self.name}
        return _(
            "%(file)s: %(rows)d rows, %(created)d created, %(updated)d updated, "
            "%(unchanged)d unchanged"
        ) % {
            "file": self.name,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


@transaction.atomic
def load_reference(
    actor: Any,
    data_dir: Path = DATA_DIR,
    *,
    force: bool = False,
    report: Callable[[str], None] = lambda message: None,
) -> list[FileReport]:
    """Load every reference-data file in dependency order; raise ReferenceDataError on a bad
    row (naming file, line and reason), in which case the transaction leaves nothing behind."""
    reports = []
    with translation.override("en"):
        for name, loader in FILES:
            path = data_dir / name
            digest = _sha256(path)
            recorded = ReferenceFile.objects.filter(name=name).first()
            if not force and recorded is not None and recorded.sha256 == digest:
                result = FileReport(name, skipped=True)
            else:
                result = loader(path)
                loaded, _created = ReferenceFile.objects.update_or_create(
                    name=name, defaults={"sha256": digest, "rows": result.rows}
                )
                record_event(
                    actor,
                    "reference.file_loaded",
                    loaded,
                    changes={
                        "sha256": [recorded.sha256 if recorded else None, digest],
                        "created": [0, result.created],
                        "updated": [0, result.updated],
                    },
                )
            report(result.describe())
            reports.append(result)
    return reports


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        raise ReferenceDataError(path.name, 0, _("the file is missing")) from None


def _upsert(
    report: FileReport,
    model: type[models.Model],
    existing: Mapping[Any, Any],
    wanted: Mapping[Any, dict[str, Any]],
) -> None:
    """Create the missing rows and update those whose values differ; count what happened."""
    creations = []
    for key, fields in wanted.items():
        current = existing.get(key)
        if current is None:
            creations.append(model(**fields))
            continue
        changed = {f: v for f, v in fields.items() if getattr(current, f) != v}
        if not changed:
            report.unchanged += 1
            continue
        for field, value in changed.items():
            setattr(current, field, value)
        current._change_reason = CHANGE_REASON
        current.save()
        report.updated += 1
    if creations:
        bulk_create_with_history(creations, model, default_change_reason=CHANGE_REASON)
        report.created += len(creations)
    report.rows = len(wanted)


def _once(file: str, seen: dict[Hashable, int], key: Hashable, row: Row, label: str) -> None:
    """Refuse a second row with the same key, naming the line of the first."""
    if key in seen:
        raise ReferenceDataError(
            file,
            row.line,
            _("%(what)s already appears on line %(line)d") % {"what": label, "line": seen[key]},
        )
    seen[key] = row.line


def load_regional_groups(path: Path) -> FileReport:
    report = FileReport(path.name)
    seen: dict[Any, int] = {}
    wanted: dict[Any, dict[str, Any]] = {}
    for row in read_jsonl(path):
        code = require_code(path.name, row)
        _once(path.name, seen, code, row, code)
        wanted[code] = {
            "code": code,
            "sort_order": require_int(path.name, row, "sort_order"),
            **translated_fields("name", require_translations(path.name, row, "name")),
        }
    _upsert(report, RegionalGroup, {g.code: g for g in RegionalGroup.objects.all()}, wanted)
    return report


def load_countries(path: Path) -> FileReport:
    report = FileReport(path.name)
    seen: dict[Any, int] = {}
    wanted: dict[Any, dict[str, Any]] = {}
    for row in read_jsonl(path):
        codes = {}
        for key, pattern, label in (
            ("iso2", _ISO2, _("two capital letters")),
            ("iso3", _ISO3, _("three capital letters")),
            ("numeric", _NUMERIC, _("three digits")),
        ):
            value = row.values.get(key)
            if not isinstance(value, str) or not pattern.match(value):
                raise ReferenceDataError(
                    path.name,
                    row.line,
                    _("“%(key)s” must be %(form)s") % {"key": key, "form": label},
                )
            _once(path.name, seen, (key, value), row, f"{key} {value}")
            codes[key] = value
        names = require_translations(path.name, row, "name")
        official_name = require_text(path.name, row, "official_name", blank=True)
        aliases = row.values.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ReferenceDataError(path.name, row.line, _("“aliases” must be a list of texts"))
        wanted[codes["iso3"]] = {
            **codes,
            **translated_fields("name", names),
            "official_name": official_name,
            "aliases": aliases,
            "lookup_names": lookup_key([*names.values(), official_name, *aliases]),
        }
    _upsert(report, Country, {c.iso3: c for c in Country.objects.all()}, wanted)
    return report


def load_un_members(path: Path) -> FileReport:
    report = FileReport(path.name)
    seen: dict[Any, int] = {}
    groups = {g.code: g for g in RegionalGroup.objects.all()}
    countries = {c.iso3: c for c in Country.objects.all()}
    members: dict[str, tuple[RegionalGroup, bool]] = {}
    for row in read_csv(path, ("iso3", "regional_group", "observer")):
        iso3, group_code, observer = (row.values[k] for k in ("iso3", "regional_group", "observer"))
        if iso3 not in countries:
            raise ReferenceDataError(
                path.name, row.line, _("no country has the ISO code %(code)s") % {"code": iso3}
            )
        if group_code not in groups:
            raise ReferenceDataError(
                path.name,
                row.line,
                _("unknown regional group “%(code)s”") % {"code": group_code},
            )
        if observer not in ("yes", "no"):
            raise ReferenceDataError(path.name, row.line, _("“observer” must be yes or no"))
        _once(path.name, seen, iso3, row, iso3)
        members[iso3] = (groups[group_code], observer == "yes")
    wanted: dict[Any, dict[str, Any]] = {}
    for iso3 in countries:
        group, observer = members.get(iso3, (None, False))
        wanted[iso3] = {
            "is_un_member": iso3 in members,
            "regional_group_id": group.pk if group else None,
            "regional_group_observer": observer,
        }
    _upsert(report, Country, countries, wanted)
    report.rows = len(members)
    return report


def load_instruments(path: Path) -> FileReport:
    report = FileReport(path.name)
    seen: dict[Any, int] = {}
    wanted: dict[Any, dict[str, Any]] = {}
    parents: dict[str, str | None] = {}
    rows = list(read_jsonl(path))
    codes = {row.values.get("code") for row in rows} | set(
        Instrument.objects.values_list("code", flat=True)
    )
    for row in rows:
        code = require_code(path.name, row)
        _once(path.name, seen, code, row, code)
        parent = row.values.get("parent")
        if parent is not None and (parent not in codes or parent == code):
            raise ReferenceDataError(
                path.name, row.line, _("unknown parent instrument “%(code)s”") % {"code": parent}
            )
        parents[code] = parent
        wanted[code] = {
            "code": code,
            "sort_order": require_int(path.name, row, "sort_order"),
            "adopted_on": require_date(path.name, row, "adopted_on"),
            "entered_into_force_on": require_date(path.name, row, "entered_into_force_on"),
            **translated_fields("short_name", require_translations(path.name, row, "short_name")),
            **translated_fields("title", require_translations(path.name, row, "title")),
        }
    _upsert(report, Instrument, {i.code: i for i in Instrument.objects.all()}, wanted)
    instruments = {i.code: i for i in Instrument.objects.all()}
    for code, parent in parents.items():
        parent_id = instruments[parent].pk if parent else None
        if instruments[code].parent_id != parent_id:
            instruments[code].parent_id = parent_id
            instruments[code]._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
            instruments[code].save()
    return report


def load_articles(path: Path) -> FileReport:
    report = FileReport(path.name)
    seen: dict[Any, int] = {}
    wanted: dict[Any, dict[str, Any]] = {}
    instruments = {i.code: i for i in Instrument.objects.all()}
    for row in read_jsonl(path):
        code = require_code(path.name, row, "instrument")
        if code not in instruments:
            raise ReferenceDataError(
                path.name, row.line, _("unknown instrument “%(code)s”") % {"code": code}
            )
        number = row.values.get("number")
        if not isinstance(number, str) or not _ARTICLE_NUMBER.match(number):
            raise ReferenceDataError(
                path.name, row.line, _('“number” must be an article number such as "18"')
            )
        key = (instruments[code].pk, number)
        _once(path.name, seen, key, row, f"{code.upper()}-{number}")
        wanted[key] = {
            "instrument_id": instruments[code].pk,
            "number": number,
            "sort_order": int(re.sub(r"\D", "", number)),
            **translated_fields("title", require_translations(path.name, row, "title")),
        }
    existing = {(a.instrument_id, a.number): a for a in Article.objects.all()}
    _upsert(report, Article, existing, wanted)
    return report


def load_participation(path: Path) -> FileReport:
    report = FileReport(path.name)
    seen: dict[Any, int] = {}
    wanted: dict[Any, dict[str, Any]] = {}
    as_at, rows = read_participation(path)
    countries = {c.iso3: c for c in Country.objects.all()}
    instruments = {i.code: i for i in Instrument.objects.all()}
    for row in rows:
        iso3 = str(row.values.get("iso3") or "")
        if iso3 not in countries:
            raise ReferenceDataError(
                path.name, row.line, _("no country has the ISO code “%(code)s”") % {"code": iso3}
            )
        code = str(row.values.get("instrument") or "").lower()
        if code not in instruments:
            raise ReferenceDataError(
                path.name, row.line, _("unknown instrument “%(code)s”") % {"code": code}
            )
        key = (countries[iso3].pk, instruments[code].pk)
        _once(path.name, seen, key, row, f"{iso3} / {code.upper()}")
        signature = require_date(path.name, row, "signature")
        consent = require_date(path.name, row, "ratification_or_accession")
        in_force = require_date(path.name, row, "entry_into_force")
        if consent is not None and in_force is not None and in_force < consent:
            raise ReferenceDataError(
                path.name,
                row.line,
                _(
                    "entry into force (%(in_force)s) is earlier than ratification or accession "
                    "(%(consent)s)"
                )
                % {"in_force": in_force, "consent": consent},
            )
        sources = row.values.get("sources")
        if (
            not isinstance(sources, list)
            or not sources
            or not all(
                isinstance(s, str) and s.startswith(("https://", "http://")) for s in sources
            )
        ):
            raise ReferenceDataError(
                path.name, row.line, _("“sources” must list at least one web address")
            )
        fields: dict[str, Any] = {
            "country_id": key[0],
            "instrument_id": key[1],
            "signature": signature,
            "consent_date": consent,
            "entry_into_force": in_force,
            "sources": sources,
            "as_at": as_at,
        }
        action = row.values.get("consent_action")
        if action is not None:
            if action not in Participation.Action.values:
                raise ReferenceDataError(
                    path.name,
                    row.line,
                    _("unknown kind of consent “%(action)s”") % {"action": action},
                )
            fields["consent_action"] = action
        wanted[key] = fields
    existing = {(p.country_id, p.instrument_id): p for p in Participation.objects.all()}
    _upsert(report, Participation, existing, wanted)
    return report


def _taxonomy_loader(
    model: type[CrimeType] | type[CrossCuttingIssue],
) -> Callable[[Path], FileReport]:
    def load(path: Path) -> FileReport:
        report = FileReport(path.name)
        seen: dict[Any, int] = {}
        wanted: dict[Any, dict[str, Any]] = {}
        for row in read_jsonl(path):
            code = require_code(path.name, row)
            _once(path.name, seen, code, row, code)
            wanted[code] = {
                "code": code,
                "sort_order": require_int(path.name, row, "sort_order"),
                **translated_fields("name", require_translations(path.name, row, "name")),
                **translated_fields(
                    "description", require_translations(path.name, row, "description")
                ),
            }
        _upsert(report, model, {t.code: t for t in model.objects.all()}, wanted)
        return report

    return load


# In dependency order: groups before the members that name them, countries and instruments
# before participation.
FILES: list[tuple[str, Callable[[Path], FileReport]]] = [
    ("regional-groups.jsonl", load_regional_groups),
    ("countries.jsonl", load_countries),
    ("un-member-states.csv", load_un_members),
    ("instruments.jsonl", load_instruments),
    ("articles.jsonl", load_articles),
    ("untoc-participation.json", load_participation),
    ("crime-types.jsonl", _taxonomy_loader(CrimeType)),
    ("cross-cutting-issues.jsonl", _taxonomy_loader(CrossCuttingIssue)),
]
