"""Reading import files: JSON Lines or CSV, each line numbered as people count them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _


class LineError(Exception):
    """A problem with one line; `reasons` are complete sentences."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def detect_format(path: Path, explicit: str | None = None) -> str:
    if explicit:
        return explicit
    return "csv" if path.suffix.lower() in (".csv", ".tsv") else "jsonl"


def read_lines(path: Path, file_format: str) -> Iterator[tuple[int, dict[str, Any] | LineError]]:
    """(line number, row) for every non-empty line; a row that cannot be read is a LineError.

    CSV line numbers count the header as line 1, so the first record is line 2.
    """
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        if file_format == "csv":
            yield from _read_csv(handle)
        else:
            yield from _read_jsonl(handle)


def _read_jsonl(handle: io.TextIOBase) -> Iterator[tuple[int, dict[str, Any] | LineError]]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield (
                number,
                LineError(
                    [
                        _("not valid JSON (%(problem)s at column %(column)s)")
                        % {"problem": error.msg, "column": error.colno}
                    ]
                ),
            )
            continue
        if not isinstance(row, dict):
            yield number, LineError([_("each line must be a JSON object {…}")])
            continue
        yield number, row


def _read_csv(handle: io.TextIOBase) -> Iterator[tuple[int, dict[str, Any] | LineError]]:
    reader = csv.DictReader(handle)
    for row in reader:
        number = reader.line_num
        if None in row:
            yield number, LineError([_("more cells than columns in the header")])
            continue
        if not any((value or "").strip() for value in row.values()):
            continue
        yield number, {key.strip(): value for key, value in row.items() if key}


def as_list(value: Any) -> list[str]:
    """A JSON list, or a CSV cell with values separated by ';' or '|'."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value)
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            parsed = None
        if isinstance(parsed, list):
            return [str(v).strip() for v in parsed if str(v).strip()]
    separator = ";" if ";" in text else "|"
    return [part.strip() for part in text.split(separator) if part.strip()]


def as_objects(value: Any) -> list[dict[str, Any]]:
    """A JSON list of objects (or, in CSV, a cell holding that JSON)."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError
    return value
