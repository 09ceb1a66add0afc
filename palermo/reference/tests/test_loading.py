"""`palermo load-reference`: real files, counts, idempotency, atomic failure, line numbers."""

from __future__ import annotations

import datetime
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from palermo.reference.datafiles import ReferenceDataError
from palermo.reference.loading import DATA_DIR, load_reference
from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    Instrument,
    Participation,
    ReferenceFile,
    RegionalGroup,
)

TEST_DATA = Path(__file__).resolve().parent / "data"


def history_rows() -> int:
    models = [
        Country,
        RegionalGroup,
        Instrument,
        Article,
        Participation,
        CrimeType,
        CrossCuttingIssue,
    ]
    return sum(m.history.count() for m in models)  # type: ignore[attr-defined]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data files."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def replace_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_loads_every_file_with_the_expected_counts(loaded):
    assert Country.objects.count() == 249
    assert Country.objects.filter(is_un_member=True).count() == 193
    assert RegionalGroup.objects.count() == 5
    assert list(Instrument.objects.values_list("code", flat=True)) == [
        "untoc",
        "tip",
        "som",
        "firearms",
        "uncac",
        "drugs1988",
    ]
    articles = {i.code: i.articles.count() for i in Instrument.objects.all()}
    assert articles["untoc"] == 41 and articles["tip"] == 20
    assert articles["som"] == 25 and articles["firearms"] == 21
    assert articles["uncac"] >= 40 and articles["drugs1988"] >= 19
    assert CrimeType.objects.count() == 15
    assert CrossCuttingIssue.objects.count() >= 13
    assert Participation.objects.count() == 41
    assert ReferenceFile.objects.count() == 8


def test_regional_groups_count_members_and_special_cases(loaded):
    members = Country.objects.filter(is_un_member=True)
    special = {"USA", "KIR"}
    counts = {
        g.code: members.filter(regional_group=g).exclude(iso3__in=special).count()
        for g in RegionalGroup.objects.all()
    }
    assert counts == {
        "african": 54,
        "asia-pacific": 53,
        "eastern-european": 23,
        "grulac": 33,
        "weog": 28,
    }
    usa = Country.objects.get(iso3="USA")
    assert usa.regional_group.code == "weog" and usa.regional_group_observer
    assert Country.objects.get(iso3="KIR").regional_group.code == "asia-pacific"
    assert Country.objects.get(iso3="TUR").regional_group.code == "weog"
    assert Country.objects.get(iso3="ISR").regional_group.code == "weog"
    observers = Country.objects.filter(regional_group_observer=True)
    assert list(observers.values_list("iso3", flat=True)) == ["USA"]
    # Territories and non-member States have no group.
    assert not Country.objects.get(iso3="PSE").is_un_member
    assert Country.objects.get(iso3="PRI").regional_group is None


def test_instrument_dates_and_protocols(loaded):
    untoc = Instrument.objects.get(code="untoc")
    assert untoc.adopted_on == datetime.date(2000, 11, 15)
    assert untoc.entered_into_force_on == datetime.date(2003, 9, 29)
    assert set(untoc.protocols.values_list("code", flat=True)) == {"tip", "som", "firearms"}
    firearms = Instrument.objects.get(code="firearms")
    assert firearms.adopted_on == datetime.date(2001, 5, 31)
    assert firearms.entered_into_force_on == datetime.date(2005, 7, 3)
    drugs = Instrument.objects.get(code="drugs1988")
    assert drugs.entered_into_force_on == datetime.date(1990, 11, 11)


def test_names_are_in_all_six_languages(loaded):
    france = Country.objects.get(iso3="FRA")
    assert (france.name_en, france.name_fr, france.name_ru) == ("France", "France", "Франция")
    assert (france.name_ar, france.name_zh_hans, france.name_es) == ("فرنسا", "法国", "Francia")
    article = Article.objects.get(instrument__code="untoc", number="18")
    assert article.title_fr == "Entraide judiciaire" and article.title_zh_hans == "司法协助"


def test_participation_keeps_its_provenance(loaded):
    afghanistan = Participation.objects.get(country__iso3="AFG", instrument__code="untoc")
    assert afghanistan.signature == datetime.date(2000, 12, 14)
    assert afghanistan.consent_date == datetime.date(2003, 9, 24)
    assert afghanistan.entry_into_force == datetime.date(2003, 10, 24)
    assert afghanistan.as_at == datetime.date(2024, 5, 4)
    assert afghanistan.sources[0].startswith("http://treaties.un.org/")


def test_second_run_skips_every_file_and_changes_nothing(loaded):
    before = history_rows()
    messages: list[str] = []
    reports = load_reference(None, report=messages.append)
    assert all(r.skipped for r in reports)
    assert len(messages) == 8 and all("skipped" in m for m in messages)
    assert history_rows() == before


def test_forced_reload_touches_no_row(loaded):
    before = history_rows()
    reports = load_reference(None, force=True)
    assert sum(r.created + r.updated for r in reports) == 0
    assert history_rows() == before


def test_only_a_changed_file_is_reloaded_and_the_change_has_history(db, data_copy):
    load_reference(None, data_copy)
    path = data_copy / "crime-types.jsonl"
    row = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    row["name"]["en"] = "Corruption and bribery"
    replace_line(path, 1, json.dumps(row, ensure_ascii=False))
    reports = {r.name: r for r in load_reference(None, data_copy)}
    assert not reports["crime-types.jsonl"].skipped
    assert reports["crime-types.jsonl"].updated == 1
    assert all(r.skipped for name, r in reports.items() if name != "crime-types.jsonl")
    corruption = CrimeType.objects.get(code="corruption")
    assert corruption.name_en == "Corruption and bribery"
    assert corruption.history.first().history_change_reason == "load_reference"


def test_staff_edits_survive_a_load_of_unchanged_files(loaded):
    participation = Participation.objects.get(country__iso3="AFG", instrument__code="untoc")
    participation.central_authority_notified = "Attorney General's Office"
    participation.save()
    load_reference(None, force=True)
    participation.refresh_from_db()
    assert participation.central_authority_notified == "Attorney General's Office"


BAD_ROWS = [
    # file, line to replace, replacement, expected reason
    (
        "regional-groups.jsonl",
        2,
        '{"code": "asia-pacific", "sort_order": 2}',
        "“name” must give a text in each of the six languages",
    ),
    ("countries.jsonl", 3, "{not json", "not valid JSON"),
    (
        "countries.jsonl",
        7,
        '{"iso2": "af", "iso3": "AFX", "numeric": "999", "name": {}, "official_name": ""}',
        "“iso2” must be two capital letters",
    ),
    ("un-member-states.csv", 25, "ZZZ,african,no,Nowhere", "no country has the ISO code ZZZ"),
    ("un-member-states.csv", 26, "AGO,africa,no,Angola", "unknown regional group “africa”"),
    ("un-member-states.csv", 27, "AGO,african,no,Angola", "AGO already appears on line"),
    (
        "instruments.jsonl",
        2,
        '{"code": "tip", "sort_order": 2, "parent": "untoc", "adopted_on": "2000-15-11"}',
        "“adopted_on” must be a date written YYYY-MM-DD",
    ),
    (
        "articles.jsonl",
        4,
        '{"instrument": "untoc", "number": "4",'
        ' "title": {"en": "Sovereignty", "fr": "Souveraineté"}}',
        "“title” lacks a text in ar, es, ru, zh-hans",
    ),
    (
        "articles.jsonl",
        5,
        '{"instrument": "palermo", "number": "5", "title": {}}',
        "unknown instrument “palermo”",
    ),
    (
        "cross-cutting-issues.jsonl",
        3,
        '{"code": "extradition", "sort_order": "3"}',
        "“sort_order” must be a whole number",
    ),
]


@pytest.mark.parametrize(
    "file, line, replacement, reason", BAD_ROWS, ids=[f"{f}:{n}" for f, n, _r, _e in BAD_ROWS]
)
def test_a_bad_row_stops_the_load_naming_file_line_and_reason(
    db, data_copy, file, line, replacement, reason
):
    replace_line(data_copy / file, line, replacement)
    with pytest.raises(ReferenceDataError) as raised:
        load_reference(None, data_copy)
    assert (raised.value.file, raised.value.line) == (file, line)
    assert reason in raised.value.reason
    assert f"{file}, line {line}: " in str(raised.value)
    # Nothing half-loaded: not even the files before the bad one.
    assert Country.objects.count() == 0 and RegionalGroup.objects.count() == 0
    assert ReferenceFile.objects.count() == 0


def test_the_bad_row_fixture_file_is_reported_with_its_line(db, data_copy):
    shutil.copy(TEST_DATA / "crime-types-with-bad-row.jsonl", data_copy / "crime-types.jsonl")
    with pytest.raises(ReferenceDataError) as raised:
        load_reference(None, data_copy)
    assert (raised.value.file, raised.value.line) == ("crime-types.jsonl", 4)
    assert "“code” must be a code of lower-case letters" in raised.value.reason


def test_failure_after_a_change_rolls_the_change_back(db, data_copy):
    load_reference(None, data_copy)
    countries = data_copy / "countries.jsonl"
    first = json.loads(countries.read_text(encoding="utf-8").splitlines()[0])
    first["name"]["en"] = "Renamed"
    replace_line(countries, 1, json.dumps(first, ensure_ascii=False))
    replace_line(data_copy / "cross-cutting-issues.jsonl", 2, '{"code": ""}')
    hashes = dict(ReferenceFile.objects.values_list("name", "sha256"))
    with pytest.raises(ReferenceDataError):
        load_reference(None, data_copy)
    assert Country.objects.get(iso3=first["iso3"]).name_en != "Renamed"
    assert dict(ReferenceFile.objects.values_list("name", "sha256")) == hashes


def participation_line_of(path: Path, iso3: str) -> int:
    """The line where the record for `iso3` opens (its "{" line, just above "state")."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, text in enumerate(lines) if f'"iso3": "{iso3}"' in text)
    while lines[index].strip() != "{":
        index -= 1
    return index + 1


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("entry_into_force", "2003-13-40", "“entry_into_force” must be a date"),
        ("iso3", "ATL", "no country has the ISO code “ATL”"),
        ("sources", [], "“sources” must list at least one web address"),
        ("entry_into_force", "1999-01-01", "is earlier than ratification or accession"),
    ],
)
def test_participation_errors_name_the_line_of_the_record(db, data_copy, field, value, reason):
    path = data_copy / "untoc-participation.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    record = document["records"][5]
    record[field] = value
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    expected_line = participation_line_of(path, str(record["iso3"]))
    with pytest.raises(ReferenceDataError) as raised:
        load_reference(None, data_copy)
    assert raised.value.file == "untoc-participation.json"
    assert raised.value.line == expected_line > 1
    assert reason in raised.value.reason


def test_command_shows_progress_then_reports_a_bad_row(db, data_copy):
    out = StringIO()
    call_command("load_reference", data_dir=data_copy, stdout=out)
    assert "countries.jsonl: 249 rows, 249 created" in out.getvalue()
    assert "Reference data ready" in out.getvalue()
    replace_line(data_copy / "instruments.jsonl", 3, "[]")
    with pytest.raises(CommandError) as raised:
        call_command("load_reference", data_dir=data_copy, stdout=StringIO())
    assert "nothing was changed" in str(raised.value)
    assert "instruments.jsonl, line 3: each line must be a JSON object" in str(raised.value)


def test_a_missing_file_is_named(db, data_copy):
    (data_copy / "articles.jsonl").unlink()
    with pytest.raises(ReferenceDataError, match=r"articles\.jsonl, line 0: the file is missing"):
        load_reference(None, data_copy)


@pytest.fixture
def loaded(db: object) -> None:
    """The shipped files loaded inside this test's own transaction."""
    load_reference(None)
