"""Writing parsed lines in bulk: all or nothing, keyed by external id or source URL.

The whole file is read and checked first; if any line is wrong nothing is written and every
bad line is reported. Otherwise new records are created and known ones updated with a handful
of bulk statements per thousand lines, their versions written, and the search index filled
with `bulk_index` in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from palermo.core.audit import record_event
from palermo.knowledge.importing.lookups import Lookups
from palermo.knowledge.importing.reader import LineError, detect_format, read_lines
from palermo.knowledge.importing.rows import PARSERS, ParsedRecord
from palermo.knowledge.models import (
    RECORD_MODELS,
    CaseParty,
    KnowledgeRecord,
    Provision,
    SourceKind,
    Status,
    TreatyParty,
)

BATCH = 1000
KIND_ALIASES = {
    "caselaw": "caselaw", "cases": "caselaw", "case-law": "caselaw",
    "legislation": "legislation", "laws": "legislation",
    "treaties": "treaty", "treaty": "treaty",
    "strategies": "strategy", "strategy": "strategy",
    "bibliography": "bibliography", "publications": "bibliography",
}


@dataclass
class ImportReport:
    kind: str
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


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
    seen: dict[str, int] = {}
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
        if record.key in seen:
            report.errors.append(
                (number, f"the same id or source_url as line {seen[record.key]}")
            )
            continue
        seen[record.key] = number
        report.warnings.extend((number, warning) for warning in record.warnings)
        parsed.append(record)
    return parsed, report


def _existing(model: type[KnowledgeRecord], batch: list[ParsedRecord]) -> dict[str, Any]:
    ids = [r.fields["external_id"] for r in batch if r.fields["external_id"]]
    urls = [r.fields["source_url"] for r in batch if not r.fields["external_id"]]
    found: dict[str, Any] = {}
    for record in model.objects.filter(Q(external_id__in=ids) | Q(external_id__isnull=True, source_url__in=urls)):
        if record.external_id:
            found[f"id:{record.external_id}"] = record
        else:
            found.setdefault(f"url:{record.source_url}", record)
    return found


def _write_batch(
    model: type[KnowledgeRecord], batch: list[ParsedRecord], report: ImportReport, now: Any,
    source_kind: str = SourceKind.IMPORT,
) -> list[Any]:
    from palermo.knowledge.indexing import document_for

    existing = _existing(model, batch)
    created: list[Any] = []
    updated: list[Any] = []
    records: list[tuple[ParsedRecord, Any]] = []
    for parsed in batch:
        record = existing.get(parsed.key)
        values = {**parsed.fields, "classification": parsed.links.codes}
        if record is None:
            record = model(
                **values, status=Status.PUBLISHED, source_kind=source_kind,
                published_at=now, created_at=now, updated_at=now,
            )
            if not record.source:
                record.source = "import"
            created.append(record)
        else:
            for name, value in values.items():
                setattr(record, name, value)
            record.status = Status.PUBLISHED
            record.updated_at = now
            updated.append(record)
        records.append((parsed, record))
    model.objects.bulk_create(created, batch_size=BATCH)
    if updated:
        names = [*batch[0].fields.keys(), "classification", "status", "updated_at"]
        model.objects.bulk_update(updated, names, batch_size=BATCH)
    model.history.bulk_history_create(  # type: ignore[attr-defined]
        created + updated, default_change_reason="import", default_date=now
    )
    report.created += len(created)
    report.updated += len(updated)
    pks = [record.pk for _parsed, record in records]
    _replace_links(model, records, pks)
    _replace_children(model, records, [r.pk for r in updated])
    documents = []
    for parsed, record in records:
        provisions_text = "\n".join(
            f"{p['reference']} {p['heading']}\n{p['text']}" for p, _links in parsed.provisions
        ) if parsed.provisions else None
        documents.append(document_for(record, countries=parsed.countries, provisions_text=provisions_text or ""))
    return documents


def _replace_links(model: type[KnowledgeRecord], records: list[tuple[ParsedRecord, Any]], pks: list[int]) -> None:
    for field_name, attribute in (("crime_types", "crime_types"), ("cross_cutting_issues", "issues"), ("articles", "articles")):
        through = getattr(model, field_name).through
        source = f"{model._meta.model_name}_id"
        target = f"{getattr(model, field_name).field.related_model._meta.model_name}_id"
        through.objects.filter(**{f"{source}__in": pks}).delete()
        rows = [
            through(**{source: record.pk, target: term_id})
            for parsed, record in records
            for term_id in getattr(parsed.links, attribute)
        ]
        through.objects.bulk_create(rows, batch_size=BATCH)


def _replace_children(model: type[KnowledgeRecord], records: list[tuple[ParsedRecord, Any]], updated_pks: list[int]) -> None:
    kind = model.KIND
    if kind == "caselaw":
        CaseParty.objects.filter(case_id__in=updated_pks).delete()
        CaseParty.objects.bulk_create(
            [CaseParty(case_id=record.pk, **party) for parsed, record in records for party in parsed.parties],
            batch_size=BATCH,
        )
    elif kind == "treaty":
        TreatyParty.objects.filter(treaty_id__in=updated_pks).delete()
        TreatyParty.objects.bulk_create(
            [TreatyParty(treaty_id=record.pk, country=country, in_force_on=day)
             for parsed, record in records for country, day in parsed.treaty_parties],
            batch_size=BATCH,
        )
    elif kind == "legislation":
        Provision.objects.filter(legislation_id__in=updated_pks).delete()
        pairs = [(Provision(legislation_id=record.pk, **values), links)
                 for parsed, record in records for values, links in parsed.provisions]
        Provision.objects.bulk_create([p for p, _links in pairs], batch_size=BATCH)
        for field_name, attribute in (("crime_types", "crime_types"), ("cross_cutting_issues", "issues"), ("articles", "articles")):
            through = getattr(Provision, field_name).through
            target = f"{getattr(Provision, field_name).field.related_model._meta.model_name}_id"
            through.objects.bulk_create(
                [through(**{"provision_id": p.pk, target: term_id}) for p, links in pairs for term_id in getattr(links, attribute)],
                batch_size=BATCH,
            )


def write_records(
    kind: str, parsed: list[ParsedRecord], report: ImportReport,
    progress: Callable[[str], None] | None = None, source_kind: str = SourceKind.IMPORT,
) -> None:
    """Write checked lines (call inside a transaction)."""
    from palermo.core.search import bulk_index

    model = RECORD_MODELS[kind]
    now = timezone.now()
    for start in range(0, len(parsed), BATCH):
        documents = _write_batch(model, parsed[start : start + BATCH], report, now, source_kind)
        bulk_index(documents)
        if progress:
            progress(f"written {min(start + BATCH, len(parsed))} of {len(parsed)} records")


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
    return import_rows(kind, rows, strict=strict, user=user, progress=progress, lookups=lookups, label=path.name)


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
    parsed, report = parse_rows(kind, rows, lookups or Lookups.load(), strict=strict, progress=progress)
    if report.errors:
        report.errors.sort()
        return report
    with transaction.atomic():
        write_records(kind, parsed, report, progress, source_kind)
        record_event(
            user, f"knowledge.{kind}.imported", None,
            changes={"file": ["", label], "created": [0, report.created], "updated": [0, report.updated]},
        )
    return report
