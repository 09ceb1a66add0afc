"""Reading import files: JSON Lines or CSV, each line numbered as people count them.

What real exports hold is read as it is: a byte-order mark, Windows (CRLF) or old Mac (CR)
line ends, gzip compression (`.jsonl.gz`, `.csv.gz`), a CSV with `;`, tab or `|` between
cells (found from the header line) or Excel's `sep=;` first line, headers such as
"Decision Date", a JSON array instead of one object per line (pandas' and Scrapy's `.json`),
NaN for a missing value. Text must be UTF-8 (or UTF-16 with its byte-order mark, as Excel's
"Unicode text"): a file in an older encoding stops at its first such line with one error
saying so, since guessing which of them it is could store wrong letters without a word.
"""

from __future__ import annotations

import ast
import csv
import gzip
import io
import itertools
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from palermo.knowledge.importing.headers import KeyMapper, documented_names

Row = tuple[int, "dict[str, Any] | LineError"]
_Binary = io.BufferedReader | gzip.GzipFile

_GZIP = b"\x1f\x8b"
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_DELIMITERS = (",", ";", "\t", "|")
_FIELD_LIMIT = 1 << 28  # a judgment's full text in one cell; the csv default is 128 KiB
# NaN and Infinity (Python's json.dumps writes them for pandas' missing values) read as null.
_DECODER = json.JSONDecoder(parse_constant=lambda _constant: None)
_BETWEEN_ITEMS = re.compile(r"\s*,?\s*")
_SCALARS = (str, int, float)


class LineError(Exception):
    """A problem with one line; `reasons` are complete sentences."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def detect_format(path: Path, explicit: str | None = None) -> str:
    """From the name (`.csv`, `.tsv`, `.csv.gz` are CSV; `.jsonl`, `.json`, `.ndjson`, `.jl`
    are JSON), else from the first character of the file."""
    if explicit:
        return explicit
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    last = suffixes[-1] if suffixes else ""
    if last in (".csv", ".tsv"):
        return "csv"
    if last in (".jsonl", ".json", ".ndjson", ".jl") or not path.is_file():
        return "jsonl"
    try:
        with _open_binary(path) as stream:
            head = stream.peek(64)[:64].removeprefix(_UTF8_BOM).lstrip()
    except (OSError, EOFError, zlib.error):
        return "jsonl"  # a damaged file: reading it says so
    return "jsonl" if head[:1] in (b"{", b"[") else "csv"


def read_lines(path: Path, file_format: str) -> Iterator[Row]:
    """(line number, row) for every non-empty line; a row that cannot be read is a LineError.

    CSV line numbers count the header as line 1, so the first record is line 2; a record
    whose cells run over several lines has the number of its first line.
    """
    with _open_binary(path) as stream:
        text = _Text(stream)
        if file_format == "csv":
            rows = _read_csv(text)
        elif text.head.removeprefix(_UTF8_BOM).lstrip().startswith(b"["):
            rows = _read_json_array(text)
        else:
            rows = _read_jsonl(text)
        yield from rows
        if text.failure is not None:
            yield text.failure


def _open_binary(path: Path) -> _Binary:
    """The file's bytes, uncompressed if it is gzip (known by its first bytes, not its name)."""
    stream = path.open("rb")
    if stream.peek(2)[:2] == _GZIP:
        return gzip.GzipFile(fileobj=stream, mode="rb")
    return stream


class _Text:
    """The lines of a file as text, line ends kept; stops at the first line that cannot be
    read, keeping the reason in `failure`."""

    def __init__(self, stream: _Binary) -> None:
        self.stream = stream
        self.failure: Row | None = None
        self.head = b""
        try:
            self.head = stream.peek(8192)[:8192]
        except (OSError, EOFError, zlib.error) as error:
            self.failure = (1, LineError([_damaged(error)]))

    def lines(self) -> Iterator[str]:
        if self.failure is not None:
            return
        number = 0
        try:
            for number, raw in enumerate(self._raw_lines(), start=1):
                if isinstance(raw, str):
                    yield raw
                    continue
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    self.failure = (number, LineError([_not_utf8(raw, error)]))
                    return
        except (OSError, EOFError, zlib.error) as error:
            self.failure = (number + 1, LineError([_damaged(error)]))
        except UnicodeDecodeError as error:  # UTF-16 that is not
            self.failure = (number + 1, LineError([_not_utf8(b"", error)]))

    def _raw_lines(self) -> Iterator[bytes | str]:
        head = self.head
        if head[:2] in _UTF16_BOMS:
            return iter(io.StringIO(self.stream.read().decode("utf-16"), newline=""))
        if head.startswith(_UTF8_BOM):
            self.stream.read(len(_UTF8_BOM))
        first_cr = head.find(b"\r")
        if first_cr != -1 and b"\n" not in head[: first_cr + 2]:
            # Lines ended by CR alone (old Mac spreadsheets): one line per CR.
            return iter(io.BytesIO(self.stream.read().replace(b"\r", b"\n")))
        return iter(self.stream)


def _not_utf8(raw: bytes, error: UnicodeDecodeError) -> str:
    column = len(raw[: error.start].decode("utf-8", "replace")) + 1
    return _(
        "the file is not UTF-8 text: byte 0x%(byte)02X at character %(column)s of this line "
        "cannot be read. It was probably saved as Windows-1252 (Latin-1) or another older "
        "encoding; save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again. Later lines "
        "were not read."
    ) % {"byte": error.object[error.start], "column": column}


def _damaged(error: BaseException) -> str:
    return _("the compressed file is damaged (%(problem)s); later lines were not read") % {
        "problem": str(error)[:100] or type(error).__name__
    }


def _read_jsonl(text: _Text) -> Iterator[Row]:
    rename = KeyMapper()
    for number, line in enumerate(text.lines(), start=1):
        if not line or line.isspace():
            continue
        try:
            row = _DECODER.decode(line)
        except json.JSONDecodeError as error:
            yield number, _bad_json(error)
            continue
        if not isinstance(row, dict):
            yield number, LineError([_("each line must be a JSON object {…}")])
            continue
        if number == 1 and _by_columns(row):
            yield number, LineError([_by_columns_message()])
            return
        yield number, rename(row)


def _by_columns(row: dict[str, Any]) -> bool:
    """An object of columns, each an object of values by row (pandas' to_json() default)."""
    return len(row) > 1 and all(isinstance(value, dict) for value in row.values())


def _by_columns_message() -> str:
    return _(
        "the file holds one object per column (pandas' to_json() default), not one object "
        'per record: write it with to_json(…, orient="records", lines=True)'
    )


def _bad_json(error: json.JSONDecodeError) -> LineError:
    return LineError(
        [
            _("not valid JSON (%(problem)s at column %(column)s)")
            % {"problem": error.msg, "column": error.colno}
        ]
    )


def _read_json_array(text: _Text) -> Iterator[Row]:
    """`[{…}, {…}]`: each object numbered by the line it starts on."""
    content = "".join(text.lines())
    if "[" not in content:
        return
    rename = KeyMapper()
    position = content.index("[") + 1
    line, counted = 1, 0
    while True:
        position = _BETWEEN_ITEMS.match(content, position).end()  # type: ignore[union-attr]
        if position >= len(content) or content[position] == "]":
            return
        line += content.count("\n", counted, position)
        counted = position
        try:
            row, position = _DECODER.raw_decode(content, position)
        except json.JSONDecodeError as error:
            yield error.lineno, _bad_json(error)
            return
        if isinstance(row, dict):
            yield line, rename(row)
        else:
            yield line, LineError([_("each line must be a JSON object {…}")])


def _read_csv(text: _Text) -> Iterator[Row]:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    lines = text.lines()
    first, offset = next(lines, None), 0
    if first is not None and first[:4].lower() == "sep=" and len(first.strip()) == 5:
        delimiter, offset, first = first.strip()[4], 1, next(lines, None)  # Excel's hint
    if first is None:
        return
    if not offset:
        delimiter = _delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        yield offset + 1, _bad_csv(error)
        return
    yield from _csv_records(reader, documented_names([h.strip() for h in header]), offset, text)


def _delimiter(header: str) -> str:
    """The character between the header's names: `,`, or `;` (European Excel), tab or `|`."""
    counts = [header.count(delimiter) for delimiter in _DELIMITERS]
    return _DELIMITERS[counts.index(max(counts))] if max(counts) else ","


def _csv_records(reader: Any, names: list[str], offset: int, text: _Text) -> Iterator[Row]:
    width, has_blank_name = len(names), "" in names
    previous = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if text.failure is not None:
                return  # the text stopped inside a record: that is the one error to report
            yield offset + previous + 1, _bad_csv(error)
            previous = reader.line_num
            continue
        number, previous = offset + previous + 1, reader.line_num
        if not any(cells) or not (cells[0].strip() or any(c.strip() for c in cells)):
            continue
        if len(cells) > width:
            if any(c.strip() for c in cells[width:]):
                yield number, LineError([_("more cells than columns in the header")])
                continue
            del cells[width:]  # empty cells after the last column (a delimiter at line end)
        row = dict(zip(names, cells, strict=False))
        if has_blank_name:
            row.pop("", None)
        yield number, row


def _bad_csv(error: csv.Error) -> LineError:
    if "unexpected end of data" in str(error):
        return LineError(
            [_("a quoted cell that starts on this line is never closed (the file ends inside it)")]
        )
    return LineError(
        [_("this line is not valid CSV (%(problem)s)") % {"problem": str(error)[:100]}]
    )


def as_list(value: Any) -> list[str]:
    """A JSON list, or a CSV cell with values separated by ';' or '|' (or holding a JSON list,
    or a Python one as pandas writes a column of lists)."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    text = str(value)
    if text.startswith("["):
        parsed = _list_literal(text)
        if parsed is not None:
            return [str(v).strip() for v in parsed if v is not None and str(v).strip()]
    separator = ";" if ";" in text else "|"
    return [part.strip() for part in text.split(separator) if part.strip()]


def _list_literal(text: str) -> list[Any] | None:
    """`["a", "b"]` (JSON) or `['a', 'b']` (Python's repr, as pandas' to_csv writes lists)."""
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError:
        try:
            parsed = ast.literal_eval(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
    return parsed if isinstance(parsed, list) else None


def as_objects(value: Any, key: str = "name") -> list[dict[str, Any]]:
    """A JSON list of objects (or, in CSV, a cell holding that JSON). Plain texts instead of
    objects ("A. Doran; B. Ilic") stand for objects with only `key`."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        stripped = value.strip()
        if stripped[:1] in ("[", "{"):
            value = _list_literal(stripped) if stripped[:1] == "[" else json.loads(stripped)
            if value is None:
                raise ValueError
        else:
            value = as_list(stripped)
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise ValueError
    if all(type(v) is dict for v in value):
        return value
    objects = [{key: v} if isinstance(v, _SCALARS) else v for v in value]
    if not all(isinstance(v, dict) for v in objects):
        raise ValueError
    return objects
