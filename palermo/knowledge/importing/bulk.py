"""Writing many rows with plain SQL: COPY on PostgreSQL, one prepared INSERT on SQLite.

No model instances, signals or statement per row. Each value is turned into what the
database expects once, by its column's field (`RowLayout`), so a record and its version can
share the converted values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models.fields.files import FieldFile

# SQLite allows 32,766 parameters per statement; stay well below it.
MAX_PARAMETERS = 30000


def _json_converter(field: Any) -> Callable[[Any], Any]:
    adapt = connection.ops.adapt_json_value  # bound once: `connection` is a per-thread proxy
    encoder = field.encoder
    return lambda value: None if value is None else adapt(value, encoder)


def _datetime_converter(field: Any) -> Callable[[Any], Any]:
    """Date-times through Django (SQLite stores them as text in UTC), each distinct one once:
    an import stamps every record with the same moment."""
    cache: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        if value not in cache:
            cache[value] = field.get_db_prep_save(value, connection)
        return cache[value]

    return convert


def _file_name(value: Any) -> Any:
    return (value.name or "") if isinstance(value, FieldFile) else value


def converter(field: Any) -> Callable[[Any], Any] | None:
    """How a field's Python value becomes a query parameter; None when it passes as it is."""
    if isinstance(field, models.JSONField):
        return _json_converter(field)
    if isinstance(field, models.DateTimeField):
        return _datetime_converter(field)
    if isinstance(field, models.FileField):
        return _file_name
    return None


@dataclass(frozen=True)
class RowLayout:
    """The columns of a table, in order, and the converters of those that need one."""

    table: str
    attnames: tuple[str, ...]
    columns: tuple[str, ...]
    conversions: tuple[tuple[int, Callable[[Any], Any]], ...]

    @classmethod
    def of(cls, model: type[models.Model], skip: Sequence[str] = ()) -> RowLayout:
        fields = [f for f in model._meta.concrete_fields if f.attname not in skip]
        conversions = []
        for index, field in enumerate(fields):
            convert = converter(field)
            if convert is not None:
                conversions.append((index, convert))
        return cls(
            table=model._meta.db_table,
            attnames=tuple(f.attname for f in fields),
            columns=tuple(str(f.column) for f in fields),
            conversions=tuple(conversions),
        )

    def row(self, values: Mapping[str, Any]) -> list[Any]:
        """The query parameters of one row, from its values by attribute name."""
        row = [values[name] for name in self.attnames]
        for index, convert in self.conversions:
            row[index] = convert(row[index])
        return row


def _quoted(table: str, columns: Sequence[str]) -> tuple[str, str]:
    quote = connection.ops.quote_name
    # Table and column names come from model metadata, never from input.
    return quote(table), ", ".join(quote(c) for c in columns)


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows whose every column is given (ids included, or left to the default)."""
    if not rows:
        return
    name, names = _quoted(table, columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY sends the rows as one stream: no statement or quoting per row.
            with (
                connection.wrap_database_errors,
                cursor.copy(f"COPY {name} ({names}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {name} ({names}) VALUES ({marks})", rows)  # noqa: S608


def delete_rows(table: str, column: str, values: Sequence[Any]) -> None:
    """DELETE the rows whose `column` is one of `values` (no signals, no cascades)."""
    name, quoted_column = _quoted(table, [column])
    with connection.cursor() as cursor:
        for start in range(0, len(values), MAX_PARAMETERS):
            chunk = values[start : start + MAX_PARAMETERS]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {name} WHERE {quoted_column} IN ({marks})", chunk)  # noqa: S608


def insert_new_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[int]:
    """Insert rows without an id and return the ids the database gave them, in order."""
    if not rows:
        return []
    if connection.vendor == "postgresql":
        ids = _next_ids(table, len(rows))
        insert_rows(
            table, ["id", *columns], [(pk, *row) for pk, row in zip(ids, rows, strict=True)]
        )
        return ids
    return _insert_returning_ids(table, columns, rows)


def _next_ids(table: str, count: int) -> list[int]:
    """Take `count` values of the table's id sequence (never reused, like a default would)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [int(pk) for (pk,) in cursor.fetchall()]


def _insert_returning_ids(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> list[int]:
    """Multi-row INSERT … RETURNING id (SQLite 3.35 or later). The rows of one INSERT get
    ascending ids in the order of its VALUES; RETURNING may list them in any order, so they
    are sorted rather than trusted."""
    name, names = _quoted(table, columns)
    ids: list[int] = []
    per_statement = max(1, MAX_PARAMETERS // max(1, len(columns)) // 2)
    placeholder = f"({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {name} ({names}) VALUES "  # noqa: S608
                f"{', '.join([placeholder] * len(chunk))} RETURNING id",
                [value for row in chunk for value in row],
            )
            ids.extend(sorted(int(pk) for (pk,) in cursor.fetchall()))
    return ids
