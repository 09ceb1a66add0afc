"""The reference API: public reading, pagination, filters, languages and errors."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import PERSONA_NAMES, World

BASE = "/api/v1/reference"
LISTS = [
    "/countries",
    "/regional-groups",
    "/instruments",
    "/instruments/untoc/articles",
    "/participation",
    "/crime-types",
    "/cross-cutting-issues",
]


def get_json(client: Any, url: str, status: int = 200, **headers: str) -> Any:
    response = client.get(f"{BASE}{url}", **headers)
    assert response.status_code == status, response.content.decode()[:500]
    return response.json()


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_every_endpoint_is_public(reference_data, world: World, persona):
    client = world.client(persona)
    for url in [*LISTS, "/countries/AFG"]:
        assert client.get(f"{BASE}{url}").status_code == 200, url


@pytest.mark.parametrize("url", LISTS)
def test_every_list_is_paginated_the_same_way(reference_data, client, url):
    body = get_json(client, f"{url}?limit=2&offset=1")
    assert set(body) == {"items", "count"}
    assert len(body["items"]) == min(2, body["count"] - 1)


def test_countries_pagination(reference_data, client):
    first = get_json(client, "/countries")
    assert first["count"] == 249 and len(first["items"]) == 50
    last = get_json(client, "/countries?limit=10&offset=240")
    assert len(last["items"]) == 9
    everything = get_json(client, "/countries?limit=500")
    assert len({c["iso3"] for c in everything["items"]}) == 249


@pytest.mark.parametrize(
    "query, count, present",
    [
        ("regional_group=weog&un_member=true", 29, "USA"),
        ("regional_group=african", 54, "NGA"),
        ("un_member=true", 193, "FRA"),
        ("un_member=false", 56, "PRI"),
        ("q=Франция", 1, "FRA"),
        ("q=DEU", 1, "DEU"),
    ],
)
def test_countries_filters(reference_data, client, query, count, present):
    body = get_json(client, f"/countries?{query}&limit=500")
    assert body["count"] == count
    assert present in {c["iso3"] for c in body["items"]}


@pytest.mark.parametrize(
    "how, name, group",
    [
        ({"url": "?lang=fr"}, "France", "Groupe des États d’Europe occidentale et autres États"),
        ({"url": "?lang=ru"}, "Франция", "Группа западноевропейских и других государств"),
        ({"url": "?lang=zh-hans"}, "法国", "西欧和其他国家组"),
        ({"url": "", "HTTP_ACCEPT_LANGUAGE": "ar"}, "فرنسا", "مجموعة دول أوروبا الغربية ودول أخرى"),
        (
            {"url": "", "HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9"},
            "Francia",
            "Grupo de los Estados de Europa Occidental y otros Estados",
        ),
        ({"url": "", "HTTP_ACCEPT_LANGUAGE": "zh-CN"}, "法国", "西欧和其他国家组"),
        (
            {"url": "", "HTTP_ACCEPT_LANGUAGE": "de-DE"},
            "France",
            "Western European and other States",
        ),
        ({"url": ""}, "France", "Western European and other States"),
        (
            {"url": "?lang=en", "HTTP_ACCEPT_LANGUAGE": "fr"},
            "France",
            "Western European and other States",
        ),
    ],
)
def test_names_in_the_language_asked_for(reference_data, client, how, name, group):
    headers = {k: v for k, v in how.items() if k != "url"}
    body = get_json(client, f"/countries/FRA{how['url']}", **headers)
    assert body["name"] == name
    assert body["regional_group"]["name"] == group


def test_lists_are_sorted_by_the_localised_name(reference_data, client):
    names = [c["name"] for c in get_json(client, "/countries?lang=fr&limit=500")["items"]]
    assert names.index("Afrique du Sud") < names.index("Albanie")
    assert names.index("Égypte") < names.index("Espagne")


def test_country_detail_carries_participation_with_provenance(reference_data, client):
    body = get_json(client, "/countries/afg")
    assert body["iso3"] == "AFG" and body["is_un_member"] is True
    by_instrument = {p["instrument"]: p for p in body["participation"]}
    assert list(by_instrument)[:4] == ["untoc", "tip", "som", "firearms"]
    untoc = by_instrument["untoc"]
    assert untoc["status"] == "party"
    assert untoc["participation"]["consent_date"] == "2003-09-24"
    assert untoc["participation"]["as_at"] == "2024-05-04"
    assert untoc["participation"]["sources"]
    assert by_instrument["tip"] == {
        "instrument": "tip",
        "status": "not_recorded",
        "participation": None,
    }


def test_participation_filters(reference_data, client):
    germany = get_json(client, "/participation?country=DEU&instrument=untoc")
    assert germany["count"] == 1
    assert germany["items"][0]["entry_into_force"] == "2006-07-14"
    assert get_json(client, "/participation?instrument=untoc&limit=100")["count"] == 41
    assert get_json(client, "/participation?instrument=tip")["count"] == 0


def test_articles_and_taxonomies(reference_data, client):
    articles = get_json(client, "/instruments/untoc/articles?limit=100&lang=es")
    assert articles["count"] == 41
    art18 = next(a for a in articles["items"] if a["number"] == "18")
    assert art18 == {
        "reference": "UNTOC-18",
        "instrument": "untoc",
        "number": "18",
        "title": "Asistencia judicial recíproca",
    }
    instruments = get_json(client, "/instruments")["items"]
    assert {i["code"]: i["parent"] for i in instruments}["som"] == "untoc"
    crimes = get_json(client, "/crime-types?limit=100")
    assert crimes["count"] == 15
    assert crimes["items"][0]["code"] == "corruption" and crimes["items"][0]["description"]


@pytest.mark.parametrize(
    "url, status, field",
    [
        ("/countries/ZZZ", 404, "iso3"),
        ("/countries/TOOLONG", 404, "iso3"),
        ("/countries?regional_group=atlantis", 422, "regional_group"),
        ("/countries?lang=de", 422, "lang"),
        ("/countries?un_member=maybe", 422, "query.un_member"),
        ("/instruments/palermo/articles", 422, "code"),
        ("/participation?instrument=palermo", 422, "instrument"),
        ("/participation?country=ZZZ", 422, "country"),
        ("/crime-types?limit=-1", 422, "query.limit"),
    ],
)
def test_errors_name_the_parameter_in_the_project_format(
    reference_data, client, url, status, field
):
    body = get_json(client, url, status=status)
    assert set(body) == {"error"}
    assert body["error"]["code"] in ("not_found", "invalid_input")
    assert field in [detail["field"] for detail in body["error"]["details"]]


@pytest.mark.parametrize("url", [*LISTS, "/countries/AFG"])
def test_endpoints_need_few_queries(reference_data, client, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(6):
        client.get(f"{BASE}{url}")


def test_endpoints_are_documented_with_their_access_rule(db):
    # The reference router on its own, so another app's schema cannot hide a gap in ours.
    from ninja import NinjaAPI

    from palermo.reference.api import router

    api = NinjaAPI(urls_namespace="reference-openapi-test")
    api.add_router("/reference/", router)
    document = api.get_openapi_schema(path_prefix="/api/v1")
    paths = {p: ops for p, ops in document["paths"].items() if p.startswith(f"{BASE}/")}
    assert len(paths) == 8
    for operations in paths.values():
        assert "Public (anonymous callers included)" in operations["get"]["description"]
