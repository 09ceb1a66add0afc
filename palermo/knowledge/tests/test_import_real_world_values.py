"""What real exported files write in one cell or key, read by `palermo import`: dates, field
names, lists, numbers, and what is refused (with what it says)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from palermo.knowledge.importing.headers import KeyMapper, documented_names, field_name
from palermo.knowledge.importing.line import Line
from palermo.knowledge.importing.lookups import Lookups
from palermo.knowledge.importing.reader import as_list, as_objects
from palermo.knowledge.importing.rows import COURT_LEVEL_NAMES, LEGAL_SYSTEM_NAMES
from palermo.knowledge.models import CourtLevel, LegalSystem

D = datetime.date

# (what the cell holds, (the date it stands for, its precision))
DATES_READ: list[tuple[Any, tuple[datetime.date, str]]] = [
    ("2016", (D(2016, 1, 1), "year")),
    ("2016-05", (D(2016, 5, 1), "month")),
    ("2016-05-12", (D(2016, 5, 12), "day")),
    ("2016-5-2", (D(2016, 5, 2), "day")),
    ("2016-05-12T00:00:00Z", (D(2016, 5, 12), "day")),
    ("2016-05-12T23:30:00-05:00", (D(2016, 5, 12), "day")),  # the day as written, not in UTC
    ("2016-05-12 00:00:00", (D(2016, 5, 12), "day")),
    ("2016-05-12 10:30", (D(2016, 5, 12), "day")),
    ("2016-05-12 00:00:00+02:00", (D(2016, 5, 12), "day")),
    ("2016-05-12T00:00:00.000", (D(2016, 5, 12), "day")),  # pandas' date_format="iso"
    (2016, (D(2016, 1, 1), "year")),
    (2016.0, (D(2016, 1, 1), "year")),  # pandas: a year column with gaps is float
    ("2016.0", (D(2016, 1, 1), "year")),  # the same, through to_csv
    ("2016/05/12", (D(2016, 5, 12), "day")),
    ("2016.05.12", (D(2016, 5, 12), "day")),
    ("2016/05", (D(2016, 5, 1), "month")),
    ("05/2016", (D(2016, 5, 1), "month")),
    ("20160512", (D(2016, 5, 12), "day")),
    ("13/05/2016", (D(2016, 5, 13), "day")),  # day > 12: only one reading
    ("13.05.2016", (D(2016, 5, 13), "day")),
    ("13-05-2016", (D(2016, 5, 13), "day")),
    ("05/13/2016", (D(2016, 5, 13), "day")),  # month first (United States), the same
    ("05/05/2016", (D(2016, 5, 5), "day")),  # both readings are one date
    ("13/05/2016 00:00", (D(2016, 5, 13), "day")),  # Excel's date-time cells
    ("12 May 2016", (D(2016, 5, 12), "day")),
    ("May 12, 2016", (D(2016, 5, 12), "day")),
    ("12th May 2016", (D(2016, 5, 12), "day")),
    ("Thursday, 12 May 2016", (D(2016, 5, 12), "day")),
    ("the 12th of May, 2016", (D(2016, 5, 12), "day")),
    ("12-MAY-2016", (D(2016, 5, 12), "day")),
    ("12 Sept. 2016", (D(2016, 9, 12), "day")),
    ("May 2016", (D(2016, 5, 1), "month")),
    ("  may   2016 ", (D(2016, 5, 1), "month")),
    ("12 mai 2016", (D(2016, 5, 12), "day")),
    ("1er février 2016", (D(2016, 2, 1), "day")),
    ("12 févr. 2016", (D(2016, 2, 12), "day")),
    ("août 2016", (D(2016, 8, 1), "month")),
    ("12 de mayo de 2016", (D(2016, 5, 12), "day")),
    ("1º de septiembre de 2016", (D(2016, 9, 1), "day")),
    ("diciembre 2016", (D(2016, 12, 1), "month")),
    ("12 мая 2016 г.", (D(2016, 5, 12), "day")),
    ("май 2016", (D(2016, 5, 1), "month")),
    ("12 مايو 2016", (D(2016, 5, 12), "day")),
    ("12 كانون الثاني 2016", (D(2016, 1, 12), "day")),
    ("2016年5月12日", (D(2016, 5, 12), "day")),
    ("2016年5月", (D(2016, 5, 1), "month")),
    (1463011200000, (D(2016, 5, 12), "day")),  # pandas' to_json default: ms since 1970, UTC
    ({"$date": "2016-05-12T00:00:00Z"}, (D(2016, 5, 12), "day")),  # mongoexport
    ({"$date": {"$numberLong": "1463011200000"}}, (D(2016, 5, 12), "day")),
]

# (what the cell holds, what the refusal says)
DATES_REFUSED: list[tuple[Any, str]] = [
    ("12/05/2016", "“12/05/2016” could be 2016-05-12 or 2016-12-05: write the date as YYYY-MM-DD"),
    ("12.05.2016", "“12.05.2016” could be 2016-05-12 or 2016-12-05"),
    ("03-04-2016", "“03-04-2016” could be 2016-04-03 or 2016-03-04"),
    ("12/05/16", "“12/05/16” has a two-digit year: write the date as YYYY-MM-DD"),
    ("12-MAY-16", "“12-MAY-16” has a two-digit year"),
    ("31/02/2016", "“31/02/2016” is not a real date."),
    ("2016-02-30", "“2016-02-30” is not a real date."),
    ("31 June 2016", "“31 June 2016” is not a real date."),
    ("2016/13/01", "“2016/13/01” is not a real date."),
    ("42502", "“42502” looks like a spreadsheet's date number"),
    (1463054400000, "“1463054400000” is a moment in time, not a date"),
    ("16th of May", "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, not “16th of May”."),
    ("Spring 2016", "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, not “Spring 2016”."),
    ("2015-2016", "“2015-2016” is a range of years: give the year of the decision, YYYY."),
    ("May 12 2016 or later", "Write the date as YYYY, YYYY-MM or YYYY-MM-DD"),
]


def _partial_date(value: Any) -> tuple[tuple[datetime.date | None, str], list[str]]:
    line = Line({"decision_date": value}, Lookups(), strict=False)
    return line.partial_date("decision_date", "year", "date"), line.errors


@pytest.mark.parametrize(("value", "expected"), DATES_READ)
def test_decision_dates_as_exports_write_them(value: Any, expected: Any) -> None:
    assert _partial_date(value) == (expected, [])


@pytest.mark.parametrize(("value", "message"), DATES_REFUSED)
def test_dates_that_are_wrong_or_could_be_two_dates_are_refused_saying_why(
    value: Any, message: str
) -> None:
    (date, _precision), errors = _partial_date(value)
    assert date is None and len(errors) == 1
    assert errors[0].startswith(message)


@pytest.mark.parametrize("missing", [None, "", "  ", "NaT", "nan", "None", "null", "N/A"])
def test_an_empty_or_missing_marked_date_falls_to_the_year(missing: Any) -> None:
    line = Line({"decision_date": missing, "year": "2016"}, Lookups(), strict=False)
    assert line.partial_date("decision_date", "year") == (D(2016, 1, 1), "year")
    assert line.errors == []


# Whole dates (legislation, treaties): every form above that names a day, nothing less.
WHOLE_DATES: list[tuple[Any, datetime.date | None, str]] = [
    ("2019-03-04", D(2019, 3, 4), ""),
    ("2019-03-04 00:00:00", D(2019, 3, 4), ""),
    ("4 March 2019", D(2019, 3, 4), ""),
    ("2019/03/04", D(2019, 3, 4), ""),
    ("nan", None, ""),
    ("2019", None, "“in_force_on” must be a date written YYYY-MM-DD, not “2019”"),
    ("March 2019", None, "“in_force_on” must be a date written YYYY-MM-DD, not “March 2019”"),
    ("04/03/2019", None, "“04/03/2019” could be 2019-03-04 or 2019-04-03"),
]


@pytest.mark.parametrize(("value", "expected", "message"), WHOLE_DATES)
def test_whole_dates(value: Any, expected: datetime.date | None, message: str) -> None:
    line = Line({"in_force_on": value}, Lookups(), strict=False)
    assert line.date("in_force_on") == expected
    assert [e[: len(message)] for e in line.errors] == ([message] if message else [])


HEADERS = [
    ("decision_date", "decision_date"),
    ("Decision Date", "decision_date"),
    ("  DECISION  DATE ", "decision_date"),
    ("decision-date", "decision_date"),
    ("decisionDate", "decision_date"),
    ("DecisionDate", "decision_date"),
    ("Crime Types", "crime_types"),
    ("Crime type(s)", "crime_types"),
    ("UNTOC Articles", "untoc_articles"),
    ("UNTOCArticles", "untoc_articles"),
    ("\ufeffid", "id"),
    ("ID", "id"),
    ("Source URL", "source_url"),
    ("Full text", "full_text"),
    ("Cross-cutting issues", "cross_cutting_issues"),
    ("Année", "annee"),
]


@pytest.mark.parametrize(("header", "expected"), HEADERS)
def test_header_spellings(header: str, expected: str) -> None:
    assert field_name(header) == expected


# (a file's headers, the names they are read as)
HEADER_ROWS = [
    (["Crime Type", "Article", "Defendant"], ["crime_types", "articles", "defendants"]),
    (["Case ID", "Case Name", "Judgement Date"], ["id", "case_name", "decision_date"]),
    # a synonym is not applied when the documented name is also there
    (["id", "case_id"], ["id", "case_id"]),
    (["", "id"], ["", "id"]),  # pandas' index column has no name
]


@pytest.mark.parametrize(("headers", "expected"), HEADER_ROWS)
def test_header_rows(headers: list[str], expected: list[str]) -> None:
    assert documented_names(headers) == expected


def test_a_header_written_as_documented_wins_over_other_spellings_of_it() -> None:
    assert KeyMapper()({"Country": "FRA", "country": "ITA"}) == {"Country": "FRA", "country": "ITA"}
    # mongoexport writes its own _id first; a file's own id stays the key
    assert KeyMapper()({"_id": "5f1", "id": "C-1"}) == {"_id": "5f1", "id": "C-1"}
    assert KeyMapper()({"_id": "5f1", "title": "t"}) == {"id": "5f1", "title": "t"}


def test_key_mapper_leaves_documented_keys_alone_and_renames_others() -> None:
    rename = KeyMapper()
    row = {"id": "1", "title": "t"}
    assert rename(row) is row
    assert rename({"ID": "1", "Decision Date": "2016"}) == {"id": "1", "decision_date": "2016"}


LISTS: list[tuple[Any, list[str]]] = [
    (None, []),
    ("", []),
    (["a", " b ", "", None], ["a", "b"]),
    ("a; b", ["a", "b"]),
    ("a|b", ["a", "b"]),
    ('["a", "b"]', ["a", "b"]),  # a JSON list inside a JSON string
    ("['a', 'b']", ["a", "b"]),  # pandas' to_csv of a column of lists
    ("[]", []),
    ("[not a list", ["[not a list"]),
    ([18, 16], ["18", "16"]),
]


@pytest.mark.parametrize(("value", "expected"), LISTS)
def test_lists(value: Any, expected: list[str]) -> None:
    assert as_list(value) == expected


OBJECTS: list[tuple[Any, list[dict[str, Any]]]] = [
    (None, []),
    ([{"name": "A"}], [{"name": "A"}]),
    ('[{"name": "A"}]', [{"name": "A"}]),
    ("[{'name': 'A'}]", [{"name": "A"}]),
    ({"name": "A"}, [{"name": "A"}]),
    (["A. Doe", "B. Roe"], [{"name": "A. Doe"}, {"name": "B. Roe"}]),  # names only
    ("A. Doe; B. Roe", [{"name": "A. Doe"}, {"name": "B. Roe"}]),
]


@pytest.mark.parametrize(("value", "expected"), OBJECTS)
def test_lists_of_objects(value: Any, expected: list[dict[str, Any]]) -> None:
    assert as_objects(value) == expected


@pytest.mark.parametrize("value", ['[{"name": ', "[1, [2]]", 5])
def test_what_is_not_a_list_of_objects_is_refused(value: Any) -> None:
    with pytest.raises(ValueError):
        as_objects(value)


# (a value where text is expected, the text read)
TEXTS: list[tuple[Any, str]] = [
    (123, "123"),
    (123.0, "123"),  # pandas: an integer column with gaps
    (12.5, "12.5"),
    (True, "True"),
    (["Para 1.", "Para 2."], "Para 1.\nPara 2."),  # scrapers keep every field as a list
    (["R v. Doe"], "R v. Doe"),
    ("  padded  ", "padded"),
    ("<p>Kept <b>as text</b></p>", "<p>Kept <b>as text</b></p>"),
    ({"$oid": "5f1c0a"}, "5f1c0a"),  # MongoDB extended JSON (mongoexport)
    ({"$numberLong": "45"}, "45"),
]


@pytest.mark.parametrize(("value", "expected"), TEXTS)
def test_numbers_and_lists_where_text_is_expected(value: Any, expected: str) -> None:
    line = Line({"case_number": value}, Lookups(), strict=False)
    assert (line.text("case_number"), line.errors) == (expected, [])


def test_an_object_where_text_is_expected_is_refused() -> None:
    line = Line({"title": {"en": "A", "fr": "B"}}, Lookups(), strict=False)
    assert line.text("title") == ""
    assert line.errors == ["“title” must be text, not a list or object"]


# (a court level or legal system as files write it, the code it is read as)
CHOICES = [
    ("court_level", "supreme", "supreme"),
    ("court_level", "Supreme Court", "supreme"),
    ("court_level", "Court of Cassation", "supreme"),
    ("court_level", "Cour de cassation", "supreme"),
    ("court_level", "Court of Appeal", "appeal"),
    ("court_level", "Appellate", "appeal"),
    ("court_level", "Cour d'appel", "appeal"),
    ("court_level", "First instance", "first_instance"),
    ("court_level", "Trial court", "first_instance"),
    ("court_level", "Tribunal de première instance", "first_instance"),
    ("court_level", "Constitutional Court", "constitutional"),
    ("court_level", "specialized", "specialised"),
    ("legal_system", "Common law", "common_law"),
    ("legal_system", "civil", "civil_law"),
    ("legal_system", "Islamic", "islamic_law"),
]


@pytest.mark.parametrize(("field", "value", "code"), CHOICES)
def test_court_levels_and_legal_systems_in_words(field: str, value: str, code: str) -> None:
    choices, names = {
        "court_level": (CourtLevel, COURT_LEVEL_NAMES),
        "legal_system": (LegalSystem, LEGAL_SYSTEM_NAMES),
    }[field]
    line = Line({field: value}, Lookups(), strict=False)
    assert (line.choice(field, choices, "", names), line.errors) == (code, [])


def test_a_court_level_that_is_no_level_is_still_refused() -> None:
    line = Line({"court_level": "High Court"}, Lookups(), strict=False)
    assert line.choice("court_level", CourtLevel, "", COURT_LEVEL_NAMES) == ""
    assert line.errors[0].startswith("“court_level” must be one of appeal, constitutional,")
