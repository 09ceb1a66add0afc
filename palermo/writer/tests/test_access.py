"""Persona → status tables for every page and endpoint of the writer. Bob (authority B) and
everyone outside authority A get 404 on A's requests everywhere, renders and exports included."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import PERSONA_NAMES
from palermo.writer import services
from palermo.writer.tests.factories import make_request

# Requests of authority A: its members see them; nobody else learns they exist.
ON_A_DRAFT = {
    "anon": 302,
    "practitioner": 404,
    "alice": 200,
    "bob": 404,
    "sam": 200,
    "adam": 200,
    "fiona": 404,
    "eddie": 404,
    "staff": 404,
}
API_ON_A_DRAFT = {**ON_A_DRAFT, "anon": 401}
# Pages for everyone who may write: verified practitioners and every role above them.
WRITERS = {
    "anon": 302,
    "practitioner": 200,
    "alice": 200,
    "bob": 200,
    "sam": 200,
    "adam": 200,
    "fiona": 200,
    "eddie": 200,
    "staff": 200,
}


@pytest.fixture
def a_draft(world: Any, settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return make_request(world)


PAGES = [
    "/en/writer/{pk}/",
    "/en/writer/{pk}/step/authorities/",
    "/en/writer/{pk}/step/legal_basis/",
    "/en/writer/{pk}/step/proceedings/",
    "/en/writer/{pk}/step/offences/",
    "/en/writer/{pk}/step/facts/",
    "/en/writer/{pk}/step/persons/",
    "/en/writer/{pk}/step/measures/",
    "/en/writer/{pk}/step/procedures/",
    "/en/writer/{pk}/step/handling/",
    "/en/writer/{pk}/step/annexes/",
    "/en/writer/{pk}/download/request/pdf/ar/",
    "/en/writer/{pk}/download/request/docx/zh-hans/",
    "/en/writer/{pk}/download/bilingual/docx/fr/",
    "/en/writer/{pk}/download/request/json/en/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONA_NAMES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_of_a_draft(world: Any, a_draft: Any, persona: str, page: str) -> None:
    response = world.client(persona).get(page.format(pk=a_draft.pk))
    assert response.status_code == ON_A_DRAFT[persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_index(world: Any, persona: str) -> None:
    assert world.client(persona).get("/en/writer/").status_code == WRITERS[persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONA_NAMES)
@pytest.mark.parametrize("action", ["autosave/facts/", "acknowledge/", "do/submit/"])
def test_posts_on_a_draft(world: Any, a_draft: Any, persona: str, action: str) -> None:
    response = world.client(persona).post(
        f"/en/writer/{a_draft.pk}/{action}", {"facts__summary": "x"}
    )
    expected = ON_A_DRAFT[persona]
    if expected == 200:
        expected = 200 if action.startswith("autosave") else 302  # redirect to review
    assert response.status_code == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_api_endpoints_on_a_draft(world: Any, a_draft: Any, persona: str) -> None:
    client = world.client(persona)
    base = f"/api/v1/writer/requests/{a_draft.pk}"
    expected = API_ON_A_DRAFT[persona]
    calls = [
        client.get(base),
        client.patch(
            base,
            json.dumps({"content": {"purpose": "To prove the transfers."}}),
            content_type="application/json",
        ),
        client.post(f"{base}/validate"),
        client.get(f"{base}/render?format=pdf&lang=ar"),
        client.get(f"{base}/render?format=json&lang=en"),
        client.post(
            f"{base}/acknowledge", json.dumps({"rules": []}), content_type="application/json"
        ),
    ]
    assert [c.status_code for c in calls] == [expected] * len(calls)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_api_list_shows_only_own_authority(world: Any, a_draft: Any, persona: str) -> None:
    response = world.client(persona).get("/api/v1/writer/requests")
    if persona == "anon":
        assert response.status_code == 401
        return
    ids = [r["id"] for r in response.json()]
    assert (a_draft.pk in ids) == (ON_A_DRAFT[persona] == 200)


@pytest.mark.django_db
def test_private_draft_of_practitioner_is_theirs_alone(world: Any) -> None:
    pat = world.users["practitioner"]
    private = services.create_request(pat)
    assert private.organisation is None
    for persona in PERSONA_NAMES:
        status = world.client(persona).get(f"/en/writer/{private.pk}/").status_code
        assert status == {"practitioner": 200, "anon": 302}.get(persona, 404), persona


@pytest.mark.django_db
def test_unverified_user_cannot_write(world: Any, django_user_model: Any) -> None:
    from django.test import Client

    user = django_user_model.objects.create_user("new@example.org", "a-long-password-1")
    client = Client()
    client.force_login(user)
    assert client.get("/en/writer/").status_code == 403
    assert (
        client.post("/api/v1/writer/requests", "{}", content_type="application/json").status_code
        == 403
    )


@pytest.mark.django_db
def test_bob_cannot_approve_or_transition_a_request(world: Any, a_draft: Any) -> None:
    response = world.client("bob").post(
        f"/api/v1/writer/requests/{a_draft.pk}/transitions/submit",
        "{}",
        content_type="application/json",
    )
    assert response.status_code == 404
