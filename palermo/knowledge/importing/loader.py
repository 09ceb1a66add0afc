"""Writing parsed lines in bulk: all or nothing, keyed by external id or source URL.

The whole file is read and checked first; if any line is wrong nothing is written and every
bad line is reported. Otherwise new records are created and known ones updated with a handful
of bulk statements per thousand lines, their versions written, and the search index filled
with `bulk_index` in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Q
from django.db.models.fields.files import FieldFile
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
            report.errors.append((number, f"the same id or source_url as line {seen[record.key]}"))
            continue
        seen[record.key] = number
        report.warnings.extend((number, warning) for warning in record.warnings)
        parsed.append(record)
    return parsed, report


def _digest(parsed: ParsedRecord, source_kind: str) -> str:
    """What a line says, reduced to a digest: equal digests mean nothing to write."""

    def plain(value: Any) -> Any:
        return value.iso3 if hasattr(value, "iso3") else value

    content = [
        source_kind,
        {k: plain(v) for k, v in parsed.fields.items()},
        parsed.links.codes,
        [{k: plain(v) for k, v in party.items()} for party in parsed.parties],
        [[values, links.codes] for values, links in parsed.provisions],
        [[plain(c), d] for c, d in parsed.treaty_parties],
    ]
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def _existing(model: type[KnowledgeRecord], batch: list[ParsedRecord]) -> dict[str, dict[str, Any]]:
    ids = [r.fields["external_id"] for r in batch if r.fields["external_id"]]
    urls = [r.fields["source_url"] for r in batch if not r.fields["external_id"]]
    found: dict[str, dict[str, Any]] = {}
    rows = model.objects.filter(
        Q(external_id__in=ids) | Q(external_id__isnull=True, source_url__in=urls)
    ).values(
        "pk",
        "external_id",
        "source_url",
        "import_digest",
        "created_at",
        "created_by_id",
        "published_at",
        "status",
    )
    for row in rows:
        if row["external_id"]:
            found[f"id:{row['external_id']}"] = row
        else:
            found.setdefault(f"url:{row['source_url']}", row)
    return found


def _insert_many(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Plain multi-row INSERTs for link and child rows: no model instances needed."""
    if not rows:
        return
    quote = connection.ops.quote_name
    # Table and column names come from model metadata, never from input.
    names = ", ".join(quote(c) for c in columns)
    values = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({values})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _insert_returning_ids(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> list[int]:
    """Multi-row INSERT … RETURNING id (SQLite ≥ 3.35 and PostgreSQL return rows in order)."""
    quote = connection.ops.quote_name
    ids: list[int] = []
    per_statement = max(1, 30000 // max(1, len(columns)) // 2)
    placeholder = f"({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            sql = (
                f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) VALUES "  # noqa: S608
                f"{', '.join([placeholder] * len(chunk))} RETURNING {quote('id')}"
            )
            cursor.execute(sql, [value for row in chunk for value in row])
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _converter(field: Any) -> Callable[[Any], Any]:
    """How a field's Python value becomes a query parameter, cheaply: plain values pass as
    they are; JSON and date-times go through Django (date-times cached, imports share one)."""
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    if isinstance(field, models.DateTimeField):
        cache: dict[Any, Any] = {}

        def convert(value: Any) -> Any:
            if value not in cache:
                cache[value] = field.get_db_prep_save(value, connection)
            return cache[value]

        return convert
    return lambda value: (value.name or "") if isinstance(value, FieldFile) else value


def _insert_records(model: type[KnowledgeRecord], records: list[Any]) -> None:
    """Insert records without model-layer overhead; new ones get their ids back in order."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    prep = [(f.attname, _converter(f)) for f in fields]
    with_pk = [r for r in records if r.pk is not None]
    without_pk = [r for r in records if r.pk is None]
    if with_pk:
        _insert_many(
            model._meta.db_table,
            ["id", *[str(f.column) for f in fields]],
            [(r.pk, *[convert(getattr(r, name)) for name, convert in prep]) for r in with_pk],
        )
    if without_pk:
        ids = _insert_returning_ids(
            model._meta.db_table,
            [str(f.column) for f in fields],
            [tuple(convert(getattr(r, name)) for name, convert in prep) for r in without_pk],
        )
        for record, pk in zip(without_pk, ids, strict=True):
            record.pk = pk
            record._state.adding = False


def _write_history(model: type[KnowledgeRecord], records: list[tuple[Any, str]], now: Any) -> None:
    """One version per written record, as simple_history would write it, in bulk."""
    history_model = model.history.model  # type: ignore[attr-defined]
    fields = [f for f in history_model._meta.concrete_fields if f.name != "history_id"]
    fixed: dict[str, Any] = {
        "history_date": now,
        "history_change_reason": "import",
        "history_user_id": None,
    }
    converters = [(f.attname, f.name, _converter(f)) for f in fields]
    rows = []
    for record, history_type in records:
        row: list[Any] = []
        for attname, name, convert in converters:
            value: Any
            if name == "history_type":
                value = history_type
            elif name in fixed or attname in fixed:
                value = fixed.get(name, fixed.get(attname))
            else:
                value = getattr(record, attname)
            row.append(convert(value))
        rows.append(tuple(row))
    _insert_many(history_model._meta.db_table, [str(f.column) for f in fields], rows)


def _write_batch(
    model: type[KnowledgeRecord],
    batch: list[ParsedRecord],
    report: ImportReport,
    now: Any,
    source_kind: str = SourceKind.IMPORT,
) -> list[Any]:
    """Create new records; replace changed ones (same id, so links and permalinks hold);
    leave unchanged ones alone. Returns the search documents of what was written."""
    from palermo.knowledge.indexing import document_for

    existing = _existing(model, batch)
    written: list[tuple[ParsedRecord, Any]] = []
    replaced_pks: list[int] = []
    versions: list[tuple[Any, str]] = []
    for parsed in batch:
        digest = _digest(parsed, source_kind)
        known = existing.get(parsed.key)
        if (
            known is not None
            and known["import_digest"] == digest
            and known["status"] == Status.PUBLISHED
        ):
            report.unchanged += 1
            continue
        record = model(
            **parsed.fields,
            classification=parsed.links.codes,
            status=Status.PUBLISHED,
            source_kind=source_kind,
            import_digest=digest,
            published_at=now,
            created_at=now,
            updated_at=now,
        )
        if not record.source:
            record.source = "import"
        if known is not None:
            record.pk = known["pk"]
            record.created_at = known["created_at"]
            record.created_by_id = known["created_by_id"]
            record.published_at = known["published_at"] or now
            replaced_pks.append(known["pk"])
        written.append((parsed, record))
        versions.append((record, "+" if known is None else "~"))
    if replaced_pks:
        _delete_parts(model, replaced_pks)
        model.objects.filter(pk__in=replaced_pks)._raw_delete(connection.alias)  # type: ignore[attr-defined]
    _insert_records(model, [record for _parsed, record in written])
    _write_history(model, versions, now)
    report.created += len(written) - len(replaced_pks)
    report.updated += len(replaced_pks)
    _write_links(model, written)
    _write_children(model, written)
    documents = []
    for parsed, record in written:
        provisions_text = "\n".join(
            f"{p['reference']} {p['heading']}\n{p['text']}" for p, _links in parsed.provisions
        )
        documents.append(
            document_for(record, countries=parsed.countries, provisions_text=provisions_text)
        )
    return documents


LINK_FIELDS = (
    ("crime_types", "crime_types"),
    ("cross_cutting_issues", "issues"),
    ("articles", "articles"),
)


def _through(model: type[Any], field_name: str) -> tuple[str, str, str]:
    """(table, source column, target column) of a many-to-many field."""
    m2m: Any = model._meta.get_field(field_name)
    return m2m.m2m_db_table(), m2m.m2m_column_name(), m2m.m2m_reverse_name()


def _delete_parts(model: type[KnowledgeRecord], pks: list[int]) -> None:
    for field_name, _attribute in LINK_FIELDS:
        _table, source, _target = _through(model, field_name)
        getattr(model, field_name).through.objects.filter(**{f"{source}__in": pks}).delete()
    if model.KIND == "caselaw":
        CaseParty.objects.filter(case_id__in=pks).delete()
    elif model.KIND == "treaty":
        TreatyParty.objects.filter(treaty_id__in=pks).delete()
    elif model.KIND == "legislation":
        provisions = list(
            Provision.objects.filter(legislation_id__in=pks).values_list("pk", flat=True)
        )
        for field_name, _attribute in LINK_FIELDS:
            getattr(Provision, field_name).through.objects.filter(
                provision_id__in=provisions
            ).delete()
        Provision.objects.filter(pk__in=provisions).delete()


def _write_links(model: type[KnowledgeRecord], written: list[tuple[ParsedRecord, Any]]) -> None:
    for field_name, attribute in LINK_FIELDS:
        table, source, target = _through(model, field_name)
        rows = [
            (record.pk, term_id)
            for parsed, record in written
            for term_id in getattr(parsed.links, attribute)
        ]
        _insert_many(table, [source, target], rows)


def _write_children(model: type[KnowledgeRecord], written: list[tuple[ParsedRecord, Any]]) -> None:
    kind = model.KIND
    if kind == "caselaw":
        columns = [
            "case_id",
            "kind",
            "name",
            "is_protected",
            "nationality_id",
            "role",
            "outcome",
            "sentence",
            "sort_order",
        ]
        rows = [
            (
                record.pk,
                p["kind"],
                p["name"],
                p["is_protected"],
                p["nationality"].pk if p["nationality"] else None,
                p["role"],
                p["outcome"],
                p["sentence"],
                p["sort_order"],
            )
            for parsed, record in written
            for p in parsed.parties
        ]
        _insert_many(CaseParty._meta.db_table, columns, rows)
    elif kind == "treaty":
        treaty_rows: list[tuple[Any, ...]] = [
            (record.pk, country.pk, day)
            for parsed, record in written
            for country, day in parsed.treaty_parties
        ]
        _insert_many(
            TreatyParty._meta.db_table, ["treaty_id", "country_id", "in_force_on"], treaty_rows
        )
    elif kind == "legislation":
        pairs = [
            (Provision(legislation_id=record.pk, **values), links)
            for parsed, record in written
            for values, links in parsed.provisions
        ]
        Provision.objects.bulk_create([p for p, _links in pairs], batch_size=BATCH)
        for field_name, attribute in LINK_FIELDS:
            table, source, target = _through(Provision, field_name)
            _insert_many(
                table,
                [source, target],
                [(p.pk, term_id) for p, links in pairs for term_id in getattr(links, attribute)],
            )


def write_records(
    kind: str,
    parsed: list[ParsedRecord],
    report: ImportReport,
    progress: Callable[[str], None] | None = None,
    source_kind: str = SourceKind.IMPORT,
) -> None:
    """Write checked lines (call inside a transaction)."""
    from palermo.core.search import bulk_index

    model = RECORD_MODELS[kind]
    now = timezone.now()
    for start in range(0, len(parsed), BATCH):
        documents = _write_batch(model, parsed[start : start + BATCH], report, now, source_kind)
        bulk_index(documents)
        if progress:
            progress(f"processed {min(start + BATCH, len(parsed))} of {len(parsed)} records")


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
