"""`palermo import caselaw FILE` with files as spreadsheets, pandas, scrapers and other
databases write them, against the real reference data, then searched through the API."""

from __future__ import annotations

import gzip
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from palermo.knowledge.importing.loader import import_file
from palermo.knowledge.importing.lookups import Lookups
from palermo.knowledge.models import CaseLaw


@pytest.fixture
def reference(reference_data: None) -> None:
    """The shipped countries, crime types and articles (the reference app's fixture)."""


def search_api(client: Client, text: str) -> dict[str, Any]:
    response = client.get("/api/v1/knowledge/search", {"q": text})
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


# (a State as real data names it, its ISO alpha-3 code)
COUNTRIES = [
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("United Kingdom", "GBR"),
    ("UK", "GBR"),
    ("U.K.", "GBR"),
    ("Great Britain", "GBR"),
    ("England and Wales", "GBR"),
    ("Korea, Republic of", "KOR"),
    ("South Korea", "KOR"),
    ("Republic of Korea", "KOR"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),
    ("Côte d'Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Côte d’Ivoire", "CIV"),
    ("Ivory Coast", "CIV"),
    ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"),
    ("Iran", "IRN"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Syria", "SYR"),
    ("Bolivia", "BOL"),
    ("Bolivia (Plurinational State of)", "BOL"),
    ("Tanzania", "TZA"),
    ("United Republic of Tanzania", "TZA"),
    ("Czechia", "CZE"),
    ("Czech Republic", "CZE"),
    ("Holland", "NLD"),
    ("The Netherlands", "NLD"),
    ("Netherlands, The", "NLD"),
    ("Macedonia", "MKD"),
    ("North Macedonia", "MKD"),
    ("The former Yugoslav Republic of Macedonia", "MKD"),
    ("Swaziland", "SWZ"),
    ("Eswatini", "SWZ"),
    ("Burma", "MMR"),
    ("Myanmar", "MMR"),
    ("Cape Verde", "CPV"),
    ("Cabo Verde", "CPV"),
    ("Congo (DRC)", "COD"),
    ("DR Congo", "COD"),
    ("Democratic Republic of the Congo", "COD"),
    ("Congo, Democratic Republic of the", "COD"),
    ("Congo", "COG"),
    ("Republic of the Congo", "COG"),
    ("USA", "USA"),
    ("United States of America", "USA"),
    ("U.S.", "USA"),
    ("U.S.A.", "USA"),
    ("  united   STATES ", "USA"),
    ("The Gambia", "GMB"),
    ("Bahamas, The", "BHS"),
    ("St. Kitts and Nevis", "KNA"),
    ("Saint Lucia", "LCA"),
    ("Bosnia and Herzegovina", "BIH"),
    ("Holy See", "VAT"),
    ("Lao PDR", "LAO"),
    ("UAE", "ARE"),
    ("Palestine", "PSE"),
    ("Royaume-Uni", "GBR"),
    ("Estados Unidos", "USA"),
    ("Российская Федерация", "RUS"),
    ("fra", "FRA"),
    ("fr", "FRA"),
    ("250", "FRA"),
    ("004", "AFG"),
    ("4", "AFG"),
]


@pytest.mark.parametrize(("name", "iso3"), COUNTRIES)
def test_states_as_real_data_names_them(reference: None, name: str, iso3: str) -> None:
    found = Lookups.load().country(name)
    assert found is not None and found.iso3 == iso3


@pytest.mark.parametrize("name", ["Korea", "Atlantis", "The", "Congo-Zaire-Angola"])
def test_names_that_are_no_single_state_are_not_guessed(reference: None, name: str) -> None:
    assert Lookups.load().country(name) is None


EXCEL_CSV = (
    "\ufeffID;Case Name;Country;Decision Date;Court;Crime Types;UNTOC Articles;Summary;"
    "Full Text;Language\r\n"
    "RW-1;Prosecutor v. Kaya (fictional);Türkiye;13/05/2016;Yargıtay;"
    '"Trafficking in persons; Money laundering";18|16;'
    '"<p>Recruiters <b>lured</b> workers; the ""agency"" kept passports.</p>";'
    '"<script>alert(1)</script>Line one of the judgment\r\nline two: quarrymen";Turkish\r\n'
    ";;;;;;;;;\r\n"
    "RW-2;R v Harlow (fictional);UK;May 2019;;Money laundering;;;Proceeds of a fjordcrest "
    "fraud;English\r\n"
)


def test_a_european_excel_csv_with_bom_semicolons_and_crlf(
    reference: None, client: Client, tmp_path: Path
) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes(EXCEL_CSV.encode("utf-8"))
    report = import_file("caselaw", path)
    assert report.ok, report.errors
    assert report.created == 2
    kaya = CaseLaw.objects.get(external_id="RW-1")
    assert (kaya.country.iso3, kaya.decision_date_display, kaya.language) == (
        "TUR",
        "2016-05-13",
        "other",
    )
    assert kaya.summary.startswith('<p>Recruiters <b>lured</b> workers; the "agency"')
    assert kaya.full_text.endswith("Line one of the judgment\r\nline two: quarrymen")
    assert kaya.classification["crime_types"] == ["trafficking-in-persons", "money-laundering"]
    assert kaya.classification["articles"] == ["UNTOC-18", "UNTOC-16"]
    harlow = CaseLaw.objects.get(external_id="RW-2")
    assert (harlow.country.iso3, harlow.decision_date_display) == ("GBR", "2019-05")

    hits = search_api(client, "quarrymen")["results"]
    assert [h["title"] for h in hits] == ["Prosecutor v. Kaya (fictional)"]
    assert search_api(client, "fjordcrest")["results"][0]["title"] == "R v Harlow (fictional)"

    page = client.get(hits[0]["url"]).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)" in page
    assert "<b>lured</b>" not in page and "&lt;b&gt;lured&lt;/b&gt;" in page


def test_a_pandas_jsonl_with_nan_floats_numbers_and_list_strings(
    reference: None, client: Client, tmp_path: Path
) -> None:
    lines = [
        '{"ID": 501, "Case Name": "State v. Ostrava (fictional)", "Country": "Czech Republic",'
        ' "Decision Date": 1463011200000, "Year": 2016.0, "Court": NaN, "Case Number": 45,'
        ' "Crime Types": "[\\"Money laundering\\"]", "UNTOC Articles": ["18"],'
        ' "Full Text": "A glasswork firm laundered proceeds."}',
        "",
        '{"ID": 502.0, "Case Name": "State v. Brno (fictional)", "Country": "CZE",'
        ' "Decision Date": null, "Year": 2017.0, "Court": "", "Case Number": null,'
        ' "Crime Types": [], "UNTOC Articles": null, "Full Text": "glasswork again"}',
        # the same line twice, as exports and scrapers sometimes write it
        '{"ID": 502.0, "Case Name": "State v. Brno (fictional)", "Country": "CZE",'
        ' "Decision Date": null, "Year": 2017.0, "Court": "", "Case Number": null,'
        ' "Crime Types": [], "UNTOC Articles": null, "Full Text": "glasswork again"}',
    ]
    path = tmp_path / "export.jsonl"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    report = import_file("caselaw", path)
    assert report.ok, report.errors
    assert report.created == 2 and report.warnings == [(4, "the same as line 3; imported once")]
    first = CaseLaw.objects.get(external_id="501")
    assert (first.decision_date_display, first.court, first.case_number) == ("2016-05-12", "", "45")
    assert first.classification["crime_types"] == ["money-laundering"]
    second = CaseLaw.objects.get(external_id="502")
    assert (second.decision_date_display, second.case_number) == ("2017", "")
    assert search_api(client, "glasswork")["total"] == 2


def test_a_json_array_from_a_scraper_with_lists_for_every_field(
    reference: None, tmp_path: Path
) -> None:
    items = [
        {
            "url": "https://courts.example.org/j/1",
            "title": ["R v. Scrape (fictional)"],
            "country": ["Netherlands, The"],
            "date": ["Thursday, 3 June 2021"],
            "full_text": ["First paragraph.", "Second paragraph."],
            "defendants": ["A. Doe", "B. Roe"],
        },
        {
            "url": "https://courts.example.org/j/2",
            "title": "Bad date",
            "country": "NLD",
            "date": "03/06/2021",
        },
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items, indent=2), encoding="utf-8")
    report = import_file("caselaw", path)
    assert report.errors == [
        (22, "“03/06/2021” could be 2021-06-03 or 2021-03-06: write the date as YYYY-MM-DD")
    ]
    path.write_text(json.dumps(items[:1], indent=2), encoding="utf-8")
    assert import_file("caselaw", path).ok
    case = CaseLaw.objects.get()
    assert (case.country.iso3, case.decision_date_display) == ("NLD", "2021-06-03")
    assert case.full_text == "First paragraph.\nSecond paragraph."
    assert [p.name for p in case.parties.order_by("sort_order")] == ["A. Doe", "B. Roe"]


@pytest.mark.parametrize("name", ["cases.jsonl.gz", "cases.csv.gz"])
def test_gzip_compressed_files(reference: None, tmp_path: Path, name: str) -> None:
    if name.endswith(".csv.gz"):
        content = "id,title,country,year\nGZ-1,Compressed case (fictional),FRA,2020\n"
    else:
        content = json.dumps(
            {"id": "GZ-1", "title": "Compressed case (fictional)", "country": "FRA", "year": 2020}
        )
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    report = import_file("caselaw", path)
    assert report.ok and report.created == 1
    assert CaseLaw.objects.get().decision_date_display == "2020"


def test_a_latin1_csv_gives_one_error_naming_the_encoding_and_the_line(
    reference: None, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    content = "sep=;\r\nid;title;country\r\nL-1;Plain (fictional);FRA\r\nL-2;Affaire Léon;FRA\r\n"
    path.write_bytes(content.encode("cp1252"))
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing imported: 1 bad line"):
        call_command("import_records", "caselaw", str(path), stdout=StringIO(), stderr=err)
    assert err.getvalue().startswith(
        "line 4: the file is not UTF-8 text: byte 0xE9 at character 14 of this line cannot be "
        "read. It was probably saved as Windows-1252 (Latin-1)"
    )
    assert CaseLaw.objects.count() == 0


def test_a_latin1_byte_inside_a_multiline_cell_is_the_one_error(
    reference: None, tmp_path: Path
) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes(b'id,title,country,full_text\nA-1,Fine,FRA,"two\nlines \xe9"\nA-2,B,ITA,x\n')
    report = import_file("caselaw", path)
    assert [(n, e[:35]) for n, e in report.errors] == [(3, "the file is not UTF-8 text: byte 0x")]


def test_excel_unicode_text_utf16_with_tabs(reference: None, tmp_path: Path) -> None:
    path = tmp_path / "cases.txt"
    content = (
        "ID\tTitle\tCountry\tDecision Date\r\nU-1\tCase Ü (fictional)\tViet Nam\t12 May 2016\r\n"
    )
    path.write_bytes(content.encode("utf-16"))
    assert import_file("caselaw", path).ok
    case = CaseLaw.objects.get()
    assert (case.title, case.country.iso3, case.decision_date_display) == (
        "Case Ü (fictional)",
        "VNM",
        "2016-05-12",
    )


def test_a_megabyte_of_full_text_in_one_csv_cell(reference: None, tmp_path: Path) -> None:
    body = ("The tribunal examined the ledger. " * 32_000)[:1_000_000]
    path = tmp_path / "big.csv"
    path.write_text(f'id,title,country,full_text\nBIG-1,Big (fictional),FRA,"{body}"\n')
    assert import_file("caselaw", path).ok
    assert len(CaseLaw.objects.get().full_text) == len(body.strip())


# (file name, its bytes): each holds the same two cases, V-1 in France (2016) and V-2 in Italy
FILE_VARIANTS = [
    ("cr.csv", b"id,title,country,year\rV-1,One,FRA,2016\rV-2,Two,ITA,2016\r"),  # old Mac
    ("tabs.tsv", b"id\ttitle\tcountry\tyear\nV-1\tOne\tFRA\t2016\nV-2\tTwo\tITA\t2016\n"),
    ("pipes.txt", b"id|title|country|year\nV-1|One|FRA|2016\nV-2|Two|ITA|2016\n"),
    (
        "pandas_index.csv",  # to_csv() writes the index as a first column with no name
        b",id,title,country,year\n0,V-1,One,FRA,2016.0\n1,V-2,Two,ITA,2016.0\n",
    ),
    ("trailing.csv", b"id;title;country;year;\nV-1;One;FRA;2016;\n;;;;\nV-2;Two;ITA;2016;;\n"),
    (
        "excel_sep.csv",
        b"sep=|\r\nid|title|country|year\r\nV-1|One|FRA|2016\r\nV-2|Two|ITA|2016\r\n",
    ),
    (
        "python_dumps.jsonl",  # json.dumps of pandas' to_dict(): NaN for gaps
        b'{"id": "V-1", "title": "One", "country": "FRA", "year": 2016.0, "court": NaN}\n\n'
        b'{"id": "V-2", "title": "Two", "country": "ITA", "year": 2016, "court": NaN}\n',
    ),
    (
        "export.txt",  # no known suffix: JSON, from its first character
        b'  {"id": "V-1", "title": "One", "country": "FRA", "year": "2016"}\n'
        b'{"id": "V-2", "title": "Two", "country": "ITA", "year": "2016"}\n',
    ),
]


@pytest.mark.parametrize(("name", "content"), FILE_VARIANTS)
def test_file_variants(reference: None, tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    report = import_file("caselaw", path)
    assert report.ok, report.errors
    cases = CaseLaw.objects.order_by("external_id")
    assert [(c.external_id, c.country.iso3, c.decision_date_display) for c in cases] == [
        ("V-1", "FRA", "2016"),
        ("V-2", "ITA", "2016"),
    ]


# (file content, the errors reported)
BROKEN_FILES = [
    (
        "cases.csv",
        'id,title,country\nQ-1,"Never closed,FRA\nQ-2,Fine,ITA\n',
        [(2, "a quoted cell that starts on this line is never closed (the file ends inside it)")],
    ),
    (
        "cases.csv",
        'id,title,country\nQ-1,"Closed" then more,FRA\nQ-2,Fine,ITA,extra\n',
        [
            (2, "this line is not valid CSV (',' expected after '\"')"),
            (3, "more cells than columns in the header"),
        ],
    ),
    (
        "cases.json",
        '{"id": {"0": "A", "1": "B"}, "title": {"0": "x", "1": "y"}}',
        [
            (
                1,
                "the file holds one object per column (pandas' to_json() default), not one "
                'object per record: write it with to_json(…, orient="records", lines=True)',
            )
        ],
    ),
]


@pytest.mark.parametrize(("name", "content", "errors"), BROKEN_FILES)
def test_what_is_truly_wrong_is_reported_by_line(
    reference: None, tmp_path: Path, name: str, content: str, errors: list[tuple[int, str]]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = import_file("caselaw", path)
    assert report.errors == errors
    assert CaseLaw.objects.count() == 0
