"""Investigative techniques and kinds of cooperation in an import: codes or words, and an
unknown one reported (a warning, an error with --strict) instead of silently dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from palermo.knowledge.importing.loader import import_file
from palermo.knowledge.models import CaseLaw
from palermo.knowledge.tests.test_import import CASE, write_jsonl

CASES = [
    # (techniques, cooperation) given -> (techniques, cooperation) stored, warnings
    (
        ["controlled_delivery", "Joint investigation team", "video-link testimony"],
        ["mla", "Extradition"],
        ["controlled_delivery", "joint_investigation_team", "video_link_testimony"],
        ["mla", "extradition"],
        [],
    ),
    (
        ["use of informants", "JIT", "wiretapping"],
        ["Mutual legal assistance", "joint investigation team", "mla"],
        ["informants", "joint_investigation_team", "interception_of_communications"],
        ["mla", "joint_investigation"],
        [],
    ),
    (
        ["telepathy", ""],
        ["diplomatic note"],
        [],
        [],
        [
            "investigative technique “telepathy” is not known",
            "kind of cooperation “diplomatic note” is not known",
        ],
    ),
]


@pytest.mark.parametrize("techniques, cooperation, stored_techniques, stored_kinds, warned", CASES)
def test_codes_or_words_and_unknown_values_reported(
    world: Any,
    taxonomy: Any,
    tmp_path: Path,
    techniques: list[str],
    cooperation: list[str],
    stored_techniques: list[str],
    stored_kinds: list[str],
    warned: list[str],
) -> None:
    line = {
        **CASE,
        "investigative_techniques": techniques,
        "international_cooperation": cooperation,
    }
    report = import_file("caselaw", write_jsonl(tmp_path / "c.jsonl", [line]))
    assert report.ok, report.errors
    case = CaseLaw.objects.get()
    assert (case.investigative_techniques, case.cooperation_kinds) == (
        stored_techniques,
        stored_kinds,
    )
    assert [message for _line, message in report.warnings] == warned


def test_unknown_technique_is_an_error_when_strict(
    world: Any, taxonomy: Any, tmp_path: Path
) -> None:
    line = {**CASE, "investigative_techniques": ["telepathy"]}
    report = import_file("caselaw", write_jsonl(tmp_path / "c.jsonl", [line]), strict=True)
    assert report.errors == [(1, "investigative technique “telepathy” is not known")]
    assert not CaseLaw.objects.exists()
