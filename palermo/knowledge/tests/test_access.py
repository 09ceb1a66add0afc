"""Persona → status tables for every knowledge page and endpoint."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.knowledge.models import Status
from palermo.knowledge.services import publish_record
from palermo.knowledge.tests.factories import CaseLawFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anon", "practitioner", "alice", "bob", "sam", "adam", "fiona", "eddie", "staff"]


def table(**overrides: int) -> list[tuple[str, int]]:
    default = overrides.pop("default")
    return [(p, overrides.get(p, default)) for p in PERSONAS]


@pytest.fixture
def records(world: Any) -> dict[str, Any]:
    published_x = CaseLawFactory(country=world.state_x, title="Published case of X (fictional)")
    published_y = CaseLawFactory(country=world.state_y, title="Published case of Y (fictional)")
    draft_x = CaseLawFactory(
        country=world.state_x,
        status=Status.DRAFT,
        created_by=world.users["fiona"],
        title="Draft case of X (fictional)",
    )
    submitted_x = CaseLawFactory(
        country=world.state_x,
        status=Status.SUBMITTED,
        created_by=world.users["fiona"],
        title="Submitted case (fictional)",
    )
    return {
        "published_x": published_x,
        "published_y": published_y,
        "draft_x": draft_x,
        "submitted_x": submitted_x,
    }


@pytest.mark.parametrize("persona, expected", table(default=200))
def test_search_page_and_published_record_are_public(
    world: Any, records: dict, persona: str, expected: int
) -> None:
    client = world.client(persona)
    assert client.get("/en/knowledge/").status_code == expected
    assert client.get(f"/en/knowledge/caselaw/{records['published_x'].pk}/").status_code == expected
    assert client.get("/en/knowledge/compare/").status_code == expected
    assert client.get("/api/v1/knowledge/search?q=case").status_code == expected
    assert (
        client.get(f"/api/v1/knowledge/records/caselaw/{records['published_x'].pk}").status_code
        == expected
    )


@pytest.mark.parametrize("persona, expected", table(default=404, fiona=200, eddie=200, staff=200))
def test_draft_record_only_for_its_state_focal_point_and_editors(
    world: Any, records: dict, persona: str, expected: int
) -> None:
    response = world.client(persona).get(f"/en/knowledge/caselaw/{records['draft_x'].pk}/")
    assert response.status_code == expected
    # The API shows published records only, to everyone.
    api = world.client(persona).get(f"/api/v1/knowledge/records/caselaw/{records['draft_x'].pk}")
    assert api.status_code == 404


@pytest.mark.parametrize(
    "persona, expected", table(default=404, anon=302, fiona=200, eddie=200, staff=200)
)
def test_edit_and_review_of_own_state_record(
    world: Any, records: dict, persona: str, expected: int
) -> None:
    pk = records["published_x"].pk
    assert world.client(persona).get(f"/en/knowledge/caselaw/{pk}/edit/").status_code == expected
    assert world.client(persona).get(f"/en/knowledge/caselaw/{pk}/review/").status_code == expected


@pytest.mark.parametrize("persona, expected", table(default=404, anon=302, eddie=200, staff=200))
def test_focal_point_cannot_edit_another_states_record(
    world: Any, records: dict, persona: str, expected: int
) -> None:
    pk = records["published_y"].pk
    assert world.client(persona).get(f"/en/knowledge/caselaw/{pk}/edit/").status_code == expected


@pytest.mark.parametrize(
    "persona, expected", table(default=403, anon=302, fiona=200, eddie=200, staff=200)
)
def test_contribute_and_create_pages(world: Any, persona: str, expected: int) -> None:
    client = world.client(persona)
    assert client.get("/en/knowledge/contribute/").status_code == expected
    assert client.get("/en/knowledge/caselaw/new/").status_code == expected
    assert client.get("/en/knowledge/treaty/new/").status_code == expected


@pytest.mark.parametrize(
    "persona, expected", table(default=404, anon=302, fiona=403, eddie=302, staff=302)
)
def test_only_editors_publish(world: Any, records: dict, persona: str, expected: int) -> None:
    record = records["submitted_x"]
    response = world.client(persona).post(
        f"/en/knowledge/caselaw/{record.pk}/publish/", {"comment": ""}
    )
    assert response.status_code == expected
    record.refresh_from_db()
    assert record.is_published is (expected == 302 and persona != "anon")


@pytest.mark.parametrize(
    "persona, expected", table(default=404, anon=302, fiona=302, eddie=302, staff=302)
)
def test_submit_by_those_who_may_edit(
    world: Any, records: dict, persona: str, expected: int
) -> None:
    record = records["draft_x"]
    response = world.client(persona).post(f"/en/knowledge/caselaw/{record.pk}/submit/")
    assert response.status_code == expected
    record.refresh_from_db()
    assert (record.status == Status.SUBMITTED) is (expected == 302 and persona != "anon")


def test_unpublished_records_never_reach_search_or_exports(world: Any, records: dict) -> None:
    from palermo.knowledge.services import refresh_index

    for record in records.values():
        refresh_index(record)
    body = world.client("anon").get("/api/v1/knowledge/search?q=case").json()
    titles = {r["title"] for r in body["results"]}
    assert titles == {"Published case of X (fictional)", "Published case of Y (fictional)"}
    export = b"".join(
        world.client("anon").get("/en/knowledge/export.jsonl?type=caselaw").streaming_content
    )
    assert b"Draft case" not in export and b"Submitted case" not in export
    assert b"Published case of X" in export
    publish_record(world.users["eddie"], records["submitted_x"])
    body = world.client("anon").get("/api/v1/knowledge/search?q=submitted").json()
    assert [r["title"] for r in body["results"]] == ["Submitted case (fictional)"]
