"""Importing a file of records: all or nothing, keyed by external id or source URL.

The whole file is read and checked first; if any line is wrong nothing is written and every
bad line is reported. Otherwise `writing.write_records` creates new records and replaces
changed ones with a handful of bulk statements per thousand lines, writes their versions and
fills the search index with `bulk_index`, all in one transaction with the audit event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from palermo.core.audit import record_event
from palermo.core.collections_pause import fewer_collections
from palermo.knowledge.importing.lookups import Lookups
from palermo.knowledge.importing.reader import LineError, detect_format, read_lines
from palermo.knowledge.importing.rows import PARSERS, ParsedRecord
from palermo.knowledge.models import SourceKind

KIND_ALIASES = {
    "caselaw": "caselaw",
    "cases": "caselaw",
    "case-law": "caselaw",
    "legislation": "legislation",
    "laws": "legislation",
    "treaties": "treaty",
    "treaty": "treaty",
    "strategies": "strategy",
    "strategy": "strategy",
    "bibliography": "bibliography",
    "publications": "bibliography",
}


@dataclass
class ImportReport:
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def extend_duplicate(self, record: ParsedRecord, first: ParsedRecord) -> None:
        """A line repeated exactly (exports and scrapers write some twice) is imported once;
        a different line with the same key is an error, since either could be meant."""
        if _same_content(record, first):
            self.warnings.append(
                (record.line, _("the same as line %(line)s; imported once") % {"line": first.line})
            )
        else:
            self.errors.append(
                (
                    record.line,
                    _("the same id or source_url as line %(line)s, with different content")
                    % {"line": first.line},
                )
            )


def _same_content(one: ParsedRecord, other: ParsedRecord) -> bool:
    def content(record: ParsedRecord) -> tuple[Any, ...]:
        return (
            record.fields,
            record.links,
            record.countries,
            record.parties,
            record.provisions,
            record.treaty_parties,
        )

    return content(one) == content(other)


def parse_rows(
    kind: str,
    rows: Iterable[tuple[int, dict[str, Any] | LineError]],
    lookups: Lookups,
    *,
    strict: bool = False,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[ParsedRecord], ImportReport]:
    parser = PARSERS[kind]
    report = ImportReport(kind)
    parsed: list[ParsedRecord] = []
    seen: dict[str, ParsedRecord] = {}
    for count, (number, row) in enumerate(rows, start=1):
        if progress and count % 5000 == 0:
            progress(f"checked {count} lines")
        if isinstance(row, LineError):
            report.errors.extend((number, reason) for reason in row.reasons)
            continue
        try:
            record = parser(number, row, lookups, strict)
        except LineError as error:
            report.errors.extend((number, reason) for reason in error.reasons)
            continue
        first = seen.get(record.key)
        if first is not None:
            report.extend_duplicate(record, first)
            continue
        seen[record.key] = record
        report.warnings.extend((number, warning) for warning in record.warnings)
        parsed.append(record)
    return parsed, report


def write_records(
    kind: str,
    parsed: list[ParsedRecord],
    report: ImportReport,
    progress: Callable[[str], None] | None = None,
    source_kind: str = SourceKind.IMPORT,
) -> None:
    """Write checked lines (call inside a transaction): see `writing`."""
    from palermo.knowledge.importing.writing import write_records as write

    write(kind, parsed, report, progress, source_kind)


def import_file(
    kind: str,
    path: Path,
    *,
    file_format: str | None = None,
    strict: bool = False,
    user: Any = None,
    progress: Callable[[str], None] | None = None,
    lookups: Lookups | None = None,
) -> ImportReport:
    """Import a file of records of `kind` (caselaw, legislation, treaty, ...): all or nothing."""
    kind = KIND_ALIASES.get(kind, kind)
    rows = read_lines(path, detect_format(path, file_format))
    return import_rows(
        kind, rows, strict=strict, user=user, progress=progress, lookups=lookups, label=path.name
    )


def import_rows(
    kind: str,
    rows: Iterable[tuple[int, dict[str, Any] | LineError]],
    *,
    strict: bool = False,
    user: Any = None,
    progress: Callable[[str], None] | None = None,
    lookups: Lookups | None = None,
    label: str = "",
    source_kind: str = SourceKind.IMPORT,
) -> ImportReport:
    with fewer_collections():  # every checked line is held until written
        return _import_rows(kind, rows, strict, user, progress, lookups, label, source_kind)


def _import_rows(
    kind: str,
    rows: Iterable[tuple[int, dict[str, Any] | LineError]],
    strict: bool,
    user: Any,
    progress: Callable[[str], None] | None,
    lookups: Lookups | None,
    label: str,
    source_kind: str,
) -> ImportReport:
    parsed, report = parse_rows(
        kind, rows, lookups or Lookups.load(), strict=strict, progress=progress
    )
    if report.errors:
        report.errors.sort()
        return report
    with transaction.atomic():
        write_records(kind, parsed, report, progress, source_kind)
        record_event(
            user,
            f"knowledge.{kind}.imported",
            None,
            changes={
                "file": ["", label],
                "created": [0, report.created],
                "updated": [0, report.updated],
            },
        )
    return report
