"""Malformed queries never raise: hypothesis throws arbitrary text at the configured database."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from palermo.core.search import SearchPlan, search, suggest
from palermo.core.search.query import parse_query

NASTY = [
    '"); DROP TABLE search_entry; --',
    "NEAR(",
    "NEAR(money laundering, 3)",
    "*",
    "^",
    "money^2",
    '"',
    '""""',
    "AND",
    "OR OR OR",
    "NOT NOT",
    "- - -",
    "title:money",
    "{title summary}: money",
    "money:*",
    "'money' & !rossi",
    "a <-> b",
    "(((",
    ")))",
    "\x00\x01\x02\x1b[31m",
    "\ud800",
    "%s %(name)s %%",
    "?",
    "laundering " * 1200,  # about 12 KB
    "洗" * 5000,
    "ر" * 5000,
]

WORDS = st.sampled_from(
    [
        '"',
        "*",
        "^",
        "-",
        "(",
        ")",
        ":",
        "'",
        "OR",
        "AND",
        "NOT",
        "NEAR",
        "money",
        "洗钱",
        "غسل",
        "%",
        "\\",
        "\x00",
        " ",
        "é",
        "{",
        "}",
        "<->",
        "!",
        "&",
        "|",
        ";",
    ]
)
QUERIES = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map("".join))


@pytest.mark.parametrize("query", NASTY, ids=range(len(NASTY)))
def test_nasty_queries_are_searched_as_text(corpus: int, query: str) -> None:
    results = search(SearchPlan(text=query, facets=["country", "kind"]))
    assert results.total >= 0
    suggest(query)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERIES)
def test_any_query_never_raises(corpus: int, query: str) -> None:
    results = search(SearchPlan(text=query, facets=["country"], filters={"country": [query]}))
    assert results.total >= 0
    assert all("<script" not in hit.snippet for hit in results.hits)
    suggest(query, kinds=[query])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    page=st.one_of(st.integers(), st.none(), st.text(max_size=5)),
    per_page=st.one_of(st.integers(), st.none()),
    year=st.one_of(st.integers(), st.none(), st.text(max_size=5)),
    sort=st.text(max_size=10),
    kinds=st.lists(st.text(max_size=20), max_size=3),
)
def test_any_plan_values_never_raise(
    corpus: int, page: Any, per_page: Any, year: Any, sort: str, kinds: list[str]
) -> None:
    plan = SearchPlan(
        text="money",
        page=page,
        per_page=per_page,
        year_from=year,
        year_to=year,
        sort=sort,
        kinds=kinds,
        facets=["year", "kind"],
    )
    assert search(plan).total >= 0


@given(query=st.text(max_size=2000))
def test_parser_never_raises(query: str) -> None:
    parse_query(query)


def test_documents_with_control_characters_are_indexed(db: Any) -> None:
    from palermo.core.search import SearchDocument, index_document, remove_document

    index_document(
        SearchDocument(
            kind="case\x00law",
            key="k\x001",
            title="Binary\x00 paste\x07 laundering",
            summary="\x00",
            body="text \ud800 with a lone surrogate",
            facets={"country\x00": ["IT\x00A", ""]},
            extra={"note": "nul \x00 here"},
        )
    )
    results = search(SearchPlan(text="laundering", facets=["country"]))
    assert [(hit.kind, hit.key, hit.extra) for hit in results.hits] == [
        ("caselaw", "k1", {"note": "nul  here"})
    ]
    assert results.facets["country"] == [("ITA", 1)]
    remove_document("case\x00law", "k\x001")
    assert search(SearchPlan(text="laundering")).total == 0
