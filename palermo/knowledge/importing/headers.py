"""Field names as files write them ("Decision Date", "UNTOC Articles", "crimeTypes") turned
into the documented ones (`decision_date`, `untoc_articles`, `crime_types`).

A CSV maps its header once; a JSON Lines file maps each distinct set of keys once (lines of
one export share one or a few), so a line whose keys are already right costs one look-up.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from palermo.reference.folding import fold

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_NAME = re.compile(r"[^0-9a-z]+")

# Other names of documented fields, after the spelling above is undone. Applied only when the
# documented name is not also a column, so a file that has both keeps its own meaning.
SYNONYMS = {
    "case_id": "id",
    "external_id": "id",
    "record_id": "id",
    "case_title": "title",
    "crime_type": "crime_types",
    "crimes": "crime_types",
    "cross_cutting_issue": "cross_cutting_issues",
    "issues": "cross_cutting_issues",
    "untoc_article": "untoc_articles",
    "article": "articles",
    "investigative_technique": "investigative_techniques",
    "cooperating_state": "cooperating_states",
    "defendant": "defendants",
    "victim": "victims",
    "legal_person": "legal_persons",
    "provision": "provisions",
    "party": "parties",
    "subject": "subjects",
    "keyword": "keywords",
    "author": "authors",
    "judgement_date": "decision_date",
    "date_of_judgment": "decision_date",
    "date_of_judgement": "decision_date",
    "decision_year": "year",
    "case_no": "case_number",
    "case_nr": "case_number",
    "docket_number": "case_number",
    "court_name": "court",
    "lang": "language",
}
_SHAPES_KEPT = 1000  # distinct key sets remembered per file; more are mapped line by line
_UNCHANGED = object()


@functools.lru_cache(maxsize=4096)
def field_name(header: str) -> str:
    """`Decision Date`, `decision-date`, `decisionDate` → `decision_date`."""
    text = _CAMEL.sub("_", header.replace("\ufeff", "").replace("(s)", "s"))
    return _NOT_NAME.sub("_", fold(text)).strip("_")


def documented_names(headers: list[str] | tuple[str, ...]) -> list[str]:
    """Each header's documented name. A header already written as documented keeps it; one
    that would repeat a name taken keeps its own, or is read as no field at all."""
    names = [field_name(header) for header in headers]
    exact = {header for header, name in zip(headers, names, strict=True) if header == name}
    taken: set[str] = set()
    result = []
    for header, name in zip(headers, names, strict=True):
        if name in SYNONYMS and SYNONYMS[name] not in names:
            name = SYNONYMS[name]
        if header in exact:
            name = header
        elif not name or name in taken or name in exact:
            name = header if header not in taken and header not in exact else ""
        taken.add(name)
        result.append(name)
    return result


class KeyMapper:
    """Renames a JSON line's keys to the documented names, each distinct key set worked out
    once per file."""

    def __init__(self) -> None:
        self._shapes: dict[tuple[str, ...], Any] = {}

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        keys = tuple(row)
        names = self._shapes.get(keys)
        if names is None:
            names = self._names(keys)
        if names is _UNCHANGED:
            return row
        return dict(zip(names, row.values(), strict=True))

    def _names(self, keys: tuple[str, ...]) -> Any:
        names = documented_names(keys)
        found = _UNCHANGED if list(keys) == names else names
        if len(self._shapes) < _SHAPES_KEPT:
            self._shapes[keys] = found
        return found
