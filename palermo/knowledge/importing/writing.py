"""Writing checked lines in bulk: new records created, changed ones replaced, the rest left.

Per batch of lines: one query for the records already there, then a few bulk statements
(records, their versions, links, parties or provisions) and the batch's search documents,
all in the caller's transaction. Rows are built from plain values; the only model instances
are the transient ones `document_for` reads.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone

from palermo.knowledge.importing.bulk import (
    RowLayout,
    converter,
    delete_rows,
    insert_new_rows,
    insert_rows,
)
from palermo.knowledge.importing.rows import Links, ParsedRecord
from palermo.knowledge.models import (
    RECORD_MODELS,
    CaseParty,
    KnowledgeRecord,
    Provision,
    SourceKind,
    Status,
    TreatyParty,
)
from palermo.reference.models import Country

if TYPE_CHECKING:
    from palermo.core.search import SearchDocument
    from palermo.knowledge.importing.loader import ImportReport

BATCH = 1000
LINK_FIELDS = (
    ("crime_types", "crime_types"),
    ("cross_cutting_issues", "issues"),
    ("articles", "articles"),
)
# Columns of a version that the record does not have, in the order `_write_history` adds them.
HISTORY_EXTRA = ("history_date", "history_change_reason", "history_user_id", "history_type")


@dataclass(frozen=True)
class Layouts:
    """How one kind's records and versions become rows; worked out once per import."""

    record: RowLayout
    history: RowLayout
    history_picks: tuple[int, ...]  # for each version column, its place in [id, *row, *extra]
    history_date: Callable[[Any], Any]
    defaults: dict[str, Any]
    attnames: dict[str, str]
    instance_attnames: tuple[str, ...]
    state_names: dict[int, str] = field(default_factory=dict)  # for `document_for`

    @classmethod
    def of(cls, model: type[KnowledgeRecord]) -> Layouts:
        history_model: Any = model.history.model  # type: ignore[attr-defined]
        record = RowLayout.of(model, skip=["id"])
        history = RowLayout.of(history_model, skip=["history_id"])
        places = {name: i for i, name in enumerate(("id", *record.attnames, *HISTORY_EXTRA))}
        missing = [name for name in history.attnames if name not in places]
        if missing:
            raise ImproperlyConfigured(f"The import has no value for the version columns {missing}")
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        return cls(
            record=record,
            history=history,
            history_picks=tuple(places[name] for name in history.attnames),
            history_date=converter(history_model._meta.get_field("history_date")) or str,
            defaults={f.attname: f.get_default() for f in fields},
            attnames={f.name: f.attname for f in fields},
            instance_attnames=tuple(f.attname for f in model._meta.concrete_fields),
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
    layouts = Layouts.of(model)
    now = timezone.now()
    for start in range(0, len(parsed), BATCH):
        batch = parsed[start : start + BATCH]
        bulk_index(_write_batch(model, layouts, batch, report, now, source_kind))
        if progress:
            progress(f"processed {min(start + BATCH, len(parsed))} of {len(parsed)} records")


def _digest(parsed: ParsedRecord, source_kind: str) -> str:
    """What a line says, reduced to a digest: equal digests mean nothing to write."""

    def plain(value: Any) -> Any:
        return value.iso3 if isinstance(value, Country) else value

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
    """The records a batch's lines already have, by line key ("id:…" or "url:…")."""
    ids = [r.fields["external_id"] for r in batch if r.fields["external_id"]]
    urls = [r.fields["source_url"] for r in batch if not r.fields["external_id"]]
    found: dict[str, dict[str, Any]] = {}
    rows = model.objects.filter(
        models.Q(external_id__in=ids) | models.Q(external_id__isnull=True, source_url__in=urls)
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


def _write_batch(
    model: type[KnowledgeRecord],
    layouts: Layouts,
    batch: list[ParsedRecord],
    report: ImportReport,
    now: Any,
    source_kind: str,
) -> list[SearchDocument]:
    """Create new records; replace changed ones (same id, so links and permalinks hold);
    leave unchanged ones alone. Returns the search documents of what was written."""
    existing = _existing(model, batch)
    fixed = {
        "status": Status.PUBLISHED,
        "source_kind": source_kind,
        "published_at": now,
        "created_at": now,
        "updated_at": now,
    }
    written: list[tuple[ParsedRecord, dict[str, Any]]] = []
    for parsed in batch:
        digest = _digest(parsed, source_kind)
        known = existing.get(parsed.key)
        if known and known["import_digest"] == digest and known["status"] == Status.PUBLISHED:
            report.unchanged += 1
            continue
        values = _record_values(layouts, parsed, known, {**fixed, "import_digest": digest})
        written.append((parsed, values))
    replaced = [values["id"] for _parsed, values in written if values["id"] is not None]
    _remove_records(model, replaced)
    _insert_records(layouts, written, now)
    report.created += len(written) - len(replaced)
    report.updated += len(replaced)
    pks = [values["id"] for _parsed, values in written]
    _write_links(model, [parsed for parsed, _values in written], pks)
    _write_children(model, [parsed for parsed, _values in written], pks)
    return [_document(model, layouts, parsed, values) for parsed, values in written]


def _record_values(
    layouts: Layouts, parsed: ParsedRecord, known: dict[str, Any] | None, fixed: dict[str, Any]
) -> dict[str, Any]:
    """Every column of a record, by attribute name, as the import stores it."""
    values = {**layouts.defaults, **fixed, "classification": parsed.links.codes, "id": None}
    for name, value in parsed.fields.items():
        values[layouts.attnames[name]] = value.pk if isinstance(value, models.Model) else value
    values["source"] = values["source"] or "import"
    if known is not None:
        values["id"] = known["pk"]
        values["created_at"] = known["created_at"]
        values["created_by_id"] = known["created_by_id"]
        values["published_at"] = known["published_at"] or fixed["published_at"]
    return values


def _remove_records(model: type[KnowledgeRecord], pks: list[int]) -> None:
    """Take out records about to be written again under the same ids, with their parts.
    Other tables' references to them hold: the ids come back in the same transaction."""
    if not pks:
        return
    for field_name, _attribute in LINK_FIELDS:
        table, source, _target = _through(model, field_name)
        delete_rows(table, source, pks)
    if model.KIND == "caselaw":
        delete_rows(CaseParty._meta.db_table, "case_id", pks)
    elif model.KIND == "treaty":
        delete_rows(TreatyParty._meta.db_table, "treaty_id", pks)
    elif model.KIND == "legislation":
        provisions = list(
            Provision.objects.filter(legislation_id__in=pks).values_list("pk", flat=True)
        )
        for field_name, _attribute in LINK_FIELDS:
            table, source, _target = _through(Provision, field_name)
            delete_rows(table, source, provisions)
        delete_rows(Provision._meta.db_table, "id", provisions)
    delete_rows(model._meta.db_table, "id", pks)


def _insert_records(
    layouts: Layouts, written: list[tuple[ParsedRecord, dict[str, Any]]], now: Any
) -> None:
    """Insert the records and one version each; new records get their ids filled in."""
    rows = [[values["id"], *layouts.record.row(values)] for _parsed, values in written]
    kinds = ["~" if row[0] is not None else "+" for row in rows]
    columns = ["id", *layouts.record.columns]
    insert_rows(layouts.record.table, columns, [row for row in rows if row[0] is not None])
    new = [row for row in rows if row[0] is None]
    ids = insert_new_rows(layouts.record.table, columns[1:], [row[1:] for row in new])
    for row, pk in zip(new, ids, strict=True):
        row[0] = pk
    for (_parsed, values), row in zip(written, rows, strict=True):
        values["id"] = row[0]
    _write_history(layouts, rows, kinds, now)


def _write_history(layouts: Layouts, rows: list[list[Any]], kinds: list[str], now: Any) -> None:
    """One version per written record, as simple_history would write it, from the record's
    own converted values (the version's fields are of the same classes)."""
    extra = [layouts.history_date(now), "import", None]
    picks = layouts.history_picks
    versions = []
    for row, kind in zip(rows, kinds, strict=True):
        source = [*row, *extra, kind]
        versions.append([source[i] for i in picks])
    insert_rows(layouts.history.table, layouts.history.columns, versions)


def _document(
    model: type[KnowledgeRecord], layouts: Layouts, parsed: ParsedRecord, values: dict[str, Any]
) -> SearchDocument:
    from palermo.knowledge.indexing import document_for

    # Positional arguments: Django's fast path for building an instance from column values.
    record = model(*[values[name] for name in layouts.instance_attnames])  # type: ignore[misc]
    record._state.adding = False
    if parsed.fields.get("country") is not None:
        record.country = parsed.fields["country"]
    provisions_text = "\n".join(
        f"{p['reference']} {p['heading']}\n{p['text']}" for p, _links in parsed.provisions
    )
    return document_for(
        record,
        countries=parsed.countries,
        provisions_text=provisions_text,
        state_names=layouts.state_names,
    )


def _through(model: type[Any], field_name: str) -> tuple[str, str, str]:
    """(table, source column, target column) of a many-to-many field."""
    m2m: Any = model._meta.get_field(field_name)
    return m2m.m2m_db_table(), m2m.m2m_column_name(), m2m.m2m_reverse_name()


def _write_links(model: type[Any], lines: list[Any], pks: list[int]) -> None:
    """The many-to-many rows of records (or provisions): `lines` hold their `Links`."""
    for field_name, attribute in LINK_FIELDS:
        table, source, target = _through(model, field_name)
        rows = [
            (pk, term_id)
            for line, pk in zip(lines, pks, strict=True)
            for term_id in getattr(_links_of(line), attribute)
        ]
        insert_rows(table, [source, target], rows)


def _links_of(line: ParsedRecord | Links) -> Links:
    return line if isinstance(line, Links) else line.links


def _write_children(
    model: type[KnowledgeRecord], lines: list[ParsedRecord], pks: list[int]
) -> None:
    if model.KIND == "caselaw":
        _write_parties(lines, pks)
    elif model.KIND == "treaty":
        rows = [
            (pk, country.pk, day)
            for parsed, pk in zip(lines, pks, strict=True)
            for country, day in parsed.treaty_parties
        ]
        insert_rows(TreatyParty._meta.db_table, ["treaty_id", "country_id", "in_force_on"], rows)
    elif model.KIND == "legislation":
        _write_provisions(lines, pks)


PARTY_COLUMNS = ("kind", "name", "is_protected", "role", "outcome", "sentence", "sort_order")


def _write_parties(lines: list[ParsedRecord], pks: list[int]) -> None:
    rows = [
        (
            pk,
            p["nationality"].pk if p["nationality"] else None,
            *[p[name] for name in PARTY_COLUMNS],
        )
        for parsed, pk in zip(lines, pks, strict=True)
        for p in parsed.parties
    ]
    insert_rows(CaseParty._meta.db_table, ["case_id", "nationality_id", *PARTY_COLUMNS], rows)


PROVISION_COLUMNS = ("reference", "heading", "text", "sort_order")


def _write_provisions(lines: list[ParsedRecord], pks: list[int]) -> None:
    provisions = [
        (pk, values, links)
        for parsed, pk in zip(lines, pks, strict=True)
        for values, links in parsed.provisions
    ]
    rows = [(pk, *[values[name] for name in PROVISION_COLUMNS]) for pk, values, _l in provisions]
    ids = insert_new_rows(Provision._meta.db_table, ["legislation_id", *PROVISION_COLUMNS], rows)
    _write_links(Provision, [links for _pk, _values, links in provisions], ids)
