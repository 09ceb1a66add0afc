"""Compiled plans: what each backend would send to its database, checked without running it."""

from __future__ import annotations

import pytest

from palermo.core.search.backends.base import Filters
from palermo.core.search.backends.postgres import PostgresBackend
from palermo.core.search.backends.sqlite import SQLiteBackend
from palermo.core.search.query import ParsedQuery, Phrase, parse_query

SQLITE = SQLiteBackend()
POSTGRES = PostgresBackend()

# query -> (FTS5 MATCH expression, PostgreSQL tsquery text)
COMPILED = [
    ("money", '"money"', "'money'"),
    ("Money Laundering", '"money" AND "laundering"', "'money' & 'laundering'"),
    ('"central authority"', '"central authority"', "('central' <-> 'authority')"),
    ("launder*", '"launder" *', "'launder':*"),
    ('"joint investig"*', '"joint investig"', "('joint' <-> 'investig')"),
    ("mendes OR dupré", '("mendes" OR "dupre")', "('mendes' | 'dupre')"),
    ("money -rossi", '("money") NOT ("rossi")', "('money') & !('rossi')"),
    (
        "money NOT rossi NOT shell",
        '("money") NOT ("rossi" OR "shell")',
        "('money') & !('rossi' | 'shell')",
    ),
    ("NOT money", 'NOT ("money")', "!('money')"),
    ("e-mail", '"e mail"', "('e' <-> 'mail')"),
    ("غَسْلُ الأموال", '"غسل" AND "الاموال"', "'غسل' & 'الاموال'"),
    ("洗钱", '"洗钱"', "'洗钱'"),
    ("组织犯罪", '"组织 织犯 犯罪"', "('组织' <-> '织犯' <-> '犯罪')"),
    ("犯", '"犯" *', "'犯':*"),
    ("ёмкость", '"емкость"', "'емкость'"),
    # Malformed input becomes plain words; nothing of the user's syntax survives.
    ('"); DROP TABLE x; --', '"drop" AND "table" AND "x"', "'drop' & 'table' & 'x'"),
    # Punctuation inside a chunk joins its words into a phrase, as in "e-mail".
    ("NEAR(a b)", '"near a" AND "b"', "('near' <-> 'a') & 'b'"),
    ("OR", '"or"', "'or'"),
    ("AND OR NOT", '"and" AND "or" AND "not"', "'and' & 'or' & 'not'"),
    ('"unbalanced quote', '"unbalanced" AND "quote"', "'unbalanced' & 'quote'"),
    ("title:money ^2", '"title money" AND "2"', "('title' <-> 'money') & '2'"),
    ("NOT", '"not"', "'not'"),  # only an operator: searched as the word
    ("a\x00b\x1fc", '"a" AND "b" AND "c"', "'a' & 'b' & 'c'"),
]


@pytest.mark.parametrize("query, fts5, tsquery", COMPILED, ids=[c[0] for c in COMPILED])
def test_compiled_expression(query: str, fts5: str, tsquery: str) -> None:
    parsed = parse_query(query)
    sqlite_text = SQLITE.compile_text(parsed)
    postgres_text = POSTGRES.compile_text(parsed)
    assert sqlite_text is not None and postgres_text is not None
    assert sqlite_text.expression == fts5
    assert postgres_text.expression == tsquery


@pytest.mark.parametrize("query", ["", "   ", "*", "^", "-", "()", '""', "--", "\x00\x01"])
def test_queries_without_words_match_everything(query: str) -> None:
    assert parse_query(query).is_empty
    assert SQLITE.compile_text(parse_query(query)) is None
    assert POSTGRES.compile_text(parse_query(query)) is None


def test_parsed_form() -> None:
    assert parse_query('"money laundering" OR bribery -italy') == ParsedQuery(
        required=((Phrase(("money", "laundering")), Phrase(("bribery",))),),
        excluded=(Phrase(("italy",)),),
    )


def test_sqlite_sql_joins_fts_and_weights_fields() -> None:
    text = SQLITE.compile_text(parse_query("money"))
    assert text is not None
    assert text.entry_from_sql == (
        "(SELECT rowid AS id, bm25(search_fts, 10.0, 4.0, 1.0) AS rank FROM search_fts"
        " WHERE search_fts MATCH %s) h CROSS JOIN search_entry e ON e.id = h.id"
    )
    assert text.entry_from_params == ('"money"',)
    assert text.score_sql == "-h.rank"
    assert text.source_sql == (
        "(SELECT rowid AS id, bm25(search_fts, 10.0, 4.0, 1.0) AS rank FROM search_fts"
        " WHERE search_fts MATCH %s) e"
    )


def test_postgres_sql_uses_weighted_rank() -> None:
    text = POSTGRES.compile_text(parse_query("money"))
    assert text is not None
    assert text.where_sql == "e.document @@ to_tsquery('simple', %s)"
    assert text.score_sql == (
        "ts_rank_cd('{0.05, 0.2, 0.4, 1.0}', e.document, to_tsquery('simple', %s), 1)"
    )


def test_filters_compile_to_facet_subqueries() -> None:
    filters = Filters(
        facets={"country": ("ITA", "FRA"), "kind": ("caselaw",)},
        year_from=2015,
        year_to=None,
        include_non_public=False,
    )
    # A year range needs the entry row: matches first (CROSS JOIN), then the entry.
    sql, params = SQLITE.matching_sql(SQLITE.compile_text(parse_query("money")), filters)
    assert sql == (
        "SELECT e.id FROM (SELECT rowid AS id, bm25(search_fts, 10.0, 4.0, 1.0) AS rank"
        " FROM search_fts WHERE search_fts MATCH %s) h CROSS JOIN search_entry e ON e.id = h.id"
        " WHERE e.is_public = %s AND e.year >= %s"
        " AND +e.id IN (SELECT entry_id FROM search_facet WHERE facet = %s AND value IN (%s, %s))"
        " AND e.kind IN (%s)"
    )
    assert params == ['"money"', True, 2015, "country", "ITA", "FRA", "caselaw"]
    # Without one, the matches alone stand for the entries; kind comes from the facet table.
    no_years = Filters(filters.facets, None, None, False)
    sql, params = SQLITE.matching_sql(SQLITE.compile_text(parse_query("money")), no_years)
    assert sql == (
        "SELECT e.id FROM (SELECT rowid AS id, bm25(search_fts, 10.0, 4.0, 1.0) AS rank"
        " FROM search_fts WHERE search_fts MATCH %s) e"
        " WHERE +e.id NOT IN (SELECT id FROM search_entry WHERE is_public = %s)"
        " AND +e.id IN (SELECT entry_id FROM search_facet WHERE facet = %s AND value IN (%s, %s))"
        " AND +e.id IN (SELECT entry_id FROM search_facet WHERE facet = %s AND value IN (%s))"
    )
    assert params == ['"money"', False, "country", "ITA", "FRA", "kind", "caselaw"]
    sql, params = POSTGRES.matching_sql(POSTGRES.compile_text(parse_query("-money")), filters)
    assert sql == (
        "SELECT e.id FROM search_entry e WHERE NOT (e.document @@ to_tsquery('simple', %s))"
        " AND e.is_public = %s AND e.year >= %s"
        " AND e.id IN (SELECT entry_id FROM search_facet WHERE facet = %s AND value IN (%s, %s))"
        " AND e.kind IN (%s)"
    )
    assert params == ["'money'", True, 2015, "country", "ITA", "FRA", "caselaw"]
