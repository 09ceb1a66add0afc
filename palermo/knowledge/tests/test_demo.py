"""Demo content: enough records of every type, in every language, loaded once."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from palermo.core.search import SearchPlan, search
from palermo.knowledge.demo import load_demo
from palermo.knowledge.models import RECORD_MODELS, CaseLaw, SourceKind

pytestmark = pytest.mark.django_db


def test_demo_loads_200_of_each_type_in_six_languages_and_is_idempotent(capsys: Any) -> None:
    call_command("load_reference", verbosity=0)
    lines: list[str] = []
    load_demo(lines.append)
    for kind, model in RECORD_MODELS.items():
        records = model.objects.filter(source_kind=SourceKind.DEMO)
        assert records.count() >= 200, kind
        assert set(records.values_list("language", flat=True)) == {
            "en",
            "fr",
            "es",
            "ru",
            "ar",
            "zh",
        }, kind
        assert (
            not records.exclude(title__contains="fictional")
            .exclude(title__contains="fictif")
            .exclude(source__contains="fictional")
            .exists()
        )
    assert CaseLaw.objects.values("country").distinct().count() >= 40
    results = search(SearchPlan(facets=("type",)))
    assert dict(results.facets["type"])["caselaw"] == 240
    assert search(SearchPlan(text="引渡")).total > 0  # Chinese text is searchable
    lines.clear()
    load_demo(lines.append)
    assert all("already present" in line for line in lines)
    assert CaseLaw.objects.count() == 240
