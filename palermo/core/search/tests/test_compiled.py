"""Compiled plans: what each backend would send to its database, checked without running it."""

from __future__ import annotations

import pytest

from palermo.core.search.backends.base import Filters
from palermo.core.search.backends.postgres import PostgresBackend
from palermo.core.search.backends.sqlite import (
    SQLiteBackend,
    filter_clauses,
    tag_token,
    tags_text,
)
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
    ("غَسْلُ الأموال", '"غسل" AND "اموال"', "'غسل' & 'اموال'"),  # the article is not a term
    ("洗钱", '"洗钱"', "'洗钱'"),
    ("组织犯罪", '"组织 织犯 犯罪"', "('组织' <-> '织犯' <-> '犯罪')"),
    ("犯", '"犯" *', "'犯':*"),
    ("ёмкость", '"емкост"', "'емкост'"),  # ё folded, then the Russian stem
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
    if fts5.startswith("NOT "):  # only exclusions: the text matches what the words do not
        assert sqlite_text.inverted and postgres_text.inverted
        assert sqlite_text.expression == fts5[5:-1]
        assert postgres_text.expression == tsquery[2:-1]
    else:
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


def test_filters_compile_to_tag_clauses() -> None:
    filters = Filters(
        facets={"country": ("ITA", "FRA"), "kind": ("caselaw",)},
        year_from=2015,
        year_to=None,
        include_non_public=False,
    )
    clauses = filter_clauses(filters, years=[2015, 2016])
    ita, fra = tag_token("country", "ITA"), tag_token("country", "FRA")
    assert clauses == [
        f'{{tags}} : ("{ita}" OR "{fra}")',
        f'{{tags}} : ("{tag_token("kind", "caselaw")}")',
        f'{{tags}} : ("{tag_token("year", "2015")}" OR "{tag_token("year", "2016")}")',
    ]
    # Tags are single FTS5 tokens that no folded word of a user's can equal.
    assert ita.isalnum() and ita.startswith("0x") and ita != fra
    assert tags_text([("country", "ITA")], is_public=False) == f"{ita} 0xprivate"
