"""Search page, API, exports, article pages, comparison and the country section."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import reverse

from palermo.knowledge.country import country_section
from palermo.knowledge.services import refresh_index
from palermo.knowledge.tests.factories import (
    CaseLawFactory,
    LegislationFactory,
    ProvisionFactory,
    TreatyFactory,
)

pytestmark = pytest.mark.django_db

MALFORMED = [
    '"unbalanced quote',
    "AND OR NOT",
    "x" * 10_000,
    "null\x00byte\x07bell",
    "'; DROP TABLE knowledge_caselaw; --",
    'title:foo NEAR(bar) "*" ^ - ( ) {}',
    "***",
]


@pytest.fixture
def library(world: Any, taxonomy: Any) -> dict[str, Any]:
    case_x = CaseLawFactory(
        country=world.state_x,
        title="Harbour network case (fictional)",
        court="High Court of Xandria",
        classification={
            "crime_types": ["trafficking-in-persons"],
            "cross_cutting_issues": [],
            "articles": ["UNTOC-18"],
        },
        summary="Smugglers used the harbour; evidence came by mutual legal assistance.",
    )
    case_x.articles.add(taxonomy.art18)
    case_y = CaseLawFactory(
        country=world.state_y,
        title="Dockside laundering case (fictional)",
        court="Court of Yberia",
        summary="Proceeds were laundered through the harbour.",
    )
    law_x = LegislationFactory(
        country=world.state_x, title="Cooperation Act of Xandria (fictional)"
    )
    ProvisionFactory(
        legislation=law_x,
        reference="Art. 4",
        text="The Ministry of Justice is the central authority.",
    ).articles.add(taxonomy.art18)
    law_y = LegislationFactory(
        country=world.state_y, title="Cooperation Code of Yberia (fictional)"
    )
    ProvisionFactory(
        legislation=law_y, reference="Art. 9", text="Requests go through the Attorney General."
    ).articles.add(taxonomy.art18)
    treaty = TreatyFactory(
        states=[world.state_x, world.state_y], title="Xandria–Yberia MLA Treaty (fictional)"
    )
    for record in (case_x, case_y, law_x, law_y, treaty):
        record.classification = record.classification or {
            "crime_types": [],
            "cross_cutting_issues": [],
            "articles": ["UNTOC-18"],
        }
        record.save()
        refresh_index(record)
    return {"case_x": case_x, "case_y": case_y, "law_x": law_x, "treaty": treaty}


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_queries_never_fail(world: Any, library: dict, query: str) -> None:
    client = world.client("anon")
    page = client.get(
        reverse("knowledge:search"), {"q": query, "year_from": "abc", "page": "-4", "sort": "bogus"}
    )
    assert page.status_code == 200
    api = client.get("/api/v1/knowledge/search", {"q": query})
    assert api.status_code == 200 and "results" in api.json()
    assert client.get(reverse("knowledge:suggest"), {"q": query}).status_code == 200


def test_search_page_facets_combine_and_stay_in_the_url(world: Any, library: dict) -> None:
    client = world.client("anon")
    body = client.get(reverse("knowledge:search"), {"q": "harbour"}).content.decode()
    assert "Harbour network case" in body and "Dockside laundering case" in body
    assert "<mark>" in body
    assert 'name="country" value="XAA"' in body and "Xandria" in body
    narrowed = client.get(
        reverse("knowledge:search"), {"q": "harbour", "country": "YBB", "type": "caselaw"}
    )
    text = narrowed.content.decode()
    assert "Dockside laundering case" in text and "Harbour network case" not in text
    assert "checked" in text
    # Nothing found: help to drop a filter.
    empty = client.get(
        reverse("knowledge:search"), {"q": "laundered", "country": "XAA"}
    ).content.decode()
    assert "Nothing matches this search." in empty
    assert "You would find records by dropping a filter" in empty


def test_api_search_returns_ranked_results_with_the_documented_fields(
    world: Any, library: dict
) -> None:
    body = (
        world.client("anon")
        .get("/api/v1/knowledge/search", {"q": "harbour", "type": "caselaw"})
        .json()
    )
    assert body["total"] == 2
    first = body["results"][0]
    assert set(first) >= {
        "id",
        "type",
        "title",
        "state",
        "date",
        "source_url",
        "snippet",
        "url",
        "score",
    }
    assert {f["value"] for f in body["facets"]["country"]} == {"XAA", "YBB"}
    assert {"value": "XAA", "label": "Xandria", "count": 1} in body["facets"]["country"]
    filtered = (
        world.client("anon")
        .get("/api/v1/knowledge/search", {"article": "UNTOC-18", "type": "legislation"})
        .json()
    )
    assert filtered["total"] == 2
    detail = (
        world.client("anon").get(f"/api/v1/knowledge/records/caselaw/{library['case_x'].pk}").json()
    )
    assert detail["country"] == "XAA" and detail["title"] == "Harbour network case (fictional)"
    assert world.client("anon").get("/api/v1/knowledge/records/nonsense/1").status_code == 404
    suggestions = world.client("anon").get("/api/v1/knowledge/suggest", {"q": "Harb"}).json()
    assert "Harbour network case (fictional)" in suggestions["suggestions"]


def test_api_names_the_filter_to_drop_with_its_values(world: Any, library: dict) -> None:
    # Xandria's harbour case is not from 1900-1901: dropping the years finds it again; the
    # relaxation carries the range as [from, to], as docs/api.md shows for a State's codes.
    body = (
        world.client("anon")
        .get(
            "/api/v1/knowledge/search",
            {"q": "harbour", "country": "XAA", "year_from": "1900", "year_to": "1901"},
        )
        .json()
    )
    assert body["total"] == 0
    relaxations = {r["filter"]: r for r in body["relaxations"]}
    assert relaxations["year"]["values"] == [1900, 1901] and relaxations["year"]["total"] >= 1


def test_api_treaties_between(world: Any, library: dict) -> None:
    body = (
        world.client("anon")
        .get(
            "/api/v1/knowledge/treaties-between",
            {"state_a": "XAA", "state_b": "ybb", "subject": "mla"},
        )
        .json()
    )
    assert [t["title"] for t in body] == ["Xandria–Yberia MLA Treaty (fictional)"]
    bad = world.client("anon").get(
        "/api/v1/knowledge/treaties-between", {"state_a": "XAA", "state_b": "Atlantis"}
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "error"


def test_exports_of_results_and_collections(world: Any, library: dict) -> None:
    client = world.client("anon")
    response = client.get(reverse("knowledge:export", args=["csv"]), {"q": "harbour"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {r["title"] for r in rows} == {
        "Harbour network case (fictional)",
        "Dockside laundering case (fictional)",
    }
    assert rows[0]["permalink"].startswith("http://testserver/en/knowledge/caselaw/")
    collection = client.get(reverse("knowledge:export", args=["jsonl"]), {"type": "legislation"})
    lines = [
        json.loads(line) for line in b"".join(collection.streaming_content).decode().splitlines()
    ]
    assert len(lines) == 2 and lines[0]["provisions"][0]["untoc_articles"] == ["UNTOC-18"]
    assert client.get("/en/knowledge/export.xml").status_code == 404


def test_article_page_and_comparison(world: Any, library: dict) -> None:
    client = world.client("anon")
    page = client.get(reverse("knowledge:article", args=["UNTOC-18"])).content.decode()
    assert "The Ministry of Justice is the central authority." in page
    assert "Requests go through the Attorney General." in page
    assert "Harbour network case (fictional)" in page
    assert client.get(reverse("knowledge:article", args=["UNTOC-999"])).status_code == 404
    compare = client.get(
        reverse("knowledge:compare"), {"article": "UNTOC-18", "state": ["XAA", "YBB"]}
    )
    text = compare.content.decode()
    assert text.index("The Ministry of Justice") < text.index(
        "Requests go through the Attorney General"
    )
    too_few = client.get(
        reverse("knowledge:compare"), {"article": "UNTOC-18", "state": ["XAA"]}
    ).content.decode()
    assert "Choose at least two States." in too_few
    # Court decisions, not case files: the heading has its own translation (context "case law").
    french = client.get("/fr" + reverse("knowledge:article", args=["UNTOC-18"])[3:])
    assert "<h3>Jurisprudence</h3>" in french.content.decode()


def test_record_page_is_print_friendly_with_citation_and_permalink(
    world: Any, library: dict
) -> None:
    case = library["case_x"]
    body = (
        world.client("anon")
        .get(reverse("knowledge:record", args=["caselaw", case.pk]))
        .content.decode()
    )
    assert "Harbour network case (fictional), High Court of Xandria" in body
    assert f"http://testserver/en/knowledge/caselaw/{case.pk}/" in body
    assert "knowledge/knowledge.css" in body and "style=" not in body and "<script>" not in body


def test_country_section_lists_the_states_published_records(world: Any, library: dict) -> None:
    request = RequestFactory().get("/")
    section = country_section(request, world.state_x)
    assert section is not None and section["template"] == "knowledge/_country_section.html"
    context = section["context"]
    assert [c.title for c in context["cases"]] == ["Harbour network case (fictional)"]
    assert [t.title for t in context["treaties"]] == ["Xandria–Yberia MLA Treaty (fictional)"]
    assert context["legislation_count"] == 1
    from palermo.reference.tests.factories import CountryFactory

    assert country_section(request, CountryFactory()) is None
