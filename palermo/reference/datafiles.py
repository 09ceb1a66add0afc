"""Reading Palermo's reference-data files, line by line, so every error names its line.

This module only reads and checks the shape of each row; `loading.py` writes rows to the
database and checks what needs the database (does the country exist?). Every problem is raised
as `ReferenceDataError(file, line, reason)`.

Formats: JSON Lines (one JSON object per line; blank lines are skipped), CSV with a header
(lines starting with # are notes) and, for the shared participation file, one JSON document whose
"records" list is read element by element so each record's line is known.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

LANGUAGE_KEYS = ("ar", "en", "es", "fr", "ru", "zh-hans")
_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_AS_AT = re.compile(r"as at (\d{4}-\d{2}-\d{2})")


class ReferenceDataError(Exception):
    """A bad row in a reference-data file: the whole load stops and nothing is kept."""

    def __init__(self, file: str, line: int, reason: str) -> None:
        super().__init__(f"{file}, line {line}: {reason}")
        self.file = file
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class Row:
    """One record of a data file and the line it starts on."""

    line: int
    values: dict[str, Any]


def read_jsonl(path: Path) -> Iterator[Row]:
    """The objects of a JSON Lines file, one per non-blank line."""
    text = _read_text(path)
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            raise ReferenceDataError(
                path.name, number, _("not valid JSON (%(error)s)") % {"error": error.msg}
            ) from None
        if not isinstance(value, dict):
            raise ReferenceDataError(path.name, number, _("each line must be a JSON object"))
        yield Row(number, value)


def read_csv(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """The rows of a CSV file with a header naming at least `columns`; # lines are notes."""
    text = _read_text(path)
    lines = text.splitlines()
    data_lines = [(n, line) for n, line in enumerate(lines, start=1) if not line.startswith("#")]
    if not data_lines:
        raise ReferenceDataError(path.name, 1, _("the file has no header row"))
    header_line, header_text = data_lines[0]
    header = next(csv.reader([header_text]))
    missing = [c for c in columns if c not in header]
    if missing:
        raise ReferenceDataError(
            path.name,
            header_line,
            _("the header lacks the column(s) %(columns)s") % {"columns": ", ".join(missing)},
        )
    for number, line in data_lines[1:]:
        if not line.strip():
            continue
        cells = next(csv.reader(io.StringIO(line)))
        if len(cells) != len(header):
            raise ReferenceDataError(
                path.name,
                number,
                _("expected %(expected)d columns, found %(found)d")
                % {"expected": len(header), "found": len(cells)},
            )
        yield Row(number, dict(zip(header, (c.strip() for c in cells), strict=True)))


def read_participation(path: Path) -> tuple[datetime.date, list[Row]]:
    """The as-at date and the records of the shared participation file, each with its line."""
    text = _read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReferenceDataError(
            path.name, error.lineno, _("not valid JSON (%(error)s)") % {"error": error.msg}
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        raise ReferenceDataError(path.name, 1, _('expected an object with a "records" list'))
    as_at = _date_or_none(document.get("as_at"))
    if as_at is None:
        found = _AS_AT.search(str(document.get("about") or ""))
        as_at = _date_or_none(found.group(1)) if found else None
    if as_at is None:
        raise ReferenceDataError(
            path.name, 1, _('the file does not say the date its status is "as at"')
        )
    starts = _element_lines(text)
    rows = []
    for index, record in enumerate(document["records"]):
        line = starts[index] if index < len(starts) else 1
        if not isinstance(record, dict):
            raise ReferenceDataError(path.name, line, _("each record must be a JSON object"))
        rows.append(Row(line, record))
    return as_at, rows


def _element_lines(text: str) -> list[int]:
    """The line on which each element of the top-level "records" list starts."""
    decoder = json.JSONDecoder()
    start = text.find("[", text.find('"records"'))
    lines: list[int] = []
    position = start + 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return lines
        lines.append(text.count("\n", 0, position) + 1)
        try:
            _value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return lines


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReferenceDataError(path.name, 0, _("the file is missing")) from None
    except UnicodeDecodeError:
        raise ReferenceDataError(path.name, 0, _("the file is not UTF-8 text")) from None


# Checks shared by the loaders: each raises ReferenceDataError naming the row's line.


def require_code(file: str, row: Row, key: str = "code") -> str:
    value = row.values.get(key)
    if not isinstance(value, str) or not _CODE.match(value):
        raise ReferenceDataError(
            file,
            row.line,
            _("“%(key)s” must be a code of lower-case letters, digits and hyphens") % {"key": key},
        )
    return value


def require_text(file: str, row: Row, key: str, *, blank: bool = False) -> str:
    value = row.values.get(key, "" if blank else None)
    if not isinstance(value, str) or (not blank and not value.strip()):
        raise ReferenceDataError(
            file, row.line, _("“%(key)s” must be a non-empty text") % {"key": key}
        )
    return value.strip()


def require_translations(file: str, row: Row, key: str) -> dict[str, str]:
    """A {language: text} object with a non-empty text in each of the six UN languages."""
    value = row.values.get(key)
    if not isinstance(value, dict):
        raise ReferenceDataError(
            file,
            row.line,
            _("“%(key)s” must give a text in each of the six languages") % {"key": key},
        )
    missing = [lang for lang in LANGUAGE_KEYS if not str(value.get(lang) or "").strip()]
    if missing:
        raise ReferenceDataError(
            file,
            row.line,
            _("“%(key)s” lacks a text in %(languages)s")
            % {"key": key, "languages": ", ".join(missing)},
        )
    return {lang: str(value[lang]).strip() for lang in LANGUAGE_KEYS}


def require_date(file: str, row: Row, key: str, *, optional: bool = True) -> datetime.date | None:
    value = row.values.get(key)
    if value in (None, "") and optional:
        return None
    parsed = _date_or_none(value)
    if parsed is None:
        raise ReferenceDataError(
            file,
            row.line,
            _("“%(key)s” must be a date written YYYY-MM-DD, not %(value)s")
            % {"key": key, "value": json.dumps(value, ensure_ascii=False)},
        )
    return parsed


def require_int(file: str, row: Row, key: str) -> int:
    value = row.values.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ReferenceDataError(
            file, row.line, _("“%(key)s” must be a whole number") % {"key": key}
        )
    return value


def translated_fields(field: str, texts: dict[str, str]) -> dict[str, str]:
    """{"name_en": ..., "name_zh_hans": ...} from {"en": ..., "zh-hans": ...}."""
    fields = {f"{field}_{lang.replace('-', '_')}": text for lang, text in texts.items()}
    fields[field] = texts["en"]
    return fields


def _date_or_none(value: Any) -> datetime.date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
