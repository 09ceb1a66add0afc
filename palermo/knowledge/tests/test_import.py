"""`palermo import`: JSON Lines and CSV, all or nothing, idempotent, every bad line reported."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from palermo.core.search import SearchPlan, search
from palermo.knowledge.importing.loader import import_file
from palermo.knowledge.models import CaseLaw, Legislation, SourceKind, Status, Treaty
from palermo.knowledge.selectors import treaties_between

pytestmark = pytest.mark.django_db


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return path


CASE = {
    "id": "XAA-2016-001",
    "source_url": "https://courts.example.org/xandria/2016/001",
    "title": "Prosecutor v. Doran and others (fictional)",
    "country": "XAA",
    "year": "2016",
    "court": "High Court of Xandria",
    "crime_types": ["Trafficking in persons", "money-laundering"],
    "untoc_articles": ["18", "UNTOC-5"],
    "cross_cutting_issues": "Mutual legal assistance",
    "language": "English",
    "summary": "A network recruited workers with false promises and laundered the profits.",
    "full_text": "The court found that the accused controlled the recruitment of seasonal workers.",
    "defendants": [
        {
            "name": "Marko Doran",
            "nationality": "Yberia",
            "outcome": "convicted",
            "sentence": "nine years",
        }
    ],
    "victims": [{"name": "Lena Abara"}],
}


def test_jsonl_caselaw_is_imported_published_and_searchable(
    world: Any, taxonomy: Any, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "cases.jsonl", [CASE])
    out = StringIO()
    call_command("import_records", "caselaw", str(path), stdout=out, stderr=StringIO())
    assert "1 created, 0 updated, 0 unchanged" in out.getvalue()
    case = CaseLaw.objects.get(external_id="XAA-2016-001")
    assert case.status == Status.PUBLISHED and case.source_kind == SourceKind.IMPORT
    assert case.country == world.state_x
    assert case.decision_date_display == "2016" and case.decision_date_precision == "year"
    assert sorted(case.classification["crime_types"]) == [
        "money-laundering",
        "trafficking-in-persons",
    ]
    assert sorted(a.reference for a in case.articles.all()) == ["UNTOC-18", "UNTOC-5"]
    assert list(case.cross_cutting_issues.all()) == [taxonomy.mla]
    victim = case.parties.get(kind="victim")
    assert victim.is_protected and victim.shown_name == "L.A."
    assert case.parties.get(kind="defendant").nationality == world.state_y
    assert case.history.count() == 1
    results = search(SearchPlan(text="seasonal workers", facets=("country", "article")))
    assert [h.key for h in results.hits] == [str(case.pk)]
    assert ("XAA", 1) in results.facets["country"]
    assert ("UNTOC-18", 1) in results.facets["article"]


def test_reimport_updates_instead_of_duplicating(world: Any, taxonomy: Any, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "cases.jsonl", [CASE])
    import_file("caselaw", path)
    changed = {**CASE, "title": "Prosecutor v. Doran (fictional, corrected)", "victims": []}
    report = import_file("caselaw", write_jsonl(tmp_path / "again.jsonl", [changed]))
    assert (report.created, report.updated) == (0, 1)
    case = CaseLaw.objects.get()
    assert case.title.endswith("corrected)") and case.parties.count() == 1
    assert case.history.count() == 2
    hits = search(SearchPlan(text="corrected")).hits
    assert [h.key for h in hits] == [str(case.pk)]


def test_source_url_keys_lines_without_id(world: Any, taxonomy: Any, tmp_path: Path) -> None:
    line = {k: v for k, v in CASE.items() if k != "id"}
    import_file("caselaw", write_jsonl(tmp_path / "a.jsonl", [line]))
    report = import_file("caselaw", write_jsonl(tmp_path / "b.jsonl", [line]))
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    report = import_file(
        "caselaw", write_jsonl(tmp_path / "c.jsonl", [{**line, "court": "Supreme Court"}])
    )
    assert report.updated == 1 and CaseLaw.objects.count() == 1
    assert CaseLaw.objects.get().court == "Supreme Court"


def test_bad_lines_are_all_reported_and_nothing_is_written(
    world: Any, taxonomy: Any, tmp_path: Path
) -> None:
    rows = [
        CASE,
        {**CASE, "id": "2", "country": "Atlantis"},
        "{not json",
        {**CASE, "id": "4", "year": "16th of May"},
        {**CASE, "id": "5", "title": ""},
        {**CASE, "id": "XAA-2016-001", "court": "Another court"},
        {**CASE, "id": "", "source_url": ""},
        {**CASE, "id": "8", "source_url": "ftp://nowhere"},
    ]
    path = write_jsonl(tmp_path / "bad.jsonl", rows)
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing imported: 7 bad lines"):
        call_command("import_records", "caselaw", str(path), stdout=StringIO(), stderr=err)
    report = err.getvalue()
    assert "line 2: “Atlantis” is not a known State" in report
    assert "line 3: not valid JSON" in report
    assert "line 4: Write the date as YYYY, YYYY-MM or YYYY-MM-DD" in report
    assert "line 5: “title” is required" in report
    assert "line 6: the same id or source_url as line 1" in report
    assert "line 7: give an “id” or a “source_url”" in report
    assert "line 8: “source_url” is not a web address" in report
    assert CaseLaw.objects.count() == 0
    assert search(SearchPlan(text="seasonal")).total == 0


def test_unknown_terms_warn_or_fail_when_strict(world: Any, taxonomy: Any, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "c.jsonl", [{**CASE, "crime_types": ["Fraud"], "language": "Klingon"}]
    )
    report = import_file("caselaw", path)
    assert report.ok and CaseLaw.objects.get().language == "other"
    assert (1, "crime type “Fraud” is not in the list") in report.warnings
    strict = import_file("caselaw", path, strict=True)
    assert not strict.ok and (1, "crime type “Fraud” is not in the list") in strict.errors


def test_csv_caselaw_with_list_cells_and_header_line_numbers(
    world: Any, taxonomy: Any, tmp_path: Path
) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(
        "id,title,country,decision_date,court,crime_types,untoc_articles,language,summary\n"
        "C1,Case one (fictional),Xandria,2019-05,Court A,"
        "trafficking-in-persons;money-laundering,18|16,fr,Résumé des faits\n"
        "C2,Case two (fictional),YBB,2020-02-30,Court B,,,es,\n",
        encoding="utf-8",
    )
    report = import_file("caselaw", path)
    assert report.errors == [(3, "“2020-02-30” is not a real date.")]
    path.write_text(path.read_text().replace("2020-02-30", "2020-02-29"), encoding="utf-8")
    report = import_file("caselaw", path)
    assert report.ok and report.created == 2
    one = CaseLaw.objects.get(external_id="C1")
    assert one.decision_date_display == "2019-05" and one.language == "fr"
    assert one.classification["articles"] == ["UNTOC-18", "UNTOC-16"]


def test_legislation_with_provisions(world: Any, taxonomy: Any, tmp_path: Path) -> None:
    law = {
        "id": "XAA-ACT-7",
        "title": "Act on Cooperation in Criminal Matters (fictional)",
        "country": "XAA",
        "kind": "act",
        "adopted_on": "2011-04-02",
        "language": "en",
        "provisions": [
            {
                "reference": "Art. 3",
                "heading": "Central authority",
                "text": "The Ministry of Justice is the central authority.",
                "untoc_articles": ["18"],
                "cross_cutting_issues": ["mutual-legal-assistance"],
            },
            {
                "reference": "Art. 9",
                "text": "Extradition of nationals is allowed under a treaty.",
                "untoc_articles": ["16"],
            },
        ],
    }
    report = import_file("legislation", write_jsonl(tmp_path / "laws.jsonl", [law]))
    assert report.ok
    record = Legislation.objects.get()
    assert record.provisions.count() == 2
    assert record.classification["articles"] == ["UNTOC-16", "UNTOC-18"]
    assert [p.reference for p in record.provisions.filter(articles=taxonomy.art18)] == ["Art. 3"]
    assert search(SearchPlan(text="central authority")).hits[0].key == str(record.pk)


def test_treaties_import_feeds_treaties_between(world: Any, taxonomy: Any, tmp_path: Path) -> None:
    rows = [
        {
            "id": "T1",
            "title": "Xandria–Yberia MLA Treaty (fictional)",
            "parties": ["XAA", "Yberia"],
            "subjects": ["mla"],
            "signed_on": "2004-01-01",
            "in_force_on": "2005-01-01",
        },
        {"id": "T2", "title": "Bad treaty", "parties": ["XAA"], "subjects": ["tea"]},
    ]
    report = import_file("treaties", write_jsonl(tmp_path / "t.jsonl", rows))
    assert (2, "a treaty needs at least two “parties”") in report.errors
    assert any(n == 2 and "subject “tea”" in m for n, m in report.errors)
    report = import_file("treaties", write_jsonl(tmp_path / "t.jsonl", rows[:1]))
    assert report.ok
    assert [t.external_id for t in treaties_between(world.state_x, world.state_y, "mla")] == ["T1"]
    assert Treaty.objects.get().kind == "bilateral"


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_records", "caselaw", str(tmp_path / "nope.jsonl"))


def test_common_open_data_spellings_are_understood(
    world: Any, taxonomy: Any, tmp_path: Path
) -> None:
    from palermo.reference.tests.factories import ArticleFactory, InstrumentFactory

    ArticleFactory(instrument=InstrumentFactory(code="tip", short_name="TIP Protocol"), number="5")
    line = {
        "url": "https://courts.example.org/x/77",
        "case_name": "State v. Ilic (fictional)",
        "state": "xaa",
        "judgment_date": "2019-03-04T00:00:00Z",
        "language": "en-GB",
        "crime_types": "Trafficking in persons, Money laundering",
        "untoc_articles": "TIP Protocol art. 5; Article 18(1)",
        "text": "Full judgment text.",
    }
    report = import_file("caselaw", write_jsonl(tmp_path / "open.jsonl", [line]), strict=True)
    assert report.ok, report.errors
    case = CaseLaw.objects.get()
    assert (case.title, case.country, case.language) == (
        "State v. Ilic (fictional)",
        world.state_x,
        "en",
    )
    assert case.decision_date_display == "2019-03-04" and case.full_text == "Full judgment text."
    assert case.classification["crime_types"] == ["trafficking-in-persons", "money-laundering"]
    assert case.classification["articles"] == ["TIP-5", "UNTOC-18"]
